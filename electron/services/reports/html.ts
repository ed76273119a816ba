import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ACTOR_TYPES, GEO_PRECISION, type ActorType } from '../../contract/acled.js';
import { xml as esc } from '../exports/xml.js';
import { alsoInCopies, copiesNote, notCountedNote, sourceCount, type ReportContent } from './content.js';
import { describeReportScope } from '../../contract/reports.js';
import { emojiFontFaces } from './emojiFont.js';
import { mapSvg, timelineSvg } from './figures.js';

const require = createRequire(import.meta.url);

let fonts: string | null = null;
/**
 * Noto Sans as data URLs inside the report, with fontsource's own unicode ranges: the report
 * renders the same on any machine and fetches nothing.
 */
function fontFaces(): string {
  if (fonts !== null) return fonts;
  const dir = path.dirname(require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2'));
  const subsets = /noto-sans-(latin|latin-ext|cyrillic|greek)-(400|700)-normal/;
  fonts = ['400', '700']
    .map((weight) => fs.readFileSync(path.join(dir, '..', `${weight}.css`), 'utf8'))
    .flatMap((css) => css.split('@font-face').slice(1).map((block) => `@font-face${block.slice(0, block.indexOf('}') + 1)}`))
    .filter((block) => subsets.test(block))
    .map((block) =>
      block.replace(/src:[^;]+;/, () => {
        const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)![1]!;
        return `src: url(data:font/woff2;base64,${fs.readFileSync(path.join(dir, file)).toString('base64')}) format('woff2');`;
      }),
    )
    .join('\n');
  return fonts;
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

/** Printed in every page's header and footer (CSS page margin boxes). */
const MARGIN_STYLE = "font: 700 9pt 'Noto Sans', sans-serif; color: #b45309; letter-spacing: 0.05em;";
// "<" is escaped too, so a handling line cannot close the <style> element it sits in.
const cssString = (s: string) => s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]/g, ' ').replace(/</g, '\\3C ');

const actor = (a: { name: string; type: number } | null) => (a ? `${esc(a.name)} <span class="muted">(${esc(ACTOR_TYPES[a.type as ActorType] ?? '')})</span>` : '—');

/** The report as one self-contained HTML page, laid out for A4 print: what the preview shows and the PDF prints. */
export function reportHtml(c: ReportContent): string {
  const { spec } = c;
  const sources = sourceCount(c);
  const has = (s: (typeof spec.sections)[number]) => spec.sections.includes(s);
  const scope = describeReportScope(spec);
  const handling = spec.handling ? esc(spec.handling) : '';
  const map = has('map')
    ? `<section class="figure"><h2>Map</h2>${spec.mapImage ? `<img src="${spec.mapImage}" alt="Map of the current view" class="map">` : mapSvg(c.events)}
       <p class="caption">Events by type (B battles, E explosions/remote violence, V violence against civilians, P protests, R riots, S strategic developments); symbol size grows with fatalities. Basemap: Natural Earth.</p></section>`
    : '';
  const timeline = has('timeline') && c.perDay.length ? `<section class="figure"><h2>Timeline</h2>${timelineSvg(c.perDay)}</section>` : '';
  const events = has('events')
    ? `<section><h2>Events</h2>
      <table class="events"><thead><tr><th>Date</th><th>Event type</th><th>Actor 1</th><th>Actor 2</th><th>Location</th><th>Fatalities</th></tr></thead><tbody>
      ${c.events
        .map(
          (e) =>
            `<tr><td class="nowrap">${e.date}${e.timePrecision > 1 ? ` <span class="muted">±${e.timePrecision === 2 ? 'week' : 'month'}</span>` : ''}</td><td>${esc(e.subEventType)}<div class="muted">${esc(e.eventType)}</div>${notCountedNote(c, e) ? `<div class="muted">${esc(notCountedNote(c, e))}</div>` : ''}</td>` +
            `<td>${actor(e.actor1)}</td><td>${actor(e.actor2)}</td><td>${esc(e.location?.name ?? '—')}${e.admin1 ? `, ${esc(e.admin1)}` : ''}<div class="muted">${esc(GEO_PRECISION[e.geoPrecision as 1 | 2 | 3] ?? '')}</div></td><td class="num">${e.fatalities}</td></tr>`,
        )
        .join('')}
      </tbody></table>
      ${c.eventRows > c.events.length ? `<p class="muted">The first ${c.events.length} of ${c.eventRows} events are listed; the data exports hold them all.</p>` : ''}</section>`
    : '';
  const entities = has('entities') && c.entities.length
    ? `<section><h2>Actors and places</h2><table class="entities"><thead><tr><th>Name</th><th>Kind</th><th>Events</th><th>Mentions</th></tr></thead><tbody>
      ${c.entities.map((e) => `<tr><td>${esc(e.name)}</td><td>${esc(e.type)}</td><td class="num">${e.events}</td><td class="num">${e.mentions}</td></tr>`).join('')}</tbody></table></section>`
    : '';
  const quotes = has('quotes') && c.quotes.length
    ? `<section><h2>Key quotes</h2>${c.quotes
        .map((q) => `<blockquote>${q.before || q.after ? `…${esc(q.before)}<mark>${esc(q.quote)}</mark>${esc(q.after)}…` : `“${esc(q.quote)}”`}<cite>${esc(q.articleTitle)}${q.source ? ` — ${esc(q.source)}` : ''}${q.published ? `, ${esc(q.published.slice(0, 10))}` : ''}${esc(alsoInCopies(q))} (${esc(q.backs)})</cite></blockquote>`)
        .join('')}</section>`
    : '';
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'">
<title>${esc(spec.title)}</title>
<style>
${fontFaces()}
/*emoji-faces*/
@page { size: A4; margin: 18mm 14mm 18mm 14mm;${handling ? ` @top-center { content: "${cssString(spec.handling)}"; ${MARGIN_STYLE} } @bottom-center { content: "${cssString(spec.handling)}"; ${MARGIN_STYLE} }` : ''} @bottom-right { content: counter(page) " / " counter(pages); font: 8pt 'Noto Sans', sans-serif; color: #6e7781; } }
html { font-family: 'Noto Sans', 'Noto Emoji', sans-serif; font-size: 10pt; color: #1d2b3a; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
.handling { text-align: center; font-weight: 700; font-size: 9pt; letter-spacing: 0.05em; color: #b45309; margin: 0 0 4mm; }
.handling.bottom { margin: 6mm 0 0; }
@media print { .handling { display: none; } }
@media screen { body { max-width: 190mm; margin: 0 auto; padding: 12mm 8mm; } }
h1 { font-size: 20pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #d0d7de; padding-bottom: 1mm; }
.meta { color: #57606a; margin-bottom: 4mm; }
.figure { break-inside: avoid; } .map { width: 100%; border: 1px solid #d0d7de; } .figure svg { border: 1px solid #d0d7de; }
.caption, .muted { color: #6e7781; font-size: 8.5pt; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; } th, td { text-align: left; vertical-align: top; padding: 1.2mm 1.5mm; border-bottom: 1px solid #e5e7eb; }
thead { display: table-header-group; } tr { break-inside: avoid; } th { background: #f3f4f6; }
.num { text-align: right; } .nowrap { white-space: nowrap; }
mark { background: #fef3c7; color: inherit; }
blockquote { margin: 2mm 0; padding: 1mm 3mm; border-left: 3px solid #d0d7de; break-inside: avoid; } cite { display: block; color: #6e7781; font-size: 8.5pt; font-style: normal; }
.totals { display: flex; gap: 8mm; margin: 2mm 0 4mm; } .totals strong { font-size: 14pt; display: block; }
</style></head>
<body>
${handling ? `<div class="handling top">${handling}</div>` : ''}
<header><h1>${esc(spec.title)}</h1>
<div class="meta">${spec.author ? `${esc(spec.author)} · ` : ''}${c.generated.slice(0, 10)} · Scope: ${esc(scope)}</div>
<div class="totals"><div><strong>${c.totalEvents}</strong>${c.totalEvents === 1 ? 'event' : 'events'}</div><div><strong>${c.totalFatalities}</strong>reported ${c.totalFatalities === 1 ? 'fatality' : 'fatalities'}</div><div><strong>${sources.n}</strong>${sources.noun}</div>
${c.perDay.length ? `<div><strong>${c.perDay[0]!.date} – ${c.perDay.at(-1)!.date}</strong>period</div>` : ''}</div>
<p class="muted copies-note">${esc(copiesNote(c))}</p></header>
${spec.summary.trim() ? `<section><h2>Summary</h2>${paragraphs(spec.summary)}</section>` : ''}
${map}${events}${timeline}${entities}${quotes}
${handling ? `<div class="handling bottom">${handling}</div>` : ''}
</body></html>`;
  // The emoji the report holds (an analyst's note, a quoted post) are drawn from Noto Emoji, embedded like Noto Sans.
  return page.replace('/*emoji-faces*/', () => emojiFontFaces(page.slice(page.indexOf('</style>'))));
}
