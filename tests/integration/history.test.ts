import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdaptedModelStore } from '../../db/adaptedModel.js';
import { History, TRACKED_TABLES } from '../../db/history.js';
import { COMMANDS } from '../../electron/commands.js';
import { eventInputOf, type CallName } from '../../electron/contract/index.js';
import { codedWorkspace } from './coded.js';
import { bundleCli } from './cliBundle.js';
import { fixtures, tempDir, testCore } from './helpers.js';

type T = Awaited<ReturnType<typeof codedWorkspace>>;
let t: T;

beforeAll(async () => {
  t = await codedWorkspace();
}, 120_000);
afterAll(() => t.core.close());

/** Every row of every analyst table, in key order: what an undo must bring back exactly. */
function snapshot(): Record<string, unknown[]> {
  const db = t.core.session.current.db;
  return Object.fromEntries(TRACKED_TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]));
}

const names = async () => (await t.call('history.list', { limit: 500 })).entries;

async function waitForImport(jobId: string) {
  for (;;) {
    const report = await t.call('imports.report', { jobId });
    if (report.state !== 'running') return report;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The sample's suggestions are all accepted: puts a few back to suggested (as a re-run would find them) for a batch accept to act on. */
const unreview = (n: number) =>
  t.core.session.current.db
    .prepare("UPDATE mention SET status = 'suggested' WHERE id IN (SELECT id FROM mention WHERE status = 'accepted' AND origin = 'auto' AND confidence IS NOT NULL ORDER BY id LIMIT ?)")
    .run(n);

const entity = async (search: string) => (await t.call('entities.page', { query: { search }, startRow: 0, endRow: 1 })).rows[0]!.id;

describe('undo and redo', () => {
  it('undoes and redoes each kind of analyst action back to the exact rows', async () => {
    const { call, articleId, events, relation, taliban } = t;
    const mentions = await call('mentions.list', { articleId });
    const kabul = mentions.find((m) => m.status === 'accepted' && m.type === 'place')!;
    const tag = await call('tags.create', { name: 'offensive', color: '#cc3333' });
    unreview(3);
    const actions: [string, () => Promise<unknown>][] = [
      ['reject a mention', () => call('mentions.review', { id: kabul.id, action: 'reject', scope: 'this' })],
      ['accept the sure suggestions at once', () => call('mentions.acceptSuggested', { minConfidence: 0, type: null })],
      ['retype a mention', () => call('mentions.retype', { id: kabul.id, type: 'organisation' })],
      ['change a span', () => call('mentions.respan', { id: kabul.id, start: kabul.start, end: kabul.end + 1 })],
      ['tag an article', () => call('tags.assign', { target: { ids: [articleId] }, tagIds: [tag.id] })],
      ['grade an article', () => call('articles.update', { id: articleId, patch: { reliability: 'B', credibility: 2 } })],
      ['edit an event', () => call('events.update', { id: events[0]!.id, input: { ...toInput(events[0]!), fatalities: 7, notes: 'edited' }, acceptWarnings: true })],
      ['edit a relation', () => call('relations.update', { id: relation.id, input: { sourceId: relation.source.id, targetId: relation.target.id, type: 'member of' } })],
      ['rename an entity', () => call('entities.update', { id: taliban, name: 'Taliban movement' })],
      ['merge entities', async () => call('entities.merge', { sourceId: t.forces, targetId: await entity('Ministry of Defence') })],
      ['merge events', () => call('events.merge', { sourceId: events[2]!.id, targetId: events[1]!.id })],
      ['delete an article', () => call('articles.delete', { target: { ids: [articleId] } })],
    ];
    for (const [what, act] of actions) {
      const before = snapshot();
      await act();
      const after = snapshot();
      expect(after, what).not.toEqual(before);
      const undone = await call('history.undo', {});
      expect(undone.done?.kind, what).toBe('undo');
      expect(snapshot(), `${what}: undo`).toEqual(before);
      const redone = await call('history.redo', {});
      expect(redone.done?.kind, what).toBe('redo');
      expect(snapshot(), `${what}: redo`).toEqual(after);
    }
    // The deleted article comes back whole, searchable again.
    await call('history.undo', {});
    const found = await call('articles.page', { query: { search: 'Kunduz' }, startRow: 0, endRow: 10 });
    expect(found.rows.map((r) => r.id)).toContain(articleId);
    expect((await call('history.list', { limit: 1 })).redo?.label).toMatch(/^Delete article “/);
    expect((await call('history.verify', {})).ok).toBe(true);
  });

  it('counts the name decisions waiting for the learner as commands come, without reading past ones again', async () => {
    const { call, articleId } = t;
    const db = t.core.session.current.db;
    const store = new AdaptedModelStore(db);
    // The count as it was made before it was kept: every command since, read again.
    const recount = (since: number) =>
      db
        .prepare(
          `SELECT count(*) FROM command c WHERE c.id > ? AND c.name <> 'mentions.suggest'
             AND EXISTS (SELECT 1 FROM command_row r WHERE r.command_id = c.id AND r.tbl = 'mention')`,
        )
        .pluck()
        .get(since) as number;
    const before = store.newestCommand();
    expect(store.decisionsSince(0)).toBe(recount(0));
    const tag = await call('tags.create', { name: 'not a decision', color: '#223344' });
    await call('tags.assign', { target: { ids: [articleId] }, tagIds: [tag.id] });
    const mention = (await call('mentions.list', { articleId })).find((m) => m.status !== 'rejected' && m.type !== 'date')!;
    await call('mentions.retype', { id: mention.id, type: mention.type === 'group' ? 'organisation' : 'group' });
    const decision = store.newestCommand();
    await call('history.undo', {});
    for (const since of [0, before, decision - 1, decision, store.newestCommand()]) expect(store.decisionsSince(since)).toBe(recount(since));
    // The retype and its undo: two decisions since the tagging, none after the undo.
    expect(store.decisionsSince(before)).toBe(2);
    expect(store.decisionsSince(store.newestCommand())).toBe(0);
  });

  it('undoes back to any point, and a new action ends the redo chain', async () => {
    const { call, articleId } = t;
    const start = snapshot();
    const a = await call('tags.create', { name: 'to undo 1', color: '#112233' });
    await call('tags.assign', { target: { ids: [articleId] }, tagIds: [a.id] });
    await call('tags.update', { id: a.id, name: 'renamed' });
    const first = (await names()).find((e) => e.label === 'Create tag “to undo 1”')!;
    expect((await call('history.undoTo', { id: first.id })).undone).toBe(3);
    expect(snapshot()).toEqual(start);
    const list = await call('history.list', { limit: 10 });
    expect(list.entries.filter((e) => e.undone).map((e) => e.label)).toEqual(expect.arrayContaining(['Create tag “to undo 1”', 'Rename tag “to undo 1” to “renamed”']));
    expect(list.redo?.label).toBe('Create tag “to undo 1”');
    await call('tags.create', { name: 'fresh', color: '#445566' });
    expect((await call('history.list', { limit: 1 })).redo).toBeNull();
    expect((await call('history.redo', {})).done).toBeNull();
  });

  it('refuses an undo that would overwrite a later change made outside the history', async () => {
    const { call, articleId } = t;
    await call('articles.update', { id: articleId, patch: { source: 'Agency A' } });
    // Another program (or the command line) changes the same row without going through this core's commands.
    t.core.session.current.db.prepare("UPDATE article SET source = 'Agency B' WHERE id = ?").run(articleId);
    await expect(call('history.undo', {})).rejects.toThrow(/cannot be undone: article \d+ has changed since/);
    expect((await call('articles.get', { id: articleId })).source).toBe('Agency B');
  });

  it('keeps the history and the undo stack across a restart', async () => {
    const { call, articleId } = t;
    await call('articles.update', { id: articleId, patch: { credibility: 5 } });
    const file = t.core.session.current.file;
    t.core.close();
    const again = testCore(file);
    try {
      expect((await again.call('history.list', { limit: 1 })).undo?.label).toMatch(/^Grade article “.*” 5$/);
      await again.call('history.undo', {});
      expect((await again.call('articles.get', { id: articleId })).credibility).not.toBe(5);
      await again.call('history.redo', {});
      expect((await again.call('articles.get', { id: articleId })).credibility).toBe(5);
    } finally {
      again.core.close();
    }
    t = { ...t, ...reopen(file) };
  });
});

describe('the audit trail', () => {
  it('records every write call of the contract, with who and when', async () => {
    const { call, articleId, relation, events } = t;
    const out = (name: string) => path.join(t.dir, name);
    const tagA = await call('tags.create', { name: 'A', color: '#aa0000' });
    const tagB = await call('tags.create', { name: 'B', color: '#00aa00' });
    const body = (await call('articles.get', { id: articleId })).body;
    const at = (text: string) => ({ start: body.indexOf(text), end: body.indexOf(text) + text.length });
    const live = (await call('mentions.list', { articleId })).filter((m) => m.status !== 'rejected' && m.entityId);
    const mention = live.find((m) => m.type === 'person')!;
    const place = live.find((m) => m.type === 'place')!;
    let second = 0;
    let undoId = 0;
    // As the first test left it (entities merged, events merged).
    const ev0 = await call('events.get', { id: events[0]!.id });
    const coded = { ...toInput(ev0), actor2: { entityId: await entity('Ministry of Defence'), type: 1 as const } };
    const writes: Partial<Record<CallName, () => Promise<unknown>>> = {
      'workspace.saveCopy': () => call('workspace.saveCopy', { path: out('copy.awb') }),
      'imports.start': async () => {
        const { jobId } = await call('imports.start', { source: { kind: 'text', title: 'Kabul note', text: 'Fighting was reported in Kabul on Monday, the Taliban said. Zabihullah Mujahid spoke to reporters.' } });
        second = (await waitForImport(jobId)).outcomes[0]!.articleId!;
      },
      'mentions.suggest': () => call('mentions.suggest', { articleIds: [second] }),
      'articles.update': () => call('articles.update', { id: second, patch: { reliability: 'C' } }),
      'tags.create': () => call('tags.create', { name: 'C', color: '#0000aa' }),
      'tags.update': () => call('tags.update', { id: tagA.id, color: '#ff0000' }),
      'tags.assign': () => call('tags.assign', { target: { ids: [articleId] }, tagIds: [tagA.id, tagB.id] }),
      'tags.unassign': () => call('tags.unassign', { target: { ids: [articleId] }, tagIds: [tagB.id] }),
      'tags.merge': () => call('tags.merge', { sourceId: tagB.id, targetId: tagA.id }),
      'tags.delete': () => call('tags.delete', { id: tagA.id }),
      'mentions.review': () => call('mentions.review', { id: mention.id, action: 'reject', scope: 'this' }),
      'mentions.retype': () => call('mentions.retype', { id: place.id, type: 'group' }),
      'mentions.respan': () => call('mentions.respan', { id: mention.id, start: mention.start, end: mention.end + 1 }),
      'mentions.annotate': () => call('mentions.annotate', { articleId, ...at('restrictive operational rules'), type: 'organisation', scope: 'this' }),
      'entities.create': () => call('entities.create', { type: 'person', name: 'Ahmad Shah Massoud' }),
      'mentions.link': async () => call('mentions.link', { id: mention.id, entityId: await entity('Zabihullah Mujahid') }),
      'mentions.acceptSuggested': () => (unreview(1), call('mentions.acceptSuggested', { minConfidence: 0, type: null })),
      'entities.update': async () => call('entities.update', { id: await entity('Zabihullah Mujahid'), notes: 'Taliban spokesman' }),
      'entities.setPlace': async () => call('entities.setPlace', { id: await entity('Kunduz'), place: { custom: { name: 'Kunduz centre', lat: 36.73, lon: 68.86 } } }),
      'mentions.place': async () => {
        const kunduz = (await call('mentions.list', { articleId })).find((m) => m.type === 'place' && m.quote === 'Kunduz' && m.status !== 'rejected')!;
        return call('mentions.place', { id: kunduz.id, place: { custom: { name: 'Kunduz bazaar', lat: 36.72, lon: 68.86 } }, scope: 'this' });
      },
      'places.entity': () => call('places.entity', { place: { custom: { name: 'Kunduz airport', lat: 36.66, lon: 68.91 } } }),
      'entities.merge': async () => {
        const other = await call('entities.create', { type: 'person', name: 'Z. Mujahid' });
        undoId = (await call('entities.merge', { sourceId: other.id, targetId: await entity('Zabihullah Mujahid') })).undoId;
      },
      'entities.undoMerge': () => call('entities.undoMerge', { undoId }),
      'entities.split': async () => {
        const id = await entity('Zabihullah Mujahid');
        await call('mentions.link', { id: mention.id, entityId: id });
        const ann = await call('mentions.annotate', { articleId, ...at('dozens of government forces'), type: 'person', scope: 'this' });
        await call('mentions.link', { id: ann.id, entityId: id });
        await call('entities.split', { id, mentionIds: [ann.id], name: 'Someone else' });
      },
      'entities.delete': async () => call('entities.delete', { id: await entity('Someone else') }),
      'events.create': async () => {
        const made = await call('events.create', { input: { ...coded, date: '2021-06-19', notes: 'a second one' }, acceptWarnings: true });
        expect(made.problems).toEqual([]);
      },
      'events.update': () => call('events.update', { id: ev0.id, input: { ...coded, fatalities: 3 }, acceptWarnings: true }),
      'events.addEvidence': () => call('events.addEvidence', { eventId: events[0]!.id, evidence: { field: 'fatalities', articleId, ...at('Sunday night') } }),
      'events.removeEvidence': async () => call('events.removeEvidence', { evidenceId: (await call('events.get', { id: events[0]!.id })).evidence.at(-1)!.id }),
      'events.merge': async () => {
        const page = await call('events.page', { query: {}, startRow: 0, endRow: 50 });
        const copy = page.rows.find((e) => e.notes === 'a second one')!;
        await call('events.merge', { sourceId: copy.id, targetId: events[0]!.id });
      },
      'events.delete': () => call('events.delete', { id: events[1]!.id }),
      'relations.create': () => call('relations.create', { input: { sourceId: relation.source.id, targetId: relation.target.id, type: 'member of' } }),
      'relations.update': () => call('relations.update', { id: relation.id, input: { sourceId: relation.source.id, targetId: relation.target.id, type: 'spokesman for', notes: 'checked' } }),
      'relations.addEvidence': () => call('relations.addEvidence', { id: relation.id, evidence: { articleId, ...at('defense ministry') } }),
      'relations.delete': () => call('relations.delete', { id: relation.id }),
      'imports.exchange': () =>
        call('imports.exchange', {
          name: 'airfield.geojson',
          text: JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [68.91, 36.66] }, properties: { name: 'Kunduz airfield' } }] }),
        }),
      'reports.save': () => call('reports.save', { spec: { title: 'Kunduz' }, format: 'md', path: out('report.md') }),
      'exports.run': () => call('exports.run', { format: 'csv', path: out('articles.csv'), table: { table: 'articles' } }),
      'namesModel.reset': () => call('namesModel.reset', {}),
      'articles.delete': () => call('articles.delete', { target: { ids: [second] } }),
      'workspace.purge': () => call('workspace.purge', {}),
    };
    const mustRecord = Object.entries(COMMANDS)
      .filter(([, spec]) => spec.kind === 'do' || spec.kind === 'record' || spec.kind === 'job')
      .map(([name]) => name);
    // A write call added to the contract without a case here fails this test.
    expect(Object.keys(writes).sort()).toEqual(mustRecord.sort());

    for (const [name, write] of Object.entries(writes)) {
      const before = (await names())[0]?.id ?? 0;
      await write();
      const recorded = (await names()).filter((e) => e.id > before);
      const expected = name === 'imports.start' ? 'imports.run' : name;
      expect(recorded.map((e) => e.name), name).toContain(expected);
      const entry = recorded.find((e) => e.name === expected)!;
      expect(entry.user.length, name).toBeGreaterThan(0);
      expect(Date.now() - Date.parse(entry.at), name).toBeLessThan(60_000);
      expect(entry.label.length, name).toBeGreaterThan(3);
    }
    const imported = (await names()).find((e) => e.name === 'imports.run')!;
    expect(imported.label).toBe('Import 1 file: 1 imported, 0 duplicate, 0 failed');
    expect(await t.call('history.verify', {})).toMatchObject({ ok: true, problems: [] });
  }, 120_000);

  it('redacts the bin on purge without breaking the chain; a purged delete cannot be undone', async () => {
    const { call } = t;
    const db = t.core.session.current.db;
    const deleted = (await names()).find((e) => e.name === 'articles.delete' && !e.undone)!;
    expect(deleted.redacted).toBe(true);
    const rows = await call('history.rows', { id: deleted.id });
    const body = rows.find((r) => r.table === 'article_body')!;
    expect(body.redacted).toBe(true);
    expect(body.before!.body).toBeNull();
    expect(db.prepare("SELECT count(*) FROM command_row WHERE old LIKE '%Zabihullah Mujahid spoke%'").pluck().get()).toBe(0);
    expect((await call('history.verify', {})).ok).toBe(true);
    // Emptied from the bin, the delete is no longer on the undo stack: Ctrl+Z goes on to the action before it.
    expect((await call('history.list', { limit: 1 })).undo!.id).toBeLessThan(deleted.id);
    expect((await call('history.undoTo', { id: deleted.id })).undone).toBe(0);
  });

  it('detects a changed, removed or relabelled record', async () => {
    // Tampered on a copy, through a connection of its own, as someone editing the file would.
    const copy = path.join(t.dir, 'tampered.awb');
    t.core.session.current.db.exec(`VACUUM INTO '${copy}'`);
    const raw = new Database(copy);
    // Whoever edits the file by hand is not held by its foreign keys either.
    raw.pragma('foreign_keys = OFF');
    const tamper = (sql: string) => {
      raw.exec('BEGIN');
      raw.exec(sql);
      const report = new History(raw, false).verify();
      raw.exec('ROLLBACK');
      return report;
    };
    try {
      expect(tamper('SELECT 1').ok).toBe(true);
      const row = raw.prepare("SELECT id, command_id FROM command_row WHERE redacted = 0 AND tbl = 'article' AND op = 'update' AND new LIKE '%\"credibility\":5%' LIMIT 1").get() as { id: number; command_id: number };
      const changed = tamper(`UPDATE command_row SET new = replace(new, '"credibility":5', '"credibility":6') WHERE id = ${row.id}`);
      expect(changed.ok).toBe(false);
      expect(changed.problems[0]).toMatchObject({ commandId: row.command_id, problem: expect.stringMatching(/was changed/) });
      expect(tamper(`UPDATE command SET label = 'Nothing happened' WHERE id = ${row.command_id}`).problems[0]?.problem).toMatch(/label or detail was changed/);
      expect(tamper(`UPDATE command SET user = 'someone-else' WHERE id = ${row.command_id}`).problems[0]?.problem).toMatch(/do not match its hash/);
      expect(tamper(`DELETE FROM command_row WHERE id = ${row.id}`).ok).toBe(false);
      expect(tamper(`DELETE FROM command WHERE id = ${row.command_id - 1}`).problems.some((p) => /link to the previous record/.test(p.problem))).toBe(true);
    } finally {
      raw.close();
    }
    expect(t.core.session.current.history.verify().ok).toBe(true);
  });
});

describe('awb audit', () => {
  it('lists the trail as JSON lines and, with --verify, exits 1 on a tampered row', async () => {
    const cli = await bundleCli();
    const dir = tempDir();
    const file = path.join(dir, 'audited.awb');
    const awb = (...args: string[]) =>
      new Promise<{ status: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [cli.cli, ...args, '--workspace', file], { env: { ...process.env, AWB_DATA_DIR: path.join(dir, 'data') } });
        let stdout = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.on('close', (status) => resolve({ status, stdout }));
      });
    try {
      expect((await awb('import', path.join(fixtures, 'kunduz-offensive.txt'))).status).toBe(0);
      const app = testCore(file);
      const id = (await app.call('articles.page', { query: {}, startRow: 0, endRow: 1 })).rows[0]!.id;
      await app.call('articles.update', { id, patch: { reliability: 'A' } });
      app.core.close();

      const listed = await awb('audit');
      expect(listed.status).toBe(0);
      const lines = listed.stdout.trim().split('\n').map((l) => JSON.parse(l) as { name: string; label: string; user: string });
      expect(lines.map((l) => l.name)).toEqual(['articles.update', 'imports.run']);
      expect(lines[0]!.label).toMatch(/^Grade article “After a brief offensive.*” A$/);
      expect(lines[1]!.label).toBe('Import 1 file: 1 imported, 0 duplicate, 0 failed');
      const intact = await awb('audit', '--verify');
      expect(intact.status).toBe(0);
      expect(intact.stdout).toMatch(/^intact {4}2 records, 1 changed rows; head [0-9a-f]{64}$/m);

      const raw = new Database(file);
      raw.prepare(`UPDATE command_row SET new = replace(new, '"reliability":"A"', '"reliability":"B"')`).run();
      raw.close();
      const broken = await awb('audit', '--verify');
      expect(broken.status).toBe(1);
      expect(broken.stdout).toMatch(/^TAMPERED {2}record 2: row \d+ \(article\) was changed$/m);
    } finally {
      cli.remove();
    }
  }, 120_000);
});

function reopen(file: string) {
  const again = testCore(file);
  return { core: again.core, call: again.call, dir: again.dir };
}

/** An event record back as input for events.update. */
function toInput(e: T['events'][number]) {
  return eventInputOf(e)!;
}
