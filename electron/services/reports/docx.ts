import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ACTOR_TYPES, type ActorType } from '../../contract/acled.js';
import { alsoInCopies, copiesNote, notCountedNote, sourceCount, type ReportContent } from './content.js';
import { timelinePng } from './figures.js';
import { plural } from '../../contract/plural.js';

const FONT = 'Noto Sans';
const text = (t: string, options: { bold?: boolean; size?: number; color?: string; italics?: boolean } = {}) => new TextRun({ text: t, font: FONT, ...options });
const para = (t: string, options: ConstructorParameters<typeof Paragraph>[0] & object = {}) => new Paragraph({ children: [text(t)], ...options });

function table(header: string[], rows: string[][], widths: number[]): Table {
  const cell = (t: string, head: boolean, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      shading: head ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F4F6' } : undefined,
      children: [new Paragraph({ children: [text(t, { bold: head, size: 17 })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, true, widths[i]!)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, false, widths[i]!)) })),
    ],
  });
}

/** A PNG's size, read from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const actor = (a: { name: string; type: number } | null) => (a ? `${a.name} (${ACTOR_TYPES[a.type as ActorType] ?? ''})` : '—');

/** The report as a Word document: the handling line in every header and footer, the map snapshot, and the tables. */
export async function reportDocx(c: ReportContent): Promise<Buffer> {
  const { spec } = c;
  const has = (s: (typeof spec.sections)[number]) => spec.sections.includes(s);
  const handling = (align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    spec.handling ? [new Paragraph({ alignment: align, children: [text(spec.handling, { bold: true, size: 18, color: 'B45309' })] })] : [];
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text(spec.title, { bold: true, size: 40 })] }),
    para(`${spec.author ? `${spec.author} · ` : ''}${c.generated.slice(0, 10)} · ${plural(c.totalEvents, 'event')}, ${plural(c.totalFatalities, 'reported fatality')}, ${sourceCount(c).n.toLocaleString('en')} ${sourceCount(c).noun}`),
    para(copiesNote(c)),
  ];
  if (spec.summary.trim()) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('Summary')] }));
    // A blank line starts a paragraph; a single line break (a list typed line by line) stays a line break inside it.
    for (const p of spec.summary.split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean)) {
      body.push(new Paragraph({ children: p.split(/\r?\n/).map((line, i) => new TextRun({ text: line.trim(), font: FONT, ...(i > 0 ? { break: 1 } : {}) })) }));
    }
  }
  if (has('map')) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('Map')] }));
    if (spec.mapImage) {
      const png = Buffer.from(spec.mapImage.slice(spec.mapImage.indexOf(',') + 1), 'base64');
      const { width, height } = pngSize(png);
      const w = 600;
      body.push(new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: w, height: Math.round((height / width) * w) }, altText: { name: 'Map', description: 'Map of the current view', title: 'Map' } })] }));
    } else {
      body.push(para('No map snapshot: this report was made without the map view (from the command line). The PDF and HTML reports draw the map from the data.'));
    }
  }
  if (has('events')) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('Events')] }));
    body.push(
      table(
        ['Date', 'Event type', 'Actor 1', 'Actor 2', 'Location', 'Fatalities'],
        c.events.map((e) => [e.date, notCountedNote(c, e) ? `${e.subEventType} (${notCountedNote(c, e)})` : e.subEventType, actor(e.actor1), actor(e.actor2), [e.location?.name, e.admin1].filter(Boolean).join(', ') || '—', String(e.fatalities)]),
        [12, 22, 20, 20, 18, 8],
      ),
    );
    if (c.eventRows > c.events.length) body.push(para(`The first ${c.events.length} of ${c.eventRows} events are listed; the data exports hold them all.`));
  }
  const timeline = has('timeline') ? timelinePng(c.perDay) : null;
  if (timeline) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('Timeline')] }));
    body.push(new Paragraph({ children: [new ImageRun({ type: 'png', data: timeline, transformation: { width: 600, height: 110 }, altText: { name: 'Timeline', description: 'Events per day', title: 'Timeline' } })] }));
    const most = Math.max(...c.perDay.map((d) => d.count));
    body.push(para(`Events per day from ${c.perDay[0]!.date} to ${c.perDay.at(-1)!.date}; the tallest bar is ${most} event${most === 1 ? '' : 's'}.`));
  }
  if (has('entities') && c.entities.length) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('Actors and places')] }));
    body.push(table(['Name', 'Kind', 'Events', 'Mentions'], c.entities.map((e) => [e.name, e.type, String(e.events), String(e.mentions)]), [50, 20, 15, 15]));
  }
  if (has('quotes') && c.quotes.length) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('Key quotes')] }));
    for (const q of c.quotes) {
      body.push(
        new Paragraph({
          indent: { left: 360 },
          border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'D0D7DE', space: 8 } },
          children: [
            ...(q.before || q.after ? [text(`…${q.before}`), text(q.quote, { bold: true }), text(`${q.after}…`)] : [text(`“${q.quote}”`)]),
            text(` — ${q.articleTitle}${q.source ? `, ${q.source}` : ''}${q.published ? `, ${q.published.slice(0, 10)}` : ''}${alsoInCopies(q)}`, { italics: true, color: '6E7781', size: 17 })],
        }),
      );
    }
  }
  const doc = new Document({
    creator: 'Analyst Workbench',
    title: spec.title,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        headers: { default: new Header({ children: handling(AlignmentType.CENTER) }) },
        footers: { default: new Footer({ children: handling(AlignmentType.CENTER) }) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
