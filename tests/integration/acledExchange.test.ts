import { parse as parseCsv } from 'csv-parse/sync';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventInputOf, type EventInput, type EventRecord } from '../../electron/contract/events.js';
import { fixtures, testCore } from './helpers.js';

type Row = Record<string, string>;
const readCsv = (text: string) => parseCsv(text, { bom: true, columns: true }) as Row[];
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, 'acled', name), 'utf8');
const byId = (rows: Row[]) => new Map(rows.map((r) => [r.event_id_cnty!, r]));

/** Every column the source file has, compared cell by cell: the columns that differ, by event id. */
function differences(source: Row[], exported: Row[]): Record<string, string[]> {
  const out = byId(exported);
  const diff: Record<string, string[]> = {};
  for (const row of source) {
    const back = out.get(row.event_id_cnty!);
    const changed = back ? Object.keys(row).filter((c) => c in back && back[c] !== row[c]) : ['missing'];
    if (changed.length) diff[row.event_id_cnty!] = changed;
  }
  return diff;
}

/** Runs `use` on a workspace of its own, closed after. */
async function ownWorkspace(use: (other: ReturnType<typeof testCore>) => Promise<void>): Promise<void> {
  const other = testCore();
  try {
    await use(other);
  } finally {
    other.core.close();
  }
}

describe('ACLED both ways, as ACLED publishes it', () => {
  let w: ReturnType<typeof testCore>;
  const events = async () => (await w.call('events.page', { query: {} as never, startRow: 0, endRow: 100 })).rows;
  const exportAcled = async (name: string, acledCodes: 'text' | 'numeric' = 'text') =>
    fs.readFileSync((await w.call('exports.run', { format: 'acled', path: path.join(w.dir, name), acledCodes })).path, 'utf8');

  beforeAll(() => {
    w = testCore();
  });
  afterAll(() => w.core.close());

  it('imports every row of the current export format and keeps what each row said', async () => {
    const result = await w.call('imports.exchange', { name: 'current-export.csv', text: fixture('current-export.csv') });
    expect(result).toMatchObject({ kind: 'acled', created: 6, matched: 0, skipped: 0 });
    expect(result.messages).toEqual([]);
    const all = await events();
    const islamQala = all.find((e) => e.acledId === 'AFG50000')!;
    // Linked to the gazetteer's record (Kafir Qala), but the row's own name and point are kept.
    expect(islamQala).toMatchObject({ placeName: 'Islam Qala', lat: 34.6614, lon: 61.0644, admin1: 'Herat', admin2: 'Kohsan', country: 'AF', sourceScale: 'Subnational-National' });
    expect(islamQala.location!.name).toBe('Kafir Qala');
    expect(islamQala.actor1).toMatchObject({ name: 'NRF: National Resistance Front', type: 2 });
    expect(islamQala.actor2).toMatchObject({ type: 1 });
    const mirjaveh = all.find((e) => e.acledId === 'IRN12345')!;
    expect(mirjaveh).toMatchObject({ placeName: 'Mirjaveh', country: 'IR', admin1: 'Sistan and Baluchestan', admin2: 'Mirjaveh', admin3: 'Central', lat: 29.015, sourceScale: 'Local partner-Other' });
    const force = all.find((e) => e.subEventType === 'Excessive force against protesters')!;
    expect([force.actor1!.type, force.actor2!.type]).toEqual([1, 6]);
    expect(force.sourceScale).toBe('New media-National');
  });

  it('exports it back with every column as it was, then changes only what the analyst edited', async () => {
    const source = readCsv(fixture('current-export.csv'));
    expect(differences(source, readCsv(await exportAcled('again.csv')))).toEqual({});

    const event = (await events()).find((e) => e.acledId === 'AFG50000')!;
    const edited = await w.call('events.update', { id: event.id, input: { ...(eventInputOf(event) as EventInput), fatalities: 3 }, acceptWarnings: true });
    expect(edited.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const after = readCsv(await exportAcled('edited.csv'));
    expect(differences(source, after)).toEqual({ AFG50000: ['fatalities', 'timestamp'] });
    const row = byId(after).get('AFG50000')!;
    expect(row.fatalities).toBe('3');
    // The record's last change, in Unix seconds: now, not the export's time nor the source's.
    expect(Math.abs(Number(row.timestamp) - Date.now() / 1000)).toBeLessThan(120);
    expect(row).toMatchObject({ location: 'Islam Qala', latitude: '34.6614', country: 'Afghanistan', admin2: 'Kohsan' });
  });

  it('gives events coded here ids no imported row has, ACLED’s region and text labels, and the gazetteer’s admin areas', async () => {
    const all = await events();
    const [kunduz, afterwards] = [all.find((e) => e.acledId === 'AFG50003')!, all.find((e) => e.acledId === 'AFG50000')!];
    const coded = await w.call('events.create', {
      input: {
        ...(eventInputOf(afterwards) as EventInput),
        date: '2025-05-22',
        locationId: kunduz.location!.entityId,
        notes: 'Coded here.',
        source: null,
        sourceScale: null,
        fatalities: 0,
      },
      acceptWarnings: true,
    });
    expect(coded.event, JSON.stringify(coded.problems)).not.toBeNull();
    const row = readCsv(await exportAcled('own.csv')).find((r) => r.notes === 'Coded here.')!;
    expect(row.event_id_cnty).toMatch(/^AFGAWB\d+$/);
    expect(row).toMatchObject({
      event_date: '22 May 2025',
      inter1: 'Rebel Groups',
      inter2: 'State Forces',
      interaction: 'State Forces-Rebel Groups',
      region: 'Caucasus and Central Asia',
      country: 'Afghanistan',
      iso: '4',
      admin1: 'Kunduz',
      location: 'Kunduz',
    });
    expect(row.admin2).toBe('Kunduz'); // the district, from GeoNames' second-order admin areas
    expect(Math.abs(Number(row.timestamp) - Date.parse(coded.event!.updatedAt) / 1000)).toBeLessThan(1);

    // Mirjaveh is a custom place (the gazetteer lacks it): the country is the one its point lies in.
    const mirjaveh = all.find((e) => e.acledId === 'IRN12345')!;
    const there = await w.call('events.create', { input: { ...(eventInputOf(mirjaveh) as EventInput), date: '2025-05-23', notes: 'Coded at a custom place.' }, acceptWarnings: true });
    expect(there.event, JSON.stringify(there.problems)).toMatchObject({ country: 'IR', placeName: null });
    const custom = readCsv(await exportAcled('custom.csv')).find((r) => r.notes === 'Coded at a custom place.')!;
    expect(custom).toMatchObject({ country: 'Iran', iso: '364', region: 'Middle East', location: 'Mirjaveh' });
    expect(custom.event_id_cnty).toMatch(/^IRNAWB\d+$/);
  });

  it('imports the older numeric format and exports it back in that form on request', async () => {
    await ownWorkspace(async (other) => {
      const result = await other.call('imports.exchange', { name: 'older-numeric.csv', text: fixture('older-numeric.csv') });
      expect(result).toMatchObject({ created: 4, skipped: 0 });
      expect(result.messages).toEqual([expect.stringMatching(/^Columns not read: data_id, event_id_no_cnty, iso3 /)]);
      const file = (await other.call('exports.run', { format: 'acled', path: path.join(other.dir, 'numeric.csv'), acledCodes: 'numeric' })).path;
      const exported = readCsv(fs.readFileSync(file, 'utf8'));
      expect(differences(readCsv(fixture('older-numeric.csv')), exported)).toEqual({});
      const text = readCsv(fs.readFileSync((await other.call('exports.run', { format: 'acled', path: path.join(other.dir, 'text.csv') })).path, 'utf8'));
      expect(byId(text).get('AFG31003')).toMatchObject({ inter1: 'Political Militias', inter2: 'Civilians', interaction: 'Political Militias-Civilians', event_date: '16-Mar-19' });
    });
  });

  it('keeps ACLED’s coding where it breaks a rule of ours and says so, and takes two clashes on one day and place as two events', async () => {
    await ownWorkspace(async (other) => {
      const head = 'event_id_cnty,event_date,sub_event_type,actor1,inter1,actor2,inter2,location,latitude,longitude,geo_precision,fatalities,country,iso\n';
      const rows = [
        'SYR1,16 May 2025,Peaceful protest,Protesters (Syria),Protesters,,,Idlib,35.93,36.63,1,3,Syria,760',
        'SYR2,17 May 2025,Armed clash,Hayat Tahrir al-Sham,Rebel Groups,Military Forces of Syria,State Forces,Idlib,35.93,36.63,1,2,Syria,760',
        'SYR3,17 May 2025,Armed clash,Hayat Tahrir al-Sham,Rebel Groups,Military Forces of Syria,State Forces,Idlib,35.93,36.63,1,0,Syria,760',
      ];
      const result = await other.call('imports.exchange', { name: 'coded.csv', text: head + rows.join('\n') });
      expect(result).toMatchObject({ created: 3, matched: 0, skipped: 0 });
      expect(result.messages).toEqual([
        'No time_precision column: every event counted as precision 1 until you correct it.',
        'Row 2: imported as ACLED coded it, though: A peaceful protest has no fatalities: code a protest with intervention or excessive force.',
      ]);
    });
  });

  it('names every value it could not read, with its row and column, and never defaults in silence', async () => {
    await ownWorkspace(async (other) => {
      const head = 'event_id_cnty,event_date,sub_event_type,actor1,inter1,actor2,inter2,interaction,location,latitude,longitude,geo_precision,source_scale,fatalities,country,iso\n';
      const rows = [
        'SYR1,16 May 2025,Armed clash,Hayat Tahrir al-Sham,Rebel Groupz,Military Forces of Syria,State Forces,,Idlib,35.93,36.63,1,Subnational-National,2,Syria,760',
        'SYR2,17 May 2025,Armed clash,Hayat Tahrir al-Sham,rebel group,Military Forces of Syria,1,12,Idlib,35.93,36.63,4,Galactic,many,Syria,760',
        'SYR3,the day after,Armed clash,Hayat Tahrir al-Sham,2,Military Forces of Syria,1,12,Idlib,35.93,36.63,1,National,0,Syria,760',
        'SYR4,18 May 2025,Armed clash,Hayat Tahrir al-Sham,Rebel Groupz,Military Forces of Syria,State Forces,,Idlib,35.93,36.63,1,National,0,Syria,760',
      ];
      const result = await other.call('imports.exchange', { name: 'odd.csv', text: head + rows.join('\n') });
      expect(result).toMatchObject({ created: 3, skipped: 1 });
      expect(result.messages).toEqual(
        expect.arrayContaining([
          'Rows 2, 5, column inter1: “Rebel Groupz” is not an ACLED actor type (a name such as Rebel Groups, or a code 1–8); kept as written, with the type left for you to choose.',
          'Row 3, column geo_precision: “4” is not a precision code (1, 2 or 3): counted as 1 until you correct it; written back as it was.',
          'Row 3, column source_scale: “Galactic” is not one of ACLED’s source scales (or a compound of them such as Subnational-National); kept as written.',
          'Row 3, column fatalities: “many” is not a count: counted as 0 until you correct it; written back as it was.',
          'Row 4, column event_date: “the day after” is not a date (ACLED writes 16 May 2025, 2025-05-16 or 16-May-25). The row was not imported.',
        ]),
      );
      const all = (await other.call('events.page', { query: {} as never, startRow: 0, endRow: 10 })).rows as EventRecord[];
      // A rebel group misspelt is not made state forces: its type stays unknown until the analyst picks one.
      expect(all.find((e) => e.acledId === 'SYR1')!.actor1).toMatchObject({ type: 0 });
      expect(all.find((e) => e.acledId === 'SYR2')!.actor1).toMatchObject({ type: 2 });
      const back = byId(readCsv(fs.readFileSync((await other.call('exports.run', { format: 'acled', path: path.join(other.dir, 'odd-back.csv') })).path, 'utf8')));
      expect(back.get('SYR1')).toMatchObject({ inter1: 'Rebel Groupz', region: 'Middle East' });
      expect(back.get('SYR2')).toMatchObject({ geo_precision: '4', source_scale: 'Galactic', fatalities: 'many', inter1: 'rebel group' });
      // The same file again: rows already here are recognised by their ids, not duplicated.
      const again = await other.call('imports.exchange', { name: 'odd.csv', text: head + rows.join('\n') });
      expect(again).toMatchObject({ created: 0, matched: 3, skipped: 1 });
    });
  });
});
