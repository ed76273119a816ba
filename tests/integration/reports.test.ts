import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emojiFontFaces } from '../../electron/services/reports/emojiFont.js';
import { chromiumPrinter, findChromium } from '../../electron/services/reports/pdf.js';
import { codedWorkspace } from './coded.js';
import { repoRoot, tempDir } from './helpers.js';

let w: Awaited<ReturnType<typeof codedWorkspace>>;
const out = tempDir('awb-reports-');
const spec = { title: 'Northern offensive, June 2021', summary: 'The Taliban pressed on three provincial capitals.\n\nThis is the second paragraph.', handling: 'TLP:AMBER' };
// A 2×1 PNG standing in for the map view's snapshot.
const tinyPng = `data:image/png;base64,${PNG.sync.write(new PNG({ width: 2, height: 1 })).toString('base64')}`;

beforeAll(async () => {
  w = await codedWorkspace();
}, 90_000);
afterAll(() => w.core.close());

const LAND: [number, number, number] = [0xf4, 0xf3, 0xee];
const SEA: [number, number, number] = [0xdc, 0xe8, 0xf2];

/** Share of a PNG's pixels within a few levels of a colour. */
function share(png: PNG, [r, g, b]: [number, number, number], rows: [number, number] = [0, png.height]): number {
  let hits = 0;
  for (let y = rows[0]; y < rows[1]; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      if (Math.abs(png.data[i]! - r) < 5 && Math.abs(png.data[i + 1]! - g) < 5 && Math.abs(png.data[i + 2]! - b) < 5) hits++;
    }
  }
  return hits / (png.width * (rows[1] - rows[0]));
}

describe('the report builder', () => {
  it('previews one self-contained page: handling line, summary, map, events, actors, quotes, and nothing to fetch', async () => {
    const { html, events } = await w.call('reports.preview', { spec });
    expect(events).toBe(3);
    expect(html).toContain('@top-center { content: "TLP:AMBER"');
    expect(html).toContain('<p>This is the second paragraph.</p>');
    expect(html).toMatch(/<svg[^>]+aria-label="Map of the events"/);
    for (const place of ['Kunduz', 'Maymana', 'Taloqan']) expect(html).toContain(place);
    expect(html).toContain('the Taliban clashed with security forces until Sunday night');
    // A date's quote inside a sentence already quoted is not repeated; a short one elsewhere comes with its context.
    expect(html).not.toMatch(/<blockquote>“Sunday( night)?”/);
    expect(html).toContain('<mark>Sunday</mark>. In the city of Kunduz, the…<cite>');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)="https?:|url\(https?:/);
    expect(html).toContain('data:font/woff2;base64,');
  });

  it('covers the events of the articles a tag (a saved set) or an article search picks, as the Events table does', async () => {
    const tag = await w.call('tags.create', { name: 'Northern front', color: '#2563eb' });
    const other = await w.call('tags.create', { name: 'Unused', color: '#16a34a' });
    await w.call('tags.assign', { target: { ids: [w.articleId] }, tagIds: [tag.id] });
    const events = async (articleQuery: object) => (await w.call('reports.preview', { spec: { ...spec, events: { articleQuery } } })).events;
    expect(await events({ tagIds: [tag.id] })).toBe(3);
    expect(await events({ tagIds: [other.id] })).toBe(0);
    expect(await events({ search: 'Lisbon' })).toBe(0);
    expect(await events({ search: 'Maimana' })).toBe(3);
    const { html } = await w.call('reports.preview', { spec: { ...spec, events: { search: 'Maimana', articleQuery: { tagIds: [tag.id] } } } });
    expect(html).toContain('Scope: events matching “Maimana”; events of articles with 1 tag');
  });

  it('covers the events tied to the current selection', async () => {
    const links = await w.call('selection.links', { kind: 'entity', id: w.forces });
    const { html, events } = await w.call('reports.preview', { spec: { ...spec, selection: { label: 'entity “Military Forces of Afghanistan”', eventIds: links.eventIds.slice(0, 2) } } });
    expect(events).toBe(2);
    expect(html).toContain('Scope: the events tied to entity “Military Forces of Afghanistan”');
  });

  it('keeps a hostile handling line or title as text', async () => {
    const { html } = await w.call('reports.preview', { spec: { ...spec, title: '<img src=x onerror=alert(1)>', handling: '</style><script>alert(1)</script>' } });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('saves Markdown with the tables and the handling line first and last, and the map snapshot beside it', async () => {
    const saved = await w.call('reports.save', { spec: { ...spec, mapImage: tinyPng }, format: 'md', path: path.join(out, 'report.md') });
    const md = fs.readFileSync(saved.path, 'utf8');
    expect(md.split('\n')[0]).toBe('**TLP:AMBER**');
    expect(md.trim().split('\n').at(-1)).toBe('**TLP:AMBER**');
    expect(md).toContain('| 2021-06-20 | Armed clash | Taliban | Military Forces of Afghanistan | Maymana, Faryab | 4 |');
    expect(md).toContain('![Map of the current view](report.map.png)');
    expect(fs.existsSync(path.join(out, 'report.map.png'))).toBe(true);
  });

  it('saves a Word document whose header and footer carry the handling line, with the map and the events table', async () => {
    const saved = await w.call('reports.save', { spec: { ...spec, mapImage: tinyPng }, format: 'docx', path: path.join(out, 'report.docx') });
    const files = unzipSync(new Uint8Array(fs.readFileSync(saved.path)));
    const text = (name: string) => new TextDecoder().decode(files[name]);
    const parser = new XMLParser({ ignoreAttributes: false });
    const doc = text('word/document.xml');
    expect(() => parser.parse(doc)).not.toThrow();
    expect(doc).toContain('Northern offensive, June 2021');
    for (const place of ['Kunduz', 'Maymana', 'Taloqan']) expect(doc).toContain(place);
    // The map snapshot and the timeline's bars.
    expect(Object.keys(files).filter((f) => /^word\/media\/.+\.png$/.test(f))).toHaveLength(2);
    expect(doc).toContain('Events per day from 2021-06-20 to 2021-06-20; the tallest bar is 3 events.');
    const headers = Object.keys(files).filter((f) => /^word\/(header|footer)\d*\.xml$/.test(f));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const h of headers) expect(text(h)).toContain('TLP:AMBER');
  });

  it.skipIf(!findChromium())('prints a PDF whose first page holds the map and the events table', async () => {
    const saved = await w.call('reports.save', { spec, format: 'pdf', path: path.join(out, 'report.pdf') });
    expect(fs.readFileSync(saved.path).subarray(0, 5).toString()).toBe('%PDF-');
    const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', saved.path, '-'], { encoding: 'utf8' });
    expect(page1).toContain('TLP:AMBER');
    expect(page1).toMatch(/Date\s+Event type\s+Actor 1\s+Actor 2\s+Location\s+Fatalities/);
    expect(page1).toContain('Maymana');
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '50', '-png', '-singlefile', saved.path, path.join(out, 'page1')]);
    const png = PNG.sync.read(fs.readFileSync(path.join(out, 'page1.png')));
    // The basemap's land and sea colours cover a good part of the page's upper half: the map is there.
    const upper: [number, number] = [0, Math.floor(png.height / 2)];
    expect(share(png, LAND, upper) + share(png, SEA, upper)).toBeGreaterThan(0.1);
  }, 60_000);

  it.skipIf(!findChromium())('prints a small page with its embedded emoji face, not a system font', async () => {
    // A page this small reached the load event, where headless Chromium printed, before the emoji face
    // that fallback asked for had decoded: the PDF held Liberation Sans alone (5 of 5 runs), and a full
    // report sometimes carried the emoji from a system font.
    const body = '<p>Posts on the night: "🔥 the checkpoint is burning 🚧".</p>';
    const html = `<!doctype html><html><head><meta charset="utf-8"><style>${emojiFontFaces(body)}\nhtml { font-family: 'Noto Emoji', sans-serif; }</style></head><body>${body}</body></html>`;
    const dir = path.join(out, 'small-print');
    fs.mkdirSync(dir);
    await chromiumPrinter(html, path.join(out, 'small.pdf'), dir);
    expect(execFileSync('pdffonts', [path.join(out, 'small.pdf')], { encoding: 'utf8' })).toMatch(/NotoEmoji/);
  }, 60_000);

  it('embeds the emoji font only for a report that holds an emoji, and prints the emoji with it', async () => {
    const plain = (await w.call('reports.preview', { spec })).html;
    expect(plain).not.toContain("font-family: 'Noto Emoji'");
    const withEmoji = { ...spec, summary: 'Posts on the night of the attack: "🔥 the checkpoint is burning 🚧".' };
    const { html } = await w.call('reports.preview', { spec: withEmoji });
    // The subset holding 🔥 and 🚧 is embedded, not the whole font (about a megabyte).
    expect(html).toMatch(/@font-face \{\s*font-family: 'Noto Emoji';[^}]*src: url\(data:font\/woff2;base64,/);
    expect(html.length - plain.length).toBeLessThan(600_000);
    if (!findChromium()) return;
    const saved = await w.call('reports.save', { spec: withEmoji, format: 'pdf', path: path.join(out, 'emoji.pdf') });
    expect(execFileSync('pdffonts', [saved.path], { encoding: 'utf8' })).toMatch(/NotoEmoji/);
  }, 60_000);
});

describe('the command line', () => {
  const cli = path.join(repoRoot, 'dist/electron/cli.mjs');
  const awb = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, AWB_DATA_DIR: out } });

  // Eight runs of the command line, each starting Node and opening a workspace: 13 s alone, past 30 s on a busy machine.
  it.skipIf(!fs.existsSync(cli))('exports, reports, and imports what it exported into a new workspace', () => {
    const file = w.core.session.current.file;
    const acled = awb('export', '--workspace', file, '--format', 'acled', '--out', path.join(out, 'cli-acled.csv'));
    expect(acled.stderr).toBe('');
    expect(acled.stdout).toMatch(/^acled → .*cli-acled\.csv: 3 records/);
    const xlsx = awb('export', '--workspace', file, '--format', 'xlsx', '--table', 'entities', '--out', path.join(out, 'cli.xlsx'));
    expect(xlsx.status).toBe(0);
    expect(awb('export', '--workspace', file, '--format', 'pdf', '--out', 'x').status).toBe(2);
    const report = awb('report', '--workspace', file, '--out', path.join(out, 'cli-report.md'), '--title', 'From the shell', '--handling', 'TLP:GREEN');
    expect(report.stdout).toMatch(/^md → .*: 3 events/);
    expect(fs.readFileSync(path.join(out, 'cli-report.md'), 'utf8')).toContain('# From the shell');
    const archive = awb('export', '--workspace', file, '--format', 'archive', '--out', path.join(out, 'cli.awbz'));
    expect(archive.status).toBe(0);

    const fresh = path.join(out, 'fresh.awb');
    const restored = awb('import', '--workspace', fresh, path.join(out, 'cli.awbz'));
    expect(restored.stdout).toMatch(/^restored .*: 1 articles, .*3 events/);
    const empty = path.join(out, 'empty.awb');
    const imported = awb('import', '--workspace', empty, path.join(out, 'cli-acled.csv'));
    expect(imported.stdout).toContain('acled     cli-acled.csv  3 created, 0 already present, 0 skipped');
    const events = awb('events', '--workspace', empty).stdout.trim().split('\n');
    expect(events).toHaveLength(3);
  }, 90_000);
});
