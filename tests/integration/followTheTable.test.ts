import { parse as parseCsv } from 'csv-parse/sync';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventQueryInput, RelationNarrowing } from '../../electron/contract/index.js';
import { codedWorkspace } from './coded.js';
import { tempDir } from './helpers.js';

// Exports and reports hold what the table on screen shows: its search, column filters, tags and sort.
let t: Awaited<ReturnType<typeof codedWorkspace>>;
const out = tempDir('awb-follow-');
const csvOf = (file: string) => parseCsv(fs.readFileSync(file, 'utf8'), { bom: true }) as string[][];

beforeAll(async () => {
  t = await codedWorkspace();
  await t.call('relations.create', { input: { sourceId: t.taliban, targetId: t.forces, type: 'fights against', notes: 'Kunduz offensive, June 2021' } });
}, 90_000);
afterAll(() => t.core.close());

describe('the Relations export', () => {
  const exported = async (name: string, relationNarrowing: Partial<RelationNarrowing>) => {
    const result = await t.call('exports.run', { format: 'csv', path: path.join(out, name), table: { table: 'relations', relationNarrowing, columns: ['source', 'type', 'target', 'notes'] } });
    return { records: result.records, rows: csvOf(result.path) };
  };
  const shown = async (narrowing: Partial<RelationNarrowing>) => (await t.call('relations.page', { startRow: 0, endRow: 100, ...narrowing })).rows.map((r) => [r.source.name, r.type, r.target.name, r.notes ?? '']);

  it('holds only the rows the search box leaves, as the table does', async () => {
    const narrowing = { search: 'spokesman' };
    const { rows, records } = await exported('searched.csv', narrowing);
    expect(rows[0]).toEqual(['From', 'Relation', 'To', 'Notes']);
    expect(records).toBe(1);
    expect(rows.slice(1)).toEqual(await shown(narrowing));
    expect(rows[1]![1]).toBe('spokesman for');
  });

  it('holds only the rows the column filters leave, in the table’s sort', async () => {
    const filtered = { filters: { type: { filterType: 'text' as const, type: 'startsWith' as const, filter: 'fights' } } };
    expect((await exported('filtered.csv', filtered)).rows.slice(1)).toEqual([['Taliban', 'fights against', 'Military Forces of Afghanistan', 'Kunduz offensive, June 2021']]);
    const sorted = { sort: [{ column: 'target' as const, direction: 'desc' as const }] };
    const all = await exported('sorted.csv', sorted);
    expect(all.records).toBe(2);
    expect(all.rows.slice(1)).toEqual(await shown(sorted));
    expect(all.rows.slice(1).map((r) => r[2])).toEqual(['Ministry of Defence', 'Military Forces of Afghanistan']);
    expect((await exported('none.csv', { search: 'spokesman', filters: filtered.filters })).records).toBe(0);
  });
});

describe('the Events and Entities exports', () => {
  it('keep only the events and entities of the tagged articles when a tag narrows the tables', async () => {
    const tag = await t.call('tags.create', { name: 'Northern front', color: '#2563eb' });
    const unused = await t.call('tags.create', { name: 'Not used', color: '#16a34a' });
    await t.call('tags.assign', { target: { ids: [t.articleId] }, tagIds: [tag.id] });
    const exported = async (name: string, tagIds: number[]) =>
      (await t.call('exports.run', { format: 'csv', path: path.join(out, name), table: { table: 'events', eventQuery: { articleQuery: { tagIds } }, columns: ['date'] } })).records;
    expect(await exported('tagged.csv', [tag.id])).toBe(3);
    expect(await exported('untagged.csv', [unused.id])).toBe(0);
    const entities = async (name: string, tagIds: number[]) =>
      (await t.call('exports.run', { format: 'csv', path: path.join(out, name), table: { table: 'entities', entityQuery: { articleQuery: { tagIds } }, columns: ['name'] } })).records;
    const shown = (await t.call('entities.page', { query: { articleQuery: { tagIds: [tag.id] } }, startRow: 0, endRow: 1000 })).total;
    expect(shown).toBeGreaterThan(0);
    expect(await entities('tagged-entities.csv', [tag.id])).toBe(shown);
    expect(await entities('untagged-entities.csv', [unused.id])).toBe(0);
  });

  it('names the fields without evidence as the table does, not by their keys', async () => {
    const result = await t.call('exports.run', { format: 'csv', path: path.join(out, 'evidence.csv'), table: { table: 'events', columns: ['evidence'] } });
    const cells = csvOf(result.path).slice(1).map((r) => r[0]!);
    expect(cells.some((c) => c.length > 0)).toBe(true);
    for (const cell of cells) for (const field of cell ? cell.split('; ') : []) expect(['Date', 'Event type', 'Actor 1', 'Actor 2', 'Associated actors', 'Location', 'Fatalities', 'Civilian targeting', 'Notes']).toContain(field);
  });
});

describe('a report “as filtered”', () => {
  const inTable = async (query: EventQueryInput) => (await t.call('events.page', { query, startRow: 0, endRow: 100 })).rows.map((e) => e.location?.name);
  const inReport = async (events: EventQueryInput) => t.call('reports.preview', { spec: { title: 'Northern offensive', sections: ['events'], events } });

  it('covers exactly the events the Events table shows for its search, column filters and tags', async () => {
    const queries: EventQueryInput[] = [
      // The article holds every event: picking events through the articles that match would report all three.
      { search: 'city entry' },
      { search: 'taliban', filters: { fatalities: { filterType: 'number', type: 'greaterThan', filter: 0 } } },
      { filters: { notes: { filterType: 'text', type: 'blank' } } },
      { search: 'taliban NOT entry', articleQuery: { search: 'Maimana' } },
      { search: 'Lisbon' },
    ];
    for (const query of queries) {
      const shown = await inTable(query);
      const { events, html } = await inReport(query);
      expect(events, JSON.stringify(query)).toBe(shown.length);
      for (const place of ['Kunduz', 'Maymana', 'Taloqan']) expect(html.includes(`<td>${place}`), `${place} for ${JSON.stringify(query)}`).toBe(shown.includes(place));
    }
    expect(await inTable({ search: 'city entry' })).toEqual(['Kunduz']);
  });

  it('cites each quote by the event it backs, as the report’s events table shows it, not by internal names', async () => {
    const { html } = await t.call('reports.preview', { spec: { title: 'Northern offensive', sections: ['quotes'] } });
    expect(html).not.toMatch(/\(event \d+, [a-zA-Z0-9]+\)/);
    expect(html).toMatch(/\((Date|Event type|Actor 1|Actor 2|Location|Fatalities|Notes) of the [a-z/ -]+ at Kunduz on 2021-06-20\)<\/cite>/);
  });

  it('says its scope in the analyst’s words', async () => {
    const { html } = await inReport({ search: 'taliban', filters: { fatalities: { filterType: 'number', type: 'greaterThan', filter: 0 } }, dateFrom: '2021-06-01', dateTo: '2021-06-30' });
    expect(html).toContain('Scope: events matching “taliban”; 1 column filter; dates 2021-06-01 to 2021-06-30');
  });
});
