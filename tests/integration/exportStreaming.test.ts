import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUB_EVENT_TYPES, eventTypeOf, type ExportFormat } from '../../electron/contract/index.js';
import { tempDir, testCore } from './helpers.js';

const t = testCore();
const out = tempDir('awb-export-cancel-');
afterAll(() => t.core.close());

/** Enough events that writing any format takes several pauses, so a Cancel can land half way. */
beforeAll(async () => {
  await t.core.imports.importNow({ kind: 'text', text: 'Streaming exports\n\nAn article for the streaming export test only.' });
  const db = t.core.session.current.db;
  db.transaction(() => {
    const entity = db.prepare("INSERT INTO entity (type, name, origin, lat, lon, created_at) VALUES (?, ?, 'auto', ?, ?, '2024-01-01')");
    for (let i = 0; i < 20; i++) entity.run('organisation', `Armed group ${i}`, null, null);
    for (let i = 0; i < 200; i++) entity.run('place', `Village ${i}`, 29 + (i % 90) / 10, 61 + (i % 100) / 10);
    const insert = db.prepare(
      `INSERT INTO event (event_date, time_precision, event_type, sub_event_type, actor1_id, actor1_type, actor2_id, actor2_type, location_id, geo_precision, lat, lon, fatalities, notes, created_at, updated_at)
       VALUES (?, 1, ?, ?, ?, 2, ?, 1, ?, 1, ?, ?, ?, ?, '2024-01-01', '2024-01-01')`,
    );
    for (let i = 0; i < 20_000; i++) {
      const sub = SUB_EVENT_TYPES[i % SUB_EVENT_TYPES.length]!;
      const day = new Date(Date.UTC(2018, 0, 1) + (i % 2000) * 86_400_000).toISOString().slice(0, 10);
      insert.run(day, eventTypeOf(sub), sub, 1 + (i % 20), 1 + ((i + 7) % 20), 21 + (i % 200), 29 + (i % 90) / 10, 61 + (i % 100) / 10, i % 10, `Event ${i}, as the source told it.`);
    }
  })();
}, 120_000);

/** Files in the export folder other than those named: a temporary file left behind would show here. */
const others = (...kept: string[]) => fs.readdirSync(out).filter((f) => !kept.includes(f));

/** Starts an export and presses Cancel (as a separate call, as the window does) once part of the file is written. */
async function cancelHalfWay(format: ExportFormat, name: string, overwrite = false) {
  let progressed = false;
  const unsubscribe = t.core.subscribe((e) => {
    if (e.type !== 'export.progress' || progressed) return;
    progressed = true;
    setTimeout(() => void t.call('exports.cancel', {}), 0);
  });
  try {
    const error = await t.call('exports.run', { format, path: path.join(out, name), overwrite, ...(format === 'csv' || format === 'xlsx' ? { table: { table: 'events' } } : {}) }).then(
      () => null,
      (e: Error & { code?: string }) => e,
    );
    return { error, progressed };
  } finally {
    unsubscribe();
  }
}

describe('a cancelled export', () => {
  for (const [format, name] of [
    ['geojson', 'events.geojson'],
    ['csv', 'events.csv'],
    ['xlsx', 'events.xlsx'],
    ['stix', 'events.stix.json'],
  ] as const) {
    it(`${format}: stops half way and leaves no file and no temporary file`, async () => {
      const { error, progressed } = await cancelHalfWay(format, name);
      expect(progressed).toBe(true);
      expect(error?.code).toBe('cancelled');
      expect(error?.message).toMatch(/cancelled/);
      expect(others()).toEqual([]);
    }, 60_000);
  }

  it('keeps the earlier file whole when it was to be replaced, and the same export then runs to its end', async () => {
    fs.writeFileSync(path.join(out, 'kept.kml'), 'the earlier export');
    const { error } = await cancelHalfWay('kml', 'kept.kml', true);
    expect(error?.code).toBe('cancelled');
    expect(fs.readFileSync(path.join(out, 'kept.kml'), 'utf8')).toBe('the earlier export');
    expect(others('kept.kml')).toEqual([]);
    // Nothing is left armed: the next export is not cancelled by the earlier Cancel.
    const done = await t.call('exports.run', { format: 'kml', path: path.join(out, 'kept.kml'), overwrite: true });
    expect(done.records).toBe(20_000);
    expect(fs.readFileSync(done.path, 'utf8')).toMatch(/<\/kml>\n$/);
    expect(others('kept.kml')).toEqual([]);
    // The history records the export that was written, not the one cancelled.
    const labels = (await t.call('history.list', { limit: 5 })).entries.map((e) => e.label);
    expect(labels.filter((l) => l.startsWith('Export kml'))).toHaveLength(1);
  }, 60_000);

  it('Cancel with no export under way is harmless', async () => {
    expect(await t.call('exports.cancel', {})).toEqual({ cancelled: 0 });
  });
});
