import type { ReportContent } from './content.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;

/** The report as Markdown (GitHub tables); the map snapshot, if any, is written beside it and linked. */
export function reportMarkdown(c: ReportContent, mapFile: string | null): string {
  const { spec } = c;
  const has = (s: (typeof spec.sections)[number]) => spec.sections.includes(s);
  const out: string[] = [];
  if (spec.handling) out.push(`**${spec.handling}**`, '');
  out.push(`# ${spec.title}`, '', `${spec.author ? `${spec.author} · ` : ''}${c.generated.slice(0, 10)} · ${c.totalEvents} events · ${c.totalFatalities} reported fatalities · ${c.articles} source articles`, '');
  if (spec.summary.trim()) out.push('## Summary', '', spec.summary.trim(), '');
  if (has('map') && mapFile) out.push('## Map', '', `![Map of the current view](${mapFile})`, '');
  if (has('events')) {
    out.push('## Events', '', row(['Date', 'Event type', 'Actor 1', 'Actor 2', 'Location', 'Fatalities']), row(['---', '---', '---', '---', '---', '---:']));
    for (const e of c.events) out.push(row([e.date, e.subEventType, e.actor1?.name ?? '—', e.actor2?.name ?? '—', [e.location?.name, e.admin1].filter(Boolean).join(', ') || '—', String(e.fatalities)]));
    if (c.totalEvents > c.events.length) out.push('', `The first ${c.events.length} of ${c.totalEvents} events are listed; the data exports hold them all.`);
    out.push('');
  }
  if (has('entities') && c.entities.length) {
    out.push('## Actors and places', '', row(['Name', 'Kind', 'Events', 'Mentions']), row(['---', '---', '---:', '---:']));
    for (const e of c.entities) out.push(row([e.name, e.type, String(e.events), String(e.mentions)]));
    out.push('');
  }
  if (has('quotes') && c.quotes.length) {
    out.push('## Key quotes', '');
    for (const q of c.quotes) out.push(`> ${q.before || q.after ? `…${q.before}**${q.quote}**${q.after}…` : `“${q.quote}”`}`.replace(/\n/g, ' ') + '  ', `> — *${q.articleTitle}*${q.source ? `, ${q.source}` : ''}${q.published ? `, ${q.published.slice(0, 10)}` : ''}`, '');
  }
  if (spec.handling) out.push(`**${spec.handling}**`, '');
  return out.join('\n');
}
