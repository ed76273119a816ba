import { mdParagraphs, mdText } from '../exports/safeText.js';
import { alsoInCopies, copiesNote, notCountedNote, sourceCount, type ReportContent } from './content.js';
import { plural } from '../../contract/plural.js';

/** Cells are escaped one by one (mdText also escapes "|"), so no text can add or break a column. */
const row = (cells: (string | number | null | undefined)[]) => `| ${cells.map(mdText).join(' | ')} |`;
const rule = (cells: string[]) => `| ${cells.join(' | ')} |`;

/**
 * The report as Markdown (GitHub tables); the map snapshot, if any, is written beside it and linked.
 * Every string from the workspace or the analyst goes through mdText: a viewer that renders
 * Markdown (and the HTML inside it) without sanitising shows it as text, never as markup or a link.
 */
export function reportMarkdown(c: ReportContent, mapFile: string | null): string {
  const { spec } = c;
  const has = (s: (typeof spec.sections)[number]) => spec.sections.includes(s);
  const out: string[] = [];
  const handling = spec.handling.trim() ? `**${mdText(spec.handling)}**` : null;
  if (handling) out.push(handling, '');
  out.push(
    `# ${mdText(spec.title)}`,
    '',
    `${spec.author ? `${mdText(spec.author)} · ` : ''}${c.generated.slice(0, 10)} · ${plural(c.totalEvents, 'event')} · ${plural(c.totalFatalities, 'reported fatality')} · ${sourceCount(c).n.toLocaleString('en')} ${sourceCount(c).noun}`,
    '',
    `*${mdText(copiesNote(c))}*`,
    '',
  );
  const summary = mdParagraphs(spec.summary);
  if (summary.length) out.push('## Summary', '', ...summary.flatMap((p) => [p, '']));
  // Our own file name, percent-encoded so a space or a parenthesis in it cannot end the link early.
  if (has('map') && mapFile) out.push('## Map', '', `![Map of the current view](${encodeURIComponent(mapFile)})`, '');
  if (has('events')) {
    out.push('## Events', '', rule(['Date', 'Event type', 'Actor 1', 'Actor 2', 'Location', 'Fatalities']), rule(['---', '---', '---', '---', '---', '---:']));
    for (const e of c.events) out.push(row([e.date, notCountedNote(c, e) ? `${e.subEventType} (${notCountedNote(c, e)})` : e.subEventType, e.actor1?.name ?? '—', e.actor2?.name ?? '—', [e.location?.name, e.admin1].filter(Boolean).join(', ') || '—', e.fatalities]));
    if (c.eventRows > c.events.length) out.push('', `The first ${c.events.length} of ${c.eventRows} events are listed; the data exports hold them all.`);
    out.push('');
  }
  if (has('entities') && c.entities.length) {
    out.push('## Actors and places', '', rule(['Name', 'Kind', 'Events', 'Mentions']), rule(['---', '---', '---:', '---:']));
    for (const e of c.entities) out.push(row([e.name, e.type, e.events, e.mentions]));
    out.push('');
  }
  if (has('quotes') && c.quotes.length) {
    out.push('## Key quotes', '');
    for (const q of c.quotes) {
      const quote = q.before || q.after ? `…${mdText(q.before)}**${mdText(q.quote)}**${mdText(q.after)}…` : `“${mdText(q.quote)}”`;
      const cite = `${mdText(q.articleTitle)}${q.source ? `, ${mdText(q.source)}` : ''}${q.published ? `, ${mdText(q.published.slice(0, 10))}` : ''}${mdText(alsoInCopies(q))}`;
      out.push(`> ${quote}  `, `> — *${cite}*`, '');
    }
  }
  if (handling) out.push(handling, '');
  return out.join('\n');
}
