import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from './cliBundle.js';
import { fixtures, tempDir } from './helpers.js';

/** One line of `awb mentions`. */
interface MentionLine {
  article: number;
  file: string | null;
  start: number;
  end: number;
  quote: string;
  type: string;
  status: string;
  confidence: number | null;
  entity: string | null;
  lat: number | null;
  lon: number | null;
  geonamesId: number | null;
  adjectival?: boolean;
}

let cli: Awaited<ReturnType<typeof bundleCli>>;
let dir = '';
let file = '';

/** Runs the command line built from the current sources, as a separate process, as a shell would. */
function awb(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli.cli, ...args], { env: { ...process.env, AWB_DATA_DIR: path.join(dir, 'data') } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function mentions(...args: string[]): Promise<MentionLine[]> {
  const r = await awb('mentions', '--workspace', file, ...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as MentionLine);
}

beforeAll(async () => {
  cli = await bundleCli();
  dir = tempDir();
  file = path.join(dir, 'kunduz.awb');
  expect((await awb('import', '--workspace', file, path.join(fixtures, 'kunduz-offensive.txt'))).status).toBe(0);
  const extracted = await awb('extract', '--workspace', file);
  expect(extracted.status).toBe(0);
  expect((JSON.parse(extracted.stdout) as { suggestions: number }).suggestions).toBeGreaterThan(10);
}, 180_000);
afterAll(() => cli?.remove());

describe('awb mentions and awb accept', () => {
  it('prints one JSON line per mention, with its file, span, decision and place', async () => {
    const lines = await mentions();
    expect(lines.length).toBeGreaterThan(10);
    const keys = ['article', 'confidence', 'end', 'entity', 'file', 'geonamesId', 'lat', 'lon', 'quote', 'start', 'status', 'type'];
    for (const m of lines) {
      // A nationality adjective ("Afghan forces") says so; no other line carries the key.
      expect(Object.keys(m).sort()).toEqual((m.adjectival ? [...keys, 'adjectival'] : keys).sort());
      if (m.adjectival) expect(m.adjectival).toBe(true);
      expect(m.file).toBe('kunduz-offensive.txt');
      expect(m.end - m.start).toBe(m.quote.length);
      expect(m.status).toBe('suggested');
    }
    const kunduz = lines.find((m) => m.quote === 'Kunduz' && m.type === 'place');
    expect(kunduz).toBeDefined();
    expect(kunduz!.lat).toBeCloseTo(36.7, 0);
    expect(kunduz!.lon).toBeCloseTo(68.9, 0);
    expect(kunduz!.geonamesId).toEqual(expect.any(Number));
    // A province is a GeoNames record too (Faryab, 1142226), where the sample page names it.
    const faryab = lines.find((m) => m.quote === 'Faryab' && m.type === 'place');
    expect(faryab?.geonamesId).toBe(1142226);
    const afghan = lines.filter((m) => m.adjectival);
    expect(afghan.length).toBeGreaterThan(3);
    expect(afghan.find((m) => m.quote === 'Afghan')).toMatchObject({ type: 'place', entity: 'Afghanistan' });
    // Unknown is null, not left out: a date has no entity and no point.
    const date = lines.find((m) => m.type === 'date');
    if (date) expect([date.entity, date.lat, date.lon, date.geonamesId]).toEqual([null, null, null, null]);
    expect((await mentions('--type', 'place')).every((m) => m.type === 'place')).toBe(true);
    expect(await mentions('--article', String(kunduz!.article), '--status', 'suggested,accepted')).toHaveLength(lines.length);
  }, 60_000);

  it('exports suggestions only when asked, marked as suggestions', async () => {
    const count = async (name: string, ...flags: string[]) => {
      const out = path.join(dir, name);
      const r = await awb('export', '--workspace', file, '--format', 'w3c', '--out', out, ...flags);
      expect(r.status).toBe(0);
      return (JSON.parse(fs.readFileSync(out, 'utf8')) as { first: { items: { body: { purpose: string; value?: string }[] }[] } }).first.items;
    };
    const decided = await count('decided.jsonld');
    const all = await count('all.jsonld', '--include-suggestions');
    expect(all.length).toBeGreaterThan(decided.length);
    expect(all.filter((a) => a.body.some((b) => b.purpose === 'assessing' && b.value === 'suggested'))).toHaveLength(all.length - decided.length);

    const geo = path.join(dir, 'places.geojson');
    expect((await awb('export', '--workspace', file, '--format', 'geojson', '--out', geo, '--include-suggestions')).status).toBe(0);
    const features = (JSON.parse(fs.readFileSync(geo, 'utf8')) as { features: { properties: { name: string; status?: string } }[] }).features;
    expect(features.find((f) => f.properties.name === 'Kunduz')?.properties.status).toBe('suggested');
  }, 60_000);

  it('accepts the sure suggestions of one type, then of all, as analyst decisions on the record', async () => {
    expect(await mentions('--status', 'accepted')).toEqual([]);
    const suggested = await mentions('--status', 'suggested');
    const surePlaces = suggested.filter((m) => m.type === 'place' && m.confidence !== null && m.confidence >= 0.9);
    expect(surePlaces.length).toBeGreaterThan(0);

    const places = await awb('accept', '--workspace', file, '--min-confidence', '0.9', '--type', 'place');
    expect(places.status).toBe(0);
    expect(JSON.parse(places.stdout)).toEqual({ accepted: surePlaces.length, minConfidence: 0.9, type: 'place' });
    const accepted = await mentions('--status', 'accepted');
    expect(accepted.map((m) => m.start)).toEqual(surePlaces.map((m) => m.start));

    const sure = suggested.filter((m) => m.confidence !== null && m.confidence >= 0.9);
    const rest = await awb('accept', '--workspace', file, '--min-confidence', '0.9');
    expect(JSON.parse(rest.stdout)).toMatchObject({ accepted: sure.length - surePlaces.length });
    const after = await mentions('--status', 'accepted');
    expect(after).toHaveLength(sure.length);
    expect(new Set(after.map((m) => m.type)).size).toBeGreaterThan(1);

    // Each run is one command on the change log, as an accept in the app is.
    const audit = await awb('audit', '--workspace', file);
    const names = audit.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { name: string; label: string; rows: number });
    expect(names.slice(0, 2).map((e) => e.name)).toEqual(['mentions.acceptSuggested', 'mentions.acceptSuggested']);
    expect(names[1]!.label).toBe('Accept every suggested place with confidence 0.9 or more');
    expect(names[1]!.rows).toBeGreaterThanOrEqual(surePlaces.length);
  }, 60_000);

  it('refuses bad input in one plain line with exit code 2', async () => {
    const cases = [
      ['accept', '--workspace', file, '--min-confidence', '0.9', '--type', 'city'],
      ['accept', '--workspace', file, '--min-confidence', '1.5'],
      ['accept', '--workspace', file, '--min-confidence', 'high'],
      ['accept', '--workspace', path.join(dir, 'missing.awb'), '--min-confidence', '0.5'],
      ['mentions', '--workspace', path.join(dir, 'missing.awb')],
      ['mentions', '--workspace', file, '--status', 'maybe'],
      ['import', '--workspace', file, '--ocr-languages', 'eng+klingon', path.join(fixtures, 'documents', 'notice-dari.png')],
    ];
    for (const args of cases) {
      const r = await awb(...args);
      expect({ args, status: r.status, stdout: r.stdout }).toEqual({ args, status: 2, stdout: '' });
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^awb: /);
    }
    // Nothing was made where a workspace was missing.
    expect(fs.existsSync(path.join(dir, 'missing.awb'))).toBe(false);
  }, 60_000);
});

describe('awb import --ocr-languages', () => {
  it('reads a scan in the languages given', async () => {
    const scans = path.join(dir, 'scans.awb');
    const r = await awb('import', '--workspace', scans, '--ocr-languages', 'eng+fas', path.join(fixtures, 'documents', 'notice-dari.png'));
    expect(r.stdout).toMatch(/^imported +\S*notice-dari\.png +article 1/m);
    const hits = await awb('search', '--workspace', scans, 'قندوز');
    expect(hits.stdout).toMatch(/"id":1\b/);
  }, 120_000);
});
