import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ExportFormat } from '../../electron/contract/index.js';
import { codedWorkspace } from './coded.js';
import { tempDir } from './helpers.js';

/**
 * Issue 14, item 4: text from articles and from the analyst, written into every output, stays text
 * in whatever opens the file: a Markdown viewer that does not sanitise, Google Earth, a platform
 * that makes links clickable, a spreadsheet in a semicolon locale.
 */
const HTML_PAYLOAD = '<img src=x onerror=alert(1)> <script>alert(2)</script>';
const MD_PAYLOAD = '[read](javascript:alert(3)) ![x](https://evil.example/p.gif) `code` | cell | **bold** ~~gone~~ &lt;b&gt;';
const TITLE = `# Convoy ${HTML_PAYLOAD} ${MD_PAYLOAD}`;
const SOURCE = '<a href="javascript:alert(4)">Example News</a>';
const TALIBAN = `Taliban ${HTML_PAYLOAD} [x](javascript:alert(5))`;
const FORCES = '=HYPERLINK("http://evil.example","Afghan forces");=1+1\t@SUM(1)';
const SUMMARY = '> quoted\n- a list\n1. ordered\n<div onmouseover="alert(6)">hover</div>\n===\n\n[ref]: javascript:alert(7)\n    indented code';

let w: Awaited<ReturnType<typeof codedWorkspace>>;
const out = tempDir('awb-hostile-');
const exportTo = (format: ExportFormat, name: string, extra: object = {}) => w.call('exports.run', { format, path: path.join(out, name), ...extra });
const read = (p: string) => fs.readFileSync(p, 'utf8');

beforeAll(async () => {
  w = await codedWorkspace();
  await w.call('articles.update', { id: w.articleId, patch: { title: TITLE, source: SOURCE, url: 'javascript:alert(document.cookie)' } });
  await w.call('entities.update', { id: w.taliban, name: TALIBAN, notes: `${HTML_PAYLOAD}\n${MD_PAYLOAD}` });
  await w.call('entities.update', { id: w.forces, name: FORCES });
}, 90_000);
afterAll(() => w.core.close());

/** Every string in a JSON document, with the key it sits under. */
function strings(value: unknown, key = ''): [string, string][] {
  if (typeof value === 'string') return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('hostile text in outputs', () => {
  it('the Markdown report renders, in a viewer that does not sanitise, as exactly the text it holds', async () => {
    const saved = await w.call('reports.save', { spec: { title: TITLE, author: SOURCE, summary: SUMMARY, handling: `TLP:AMBER ${HTML_PAYLOAD}` }, format: 'md', path: path.join(out, 'report.md') });
    const html = await marked.parse(read(saved.path));
    const doc = new JSDOM(html).window.document;
    const tags = new Set([...doc.body.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()));
    expect([...tags].filter((t) => !['p', 'h1', 'h2', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'em', 'blockquote', 'br', 'a'].includes(t))).toEqual([]);
    for (const e of doc.body.querySelectorAll('*')) expect([...e.attributes].map((a) => a.name).filter((n) => n !== 'align' && !(e.tagName === 'A' && n === 'href'))).toEqual([]);
    // A web address in the text may become a link (GitHub's autolinks), but only a web one.
    for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(doc.querySelector('h1')!.textContent).toBe(TITLE);
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    for (const br of doc.querySelectorAll('br')) br.replaceWith('\n');
    const text = squash(doc.body.textContent!);
    for (const s of [SOURCE, TALIBAN, FORCES, `TLP:AMBER ${HTML_PAYLOAD}`, '> quoted - a list 1. ordered', '<div onmouseover="alert(6)">hover</div> ===', '[ref]: javascript:alert(7) indented code']) {
      expect(text).toContain(squash(s));
    }
    // Each table row keeps its six cells: a "|" in a name did not add a column.
    for (const row of doc.querySelectorAll('table')[0]!.querySelectorAll('tr')) expect(row.children).toHaveLength(6);
  });

  it('KML names, descriptions and data carry plain text: no tag forms when Google Earth reads them as HTML', async () => {
    const result = await exportTo('kml', 'hostile.kml');
    const doc = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: () => true }).parse(read(result.path)) as unknown;
    const texts = strings(doc).filter(([k]) => ['name', 'description', 'value'].includes(k));
    expect(texts.length).toBeGreaterThan(10);
    for (const [, t] of texts) expect(t).not.toMatch(/<[a-z/!]/i);
    // Read as HTML, as Google Earth does, they show the analyst's text.
    const shown = texts.map(([, t]) => {
      const div = new JSDOM('').window.document.createElement('div');
      div.innerHTML = t;
      expect(div.children).toHaveLength(0);
      return div.textContent!;
    });
    expect(shown.some((s) => s.includes(TALIBAN))).toBe(true);
  });

  it.each([
    ['stix', 'hostile.stix.json'],
    ['ftm', 'hostile.ftm.json'],
    ['w3c', 'hostile.jsonld'],
    ['geojson', 'hostile.geojson'],
  ] as const)('%s carries no link but http, https or mailto', async (format, name) => {
    const result = await exportTo(format, name, { handling: 'TLP:AMBER' });
    const text = read(result.path);
    const docs = format === 'ftm' ? text.trim().split('\n').map((l) => JSON.parse(l) as unknown) : [JSON.parse(text) as unknown];
    const values = docs.flatMap((d) => strings(d));
    expect(values.filter(([, v]) => /^\s*(javascript|data|file|vbscript):/i.test(v))).toEqual([]);
    for (const [key, v] of values) if (/^(url|scope|sourceUrl)$/.test(key)) expect(v).toMatch(/^(https?:|mailto:)/);
    // The text itself is still there, as text.
    expect(values.some(([, v]) => v.includes(TALIBAN))).toBe(true);
  });

  it('CSV quotes cells with a semicolon or a tab and defuses formulas, so a semicolon-locale spreadsheet starts no cell with one', async () => {
    for (const [format, extra] of [
      ['csv', { table: { table: 'entities' } }],
      ['csv', { table: { table: 'events', columns: ['actor1', 'actor2', 'notes'] } }],
      ['acled', {}],
    ] as const) {
      const result = await exportTo(format, `hostile-${format}-${Math.random().toString(36).slice(2)}.csv`, extra);
      const text = read(result.path).replace(/^\uFEFF/, '');
      expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""Afghan forces"");\'=1+1\t\'@SUM(1)"');
      // Comma locale: the cell is one cell, the name with its guards.
      const rows = parseCsv(text, { relax_column_count: true }) as string[][];
      expect(rows.flat()).toContain(`'=HYPERLINK("http://evil.example","Afghan forces");'=1+1\t'@SUM(1)`);
      // Semicolon and tab locales split the line where a comma-locale reader would not: no piece may start a formula.
      for (const line of text.split(/\r\n/)) {
        for (const piece of line.split(/[;\t]/)) expect(piece, line).not.toMatch(/^[=+\-@]/);
        for (const piece of line.split(',')) expect(piece.replace(/^"/, ''), line).not.toMatch(/^[=+@]/);
      }
    }
  });

  it('XLSX stores formula-like text defused, as text, never as a formula', async () => {
    const result = await exportTo('xlsx', 'hostile.xlsx', { table: { table: 'entities' } });
    const sheet = XLSX.read(fs.readFileSync(result.path)).Sheets.entities!;
    const cells = Object.entries(sheet).filter(([k]) => !k.startsWith('!')).map(([, c]) => c as XLSX.CellObject);
    expect(cells.filter((c) => c.f)).toEqual([]);
    expect(cells.map((c) => c.v)).toContain(`'=HYPERLINK("http://evil.example","Afghan forces");'=1+1\t'@SUM(1)`);
  });
});
