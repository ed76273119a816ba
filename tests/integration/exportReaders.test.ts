import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../electron/contract/index.js';
import { codedWorkspace } from './coded.js';
import { tempDir } from './helpers.js';

/**
 * Exports read by the tools analysts open them with, not by our own code: GDAL's ogrinfo for
 * GeoJSON and KML, networkx for GEXF, openpyxl for XLSX and python-docx for the Word report, all
 * from Debian packages that .ci/run installs. Debian's own Python runs them: a python3 earlier on
 * the PATH (pyenv, a virtualenv) may not have them. In CI (AWB_REQUIRE_E2E=1) a missing reader is
 * a failure; elsewhere its test is skipped with a message saying what to install.
 */
const PYTHON = '/usr/bin/python3';
const required = process.env.AWB_REQUIRE_E2E === '1';
const runs = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const READERS = {
  ogrinfo: { debian: 'gdal-bin', present: runs('ogrinfo', ['--version']) },
  networkx: { debian: 'python3-networkx', present: runs(PYTHON, ['-c', 'import networkx']) },
  openpyxl: { debian: 'python3-openpyxl', present: runs(PYTHON, ['-c', 'import openpyxl']) },
  docx: { debian: 'python3-docx', present: runs(PYTHON, ['-c', 'import docx']) },
};
type Reader = keyof typeof READERS;
const missing = (Object.keys(READERS) as Reader[]).filter((r) => !READERS[r].present);
if (missing.length && !required) {
  console.warn(`\n!!! Export reader checks skipped: ${missing.map((r) => `${r} (Debian's ${READERS[r].debian})`).join(', ')} not installed !!!\n`);
}
/** A test that needs a reader: skipped without it, except in CI, where it fails saying what is missing. */
const withReader = (reader: Reader, name: string, test: () => Promise<void>) =>
  it.skipIf(!READERS[reader].present && !required)(name, async () => {
    if (!READERS[reader].present) throw new Error(`${reader} is not installed (Debian's ${READERS[reader].debian}); AWB_REQUIRE_E2E=1 makes this a failure.`);
    await test();
  });

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}
/** A Python script given the file as sys.argv[1], printing JSON. */
const python = <T>(script: string, file: string): T => JSON.parse(run(PYTHON, ['-c', script, file])) as T;

/** ogrinfo's text dump, feature by feature: each field's value as printed, and the geometry. */
function ogrFeatures(dump: string): Record<string, string>[] {
  return dump
    .split(/^OGRFeature\(/m)
    .slice(1)
    .map((block) => {
      const fields: Record<string, string> = {};
      for (const m of block.matchAll(/^ {2}(\S+) \([^)]+\) = (.*)$/gm)) fields[m[1]!] = m[2]!;
      const point = /^ {2}POINT (?:Z )?\(([^)]+)\)/m.exec(block);
      if (point) fields.geometry = point[1]!;
      return fields;
    });
}
/** The title of the sample article the coded workspace's evidence is quoted from. */
const TITLE = 'After a brief offensive, the Taliban invade important cities in northern Afghanistan';
const featureCount = (summary: string) => Number(/^Feature Count: (\d+)$/m.exec(summary)?.[1]);

let w: Awaited<ReturnType<typeof codedWorkspace>>;
const out = tempDir('awb-readers-');
const exportTo = async (format: ExportFormat, name: string, extra: object = {}) => (await w.call('exports.run', { format, path: path.join(out, name), ...extra })).path;

beforeAll(async () => {
  w = await codedWorkspace();
}, 120_000);
afterAll(() => w.core.close());

describe('exports opened by the tools analysts use', () => {
  withReader('ogrinfo', 'GDAL reads the GeoJSON: every feature, and the events with their place, fatalities and point', async () => {
    const file = await exportTo('geojson', 'gdal.geojson');
    const written = (JSON.parse(fs.readFileSync(file, 'utf8')) as { features: unknown[] }).features.length;
    expect(featureCount(run('ogrinfo', ['-ro', '-al', '-so', file]))).toBe(written);
    const events = ogrFeatures(run('ogrinfo', ['-ro', '-al', '-q', '-where', "kind = 'event'", file]));
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.location).sort()).toEqual(['Kunduz', 'Maymana', 'Taloqan']);
    const maymana = events.find((e) => e.location === 'Maymana')!;
    expect(maymana.fatalities).toBe('4');
    expect(maymana.when).toBe('2021/06/20');
    const [lon, lat] = maymana.geometry!.split(' ').map(Number);
    expect(lon).toBeCloseTo(64.78, 1);
    expect(lat).toBeCloseTo(35.92, 1);
  });

  withReader('ogrinfo', 'GDAL reads the KML: a layer of places and one of three events, each with its name, time, data and point', async () => {
    const file = await exportTo('kml', 'gdal.kml');
    const layers = run('ogrinfo', ['-ro', '-q', file]);
    expect(layers).toMatch(/\bPlaces\b/);
    expect(layers).toMatch(/\bEvents\b/);
    expect(featureCount(run('ogrinfo', ['-ro', '-so', file, 'Events']))).toBe(3);
    expect(featureCount(run('ogrinfo', ['-ro', '-so', file, 'Places']))).toBeGreaterThan(3);
    const events = ogrFeatures(run('ogrinfo', ['-ro', '-q', file, 'Events']));
    expect(events.map((e) => e.Name).sort()).toEqual(['2021-06-20 Armed clash — Maymana', '2021-06-20 Armed clash — Taloqan', '2021-06-20 Non-state actor overtakes territory — Kunduz']);
    for (const e of events) expect(e.timestamp).toMatch(/^2021\/06\/20/);
    // The data table (ExtendedData) comes through as fields.
    const maymana = events.find((e) => e.location === 'Maymana')!;
    expect(maymana).toMatchObject({ actor1: 'Taliban', actor2: 'Military Forces of Afghanistan', fatalities: '4', subEventType: 'Armed clash' });
    expect(Number(maymana.geometry!.split(' ')[1])).toBeCloseTo(35.92, 1);
    // Why the event is on the map: its quotes, cited with the article's title and the fields they back, as fields and in the balloon.
    expect(maymana.evidence1).toBe(`“the Taliban clashed with security forces until Sunday night” — ${TITLE} (for the event type and actor 1)`);
    expect(maymana.evidence2).toBe(`“Sunday night” — ${TITLE} (for the date)`);
    expect(maymana.description).toBe('Taliban vs. Military Forces of Afghanistan; 4 fatalities');
    // And why a place is: the words around its mention in each article that names it.
    const places = ogrFeatures(run('ogrinfo', ['-ro', '-q', file, 'Places']));
    expect(places.find((p) => p.Name === 'Taloqan')?.namedIn).toBe(`“…broke out near the entrance to Taliqan, the capital of Takhar, a…” — ${TITLE}`);
  });

  withReader('networkx', 'networkx reads the GEXF: two entities, the relation between them with its label, dates and evidence', async () => {
    const file = await exportTo('gexf', 'networkx.gexf');
    const graph = python<{ nodes: string[]; edges: { relation: string; start: string; evidence: string }[] }>(
      [
        'import json, sys, networkx as nx',
        'g = nx.read_gexf(sys.argv[1])',
        "print(json.dumps({'nodes': sorted(d['label'] for _, d in g.nodes(data=True)), 'edges': [{'relation': d['relation'], 'start': str(d.get('start')), 'evidence': d['evidence']} for *_, d in g.edges(data=True)]}))",
      ].join('\n'),
      file,
    );
    expect(graph.nodes).toEqual(['Ministry of Defence', 'Rohullah Ahmadzai']);
    expect(graph.edges).toEqual([{ relation: 'spokesman for', start: '2021-06-01', evidence: 'Rohullah Ahmadzai, a spokesman for the defense ministry' }]);
  });

  withReader('openpyxl', 'openpyxl reads the XLSX: the sheet, its header and a cell as numbers and text', async () => {
    const file = await exportTo('xlsx', 'openpyxl.xlsx', { table: { table: 'events', columns: ['location', 'date', 'fatalities', 'notes'] } });
    const book = python<{ sheets: string[]; rows: (string | number | null)[][] }>(
      ['import json, sys, openpyxl', 'book = openpyxl.load_workbook(sys.argv[1], read_only=True)', "print(json.dumps({'sheets': book.sheetnames, 'rows': [list(r) for r in book[book.sheetnames[0]].iter_rows(values_only=True)]}))"].join('\n'),
      file,
    );
    expect(book.sheets).toEqual(['events']);
    expect(book.rows[0]).toEqual(['Location', 'Date', 'Fatalities', 'Notes']);
    expect(book.rows).toHaveLength(4);
    expect(book.rows.find((r) => r[0] === 'Maymana')![2]).toBe(4);
    expect(book.rows.find((r) => r[0] === 'Kunduz')![3]).toBe('Entry into the city; "=cmd" stays text');
  });

  withReader('docx', 'python-docx reads the Word report: its title as a heading and the summary as paragraphs', async () => {
    const file = path.join(out, 'python-docx.docx');
    const summary = 'The Taliban pressed on three provincial capitals.\n\nThis is the second paragraph.';
    await w.call('reports.save', { spec: { title: 'Northern offensive, June 2021', summary, handling: 'TLP:AMBER' }, format: 'docx', path: file });
    const doc = python<{ paragraphs: { style: string; text: string }[]; tables: number }>(
      ['import json, sys, docx', 'd = docx.Document(sys.argv[1])', "print(json.dumps({'paragraphs': [{'style': p.style.name, 'text': p.text} for p in d.paragraphs], 'tables': len(d.tables)}))"].join('\n'),
      file,
    );
    const headings = doc.paragraphs.filter((p) => /^(Title|Heading \d)$/.test(p.style));
    expect(headings.map((p) => p.text)).toContain('Northern offensive, June 2021');
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts).toContain('The Taliban pressed on three provincial capitals.');
    expect(texts).toContain('This is the second paragraph.');
    expect(doc.tables).toBeGreaterThan(0);
  });
});
