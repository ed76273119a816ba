import { Model, defaultModel } from '@alephdata/followthemoney';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { EventInputRaw, ExportFormat } from '../../electron/contract/index.js';
import { closedAfterEach, fixtures } from './helpers.js';

const make = closedAfterEach();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the files are read as loose JSON, as another tool would
type Loose = Record<string, any>;
const TITLE = 'Civilian Harm in the Northern Provinces: Quarterly Protection Update';
const SENTENCE = 'Humanitarian organisations reported that access to the districts north of Baghlan-e Jadid improved';

/**
 * A workspace holding the PDF report, with an event and a relation coded from one sentence on its
 * page 2: the quote every export below must cite with its page and its source.
 */
async function evidenceFromPage2() {
  const t = make();
  const report = await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'documents', 'report.pdf')] });
  const articleId = report.outcomes[0]!.articleId!;
  const body = (await t.call('articles.get', { id: articleId })).body;
  const start = body.indexOf(SENTENCE);
  expect(start).toBeGreaterThanOrEqual(0);
  const span = { articleId, start, end: start + SENTENCE.length };
  const place = (await t.call('entities.create', { type: 'place', name: 'Baghlan-e Jadid' })).id;
  await t.call('entities.setPlace', { id: place, place: { custom: { name: 'Baghlan-e Jadid', lat: 36.13, lon: 68.7 } } });
  const agencies = (await t.call('entities.create', { type: 'organisation', name: 'Humanitarian organisations' })).id;
  const staff = (await t.call('entities.create', { type: 'organisation', name: 'Checkpoint staff' })).id;
  const draft = await t.call('events.draft', span);
  await t.call('events.create', {
    input: { ...(draft.input as object), date: '2024-03-01', timePrecision: 1, actor1: { entityId: agencies, type: 8 }, actor2: { entityId: staff, type: 8 }, locationId: place, geoPrecision: 2, fatalities: 0 } as EventInputRaw,
    evidence: draft.evidence,
    acceptWarnings: true,
  });
  await t.call('relations.create', { input: { sourceId: staff, targetId: agencies, type: 'member of' }, evidence: [span] });
  const exportAs = async (format: ExportFormat, name: string, extra: object = {}) => fs.readFileSync((await t.call('exports.run', { format, path: path.join(t.dir, name), ...extra })).path, 'utf8');
  return { t, articleId, exportAs };
}

describe('every quote of evidence cites its page and its source', () => {
  it('relations CSV and XLSX, GEXF, FollowTheMoney and STIX name page 2 of the PDF; STIX evidence notes name the report of their article', async () => {
    const { t, exportAs } = await evidenceFromPage2();

    const csv = parseCsv(await exportAs('csv', 'relations.csv', { table: { table: 'relations' } }), { bom: true, columns: true }) as Record<string, string>[];
    expect(csv.map((r) => r.Evidence)).toEqual([`“${SENTENCE}” (p. 2)`]);
    const book = XLSX.read(fs.readFileSync((await t.call('exports.run', { format: 'xlsx', path: path.join(t.dir, 'relations.xlsx'), table: { table: 'relations', columns: ['source', 'evidence'] } })).path));
    expect(XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 })).toEqual([
      ['From', 'Evidence'],
      ['Checkpoint staff', `“${SENTENCE}” (p. 2)`],
    ]);

    const gexf = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => ['edge', 'attvalue'].includes(n) }).parse(await exportAs('gexf', 'graph.gexf')) as Loose;
    const edge = (gexf.gexf.graph.edges.edge as Loose[])[0]!;
    expect((edge.attvalues.attvalue as Loose[]).find((a) => a['@for'] === 'evidence')!['@value']).toBe(`${SENTENCE} (p. 2)`);

    const ftm = (await exportAs('ftm', 'entities.ftm')).trim().split('\n').map((l) => JSON.parse(l) as Loose);
    expect(ftm.find((l) => l.schema === 'Membership')!.properties.description).toEqual([`“${SENTENCE}” — ${TITLE}, p. 2`]);

    const stix = (JSON.parse(await exportAs('stix', 'bundle.json', { handling: 'TLP:GREEN' })) as { objects: Loose[] }).objects;
    const byId = new Map(stix.map((o) => [o.id as string, o]));
    const report = stix.find((o) => o.type === 'report')!;
    expect(report.name).toBe(TITLE);
    const relationship = stix.find((o) => o.type === 'relationship')!;
    const event = stix.find((o) => o.type === 'note' && o.x_awb_event)!;
    // The report says which relationship and event its text backs.
    expect(report.object_refs).toEqual(expect.arrayContaining([relationship.id, event.id]));
    expect(event.content).toContain(`“${SENTENCE}” (${TITLE}, p. 2)`);
    const evidence = stix.filter((o) => o.type === 'note' && !o.x_awb_event);
    expect(evidence.map((n) => [n.abstract, n.content, n.object_refs.map((r: string) => byId.get(r)!.type)])).toEqual([
      [`Evidence from “${TITLE}”, p. 2`, SENTENCE, ['relationship', 'report']],
      [`Evidence for the event type from “${TITLE}”, p. 2`, SENTENCE, ['note', 'report']],
    ]);
    expect(evidence[0]!.object_refs[0]).toBe(relationship.id);
    expect(evidence[1]!.object_refs[0]).toBe(event.id);
  }, 60_000);

  it('FollowTheMoney brings the relation back with its quote on the same article, page or no page', async () => {
    const { t, exportAs } = await evidenceFromPage2();
    const text = await exportAs('ftm', 'round.ftm');
    const other = make();
    const result = await other.call('imports.exchange', { name: 'round.ftm', text });
    expect(result).toMatchObject({ kind: 'ftm', skipped: 0 });
    const relations = async (call: typeof t.call) => (await call('relations.page', { startRow: 0, endRow: 10 })).rows.map((r) => [r.source.name, r.type, r.target.name, r.evidence.map((e) => e.quote)]);
    expect(await relations(other.call)).toEqual(await relations(t.call));
    expect((await relations(other.call))[0]![3]).toEqual([SENTENCE]);

    // Its quote removed where it came from, the file puts it back on the same relation, once however often it is read.
    const before = await relations(t.call);
    t.core.session.current.db.prepare('DELETE FROM relation_evidence').run();
    for (let n = 0; n < 2; n++) expect(await t.call('imports.exchange', { name: 'round.ftm', text })).toMatchObject({ created: 0, skipped: 0 });
    expect(await relations(t.call)).toEqual(before);
  }, 60_000);

  it('STIX brings the relation and the event back with their quotes when the workspace holds the article', async () => {
    const { t, exportAs } = await evidenceFromPage2();
    const bundle = await exportAs('stix', 'round.json', { handling: 'TLP:GREEN' });
    const other = make();
    await other.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'documents', 'report.pdf')] });
    const result = await other.call('imports.exchange', { name: 'round.json', text: bundle });
    expect(result).toMatchObject({ kind: 'stix', skipped: 0 });
    expect(result.messages.join(' ')).toContain('2 quotes of evidence found again in 1 article of this workspace.');
    expect(result.messages.join(' ')).not.toMatch(/Not imported: .*(note|report)/);
    const relations = async (call: typeof t.call) => (await call('relations.page', { startRow: 0, endRow: 10 })).rows.map((r) => [r.source.name, r.type, r.target.name, r.evidence.map((e) => [e.start, e.end, e.quote])]);
    expect(await relations(other.call)).toEqual(await relations(t.call));
    const events = async (call: typeof t.call) => (await call('events.page', { query: {}, startRow: 0, endRow: 10 })).rows.map((e) => [e.date, e.subEventType, e.evidence.map((x) => [x.field, x.start, x.end, x.quote])]);
    expect(await events(other.call)).toEqual(await events(t.call));
    expect((await events(other.call))[0]![2]).toHaveLength(1);

    // Without the article, the quotes are left out and said to be.
    const bare = make();
    const without = await bare.call('imports.exchange', { name: 'round.json', text: bundle });
    expect(without.messages.join(' ')).toMatch(/Not imported: 2 notes \(not coded events, nor quotes of an article this workspace holds/);
    expect(without.messages.join(' ')).toMatch(/Not imported: 1 report/);
  }, 90_000);

  it('FollowTheMoney mentions come back on the occurrence that was marked (after an emoji) and on the place they named', async () => {
    const t = make();
    const file = path.join(t.dir, 'two-kunduz.txt');
    fs.writeFileSync(
      file,
      'Two men named Ahmadzai 🙂 were in Kunduz that week.\n\nAhmadzai, a trader, sold tea in the bazaar while Rohullah Ahmadzai, the ministry spokesman, spoke of Kunduz province.\n',
    );
    const articleId = (await t.core.imports.importNow({ kind: 'paths', paths: [file] })).outcomes[0]!.articleId!;
    const body = (await t.call('articles.get', { id: articleId })).body;
    const mark = async (type: 'person' | 'place', at: number, name: string, entityId: number) => {
      const { id } = await t.call('mentions.annotate', { articleId, start: at, end: at + name.length, type, scope: 'this' });
      await t.call('mentions.link', { id, entityId });
    };
    // Only the spokesman's "Ahmadzai", the third, is marked; the town and the province of Kunduz are two places.
    const spokesman = (await t.call('entities.create', { type: 'person', name: 'Rohullah Ahmadzai' })).id;
    await mark('person', body.lastIndexOf('Ahmadzai'), 'Ahmadzai', spokesman);
    const town = (await t.call('entities.create', { type: 'place', name: 'Kunduz' })).id;
    await t.call('entities.setPlace', { id: town, place: { custom: { name: 'Kunduz', lat: 36.73, lon: 68.86 } } });
    const province = (await t.call('entities.create', { type: 'place', name: 'Kunduz' })).id;
    await t.call('entities.setPlace', { id: province, place: { custom: { name: 'Kunduz', lat: 36.8, lon: 68.6 } } });
    await mark('place', body.indexOf('Kunduz'), 'Kunduz', town);
    await mark('place', body.lastIndexOf('Kunduz'), 'Kunduz', province);

    const text = fs.readFileSync((await t.call('exports.run', { format: 'ftm', path: path.join(t.dir, 'mentions.ftm') })).path, 'utf8');
    const mentions = text.trim().split('\n').map((l) => JSON.parse(l) as Loose).filter((l) => l.schema === 'Mention');
    // Code points, as W3C counts: the emoji is one, where JavaScript counts two.
    const person = mentions.find((m) => m.properties.name[0] === 'Ahmadzai')!;
    expect(person.x_awb_span).toEqual({ start: [...body.slice(0, body.lastIndexOf('Ahmadzai'))].length, end: [...body.slice(0, body.lastIndexOf('Ahmadzai'))].length + 8, unit: 'code point' });

    const other = make();
    const result = await other.call('imports.exchange', { name: 'mentions.ftm', text });
    expect(result).toMatchObject({ kind: 'ftm', skipped: 0 });
    expect(result.messages.join(' ')).not.toMatch(/may be any of/);
    const importedId = (await other.call('articles.page', { query: {}, startRow: 0, endRow: 1 })).rows[0]!.id;
    const shape = async (call: typeof t.call, id: number) =>
      Promise.all(
        (await call('mentions.list', { articleId: id }))
          .filter((m) => m.status === 'accepted')
          .map(async (m) => {
            const e = await call('entities.get', { id: m.entityId! });
            return [m.start, m.end, m.quote, e.name, e.lat, e.lon];
          }),
      );
    expect(await shape(other.call, importedId)).toEqual(await shape(t.call, articleId));
  }, 60_000);

  it('FollowTheMoney with suggestions says which records are suggested beside the properties, which stay those of each schema', async () => {
    const t = make();
    const articleId = (await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] })).outcomes[0]!.articleId!;
    await t.call('mentions.suggest', { articleIds: [articleId] });
    const text = fs.readFileSync((await t.call('exports.run', { format: 'ftm', path: path.join(t.dir, 'suggested.ftm'), includeSuggestions: true })).path, 'utf8');
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Loose);
    const model = new Model(defaultModel);
    for (const l of lines) for (const name of Object.keys(l.properties as object)) expect(model.getSchema(l.schema as string).hasProperty(name), `${l.schema}.${name}`).toBe(true);
    const mentions = lines.filter((l) => l.schema === 'Mention');
    expect(mentions.length).toBeGreaterThan(0);
    expect(new Set(mentions.map((m) => m.x_awb_status))).toEqual(new Set(['suggested']));
    expect(lines.filter((l) => l.schema === 'Address').every((l) => l.x_awb_status === 'suggested')).toBe(true);
  }, 60_000);

  it('STIX puts the quotes back on the relation and event a workspace already holds, once, however often it is imported', async () => {
    const { t, exportAs } = await evidenceFromPage2();
    const bundle = await exportAs('stix', 'merge.json');
    const relations = async (call: typeof t.call) => (await call('relations.page', { startRow: 0, endRow: 10 })).rows.map((r) => [r.source.name, r.type, r.target.name, r.evidence.map((e) => [e.start, e.end, e.quote])]);
    const events = async (call: typeof t.call) => (await call('events.page', { query: {}, startRow: 0, endRow: 10 })).rows.map((e) => [e.date, e.subEventType, e.evidence.map((x) => [x.field, x.start, x.end, x.quote])]);
    const coded = { relations: await relations(t.call), events: await events(t.call) };
    expect(coded.relations[0]![3]).toHaveLength(1);
    expect(coded.events[0]![2]).toHaveLength(1);

    // The analyst removes the quotes here; the workspace's own export brings them back on the same records.
    const event = (await t.call('events.page', { query: {}, startRow: 0, endRow: 1 })).rows[0]!;
    for (const e of event.evidence) await t.call('events.removeEvidence', { evidenceId: e.id });
    t.core.session.current.db.prepare('DELETE FROM relation_evidence').run();
    const back = await t.call('imports.exchange', { name: 'merge.json', text: bundle });
    expect(back).toMatchObject({ kind: 'stix', skipped: 0, created: 0 });
    expect(back.messages.join(' ')).toContain('2 quotes of evidence added to relations and events this workspace already held.');
    expect({ relations: await relations(t.call), events: await events(t.call) }).toEqual(coded);
    const again = await t.call('imports.exchange', { name: 'merge.json', text: bundle });
    expect(again).toMatchObject({ created: 0, skipped: 0 });
    expect(again.messages.join(' ')).not.toContain('added to relations and events');
    expect({ relations: await relations(t.call), events: await events(t.call) }).toEqual(coded);

    // A partner who took the bundle before holding the article gets the quotes when the article arrives and the bundle is read again.
    const partner = make();
    await partner.call('imports.exchange', { name: 'merge.json', text: bundle });
    expect((await relations(partner.call))[0]![3]).toEqual([]);
    await partner.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'documents', 'report.pdf')] });
    const later = await partner.call('imports.exchange', { name: 'merge.json', text: bundle });
    expect(later).toMatchObject({ created: 0, skipped: 0 });
    expect(later.messages.join(' ')).toContain('quotes of evidence added to relations and events this workspace already held.');
    expect(await relations(partner.call)).toEqual(coded.relations);
    expect(await events(partner.call)).toEqual(coded.events);
    await partner.call('imports.exchange', { name: 'merge.json', text: bundle });
    expect(await relations(partner.call)).toEqual(coded.relations);
    expect(await events(partner.call)).toEqual(coded.events);
  }, 90_000);

  it('FollowTheMoney mentions come back accepted, suggested or rejected as the file says; a status not understood is reported with its line', async () => {
    const t = make();
    const articleId = (await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] })).outcomes[0]!.articleId!;
    await t.call('mentions.suggest', { articleIds: [articleId] });
    const suggested = (await t.call('mentions.list', { articleId })).filter((m) => m.status === 'suggested' && m.entityId !== null && m.type !== 'place');
    expect(suggested.length).toBeGreaterThan(3);
    await t.call('mentions.review', { id: suggested[0]!.id, action: 'accept', scope: 'this' });
    const text = fs.readFileSync((await t.call('exports.run', { format: 'ftm', path: path.join(t.dir, 'statuses.ftm'), includeSuggestions: true })).path, 'utf8');
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Loose);
    // The article is plain ASCII: its code points are its offsets.
    const mentionLine = (m: { start: number }) => lines.findIndex((l) => l.schema === 'Mention' && l.x_awb_span.start === m.start);
    // Rejected mentions never leave with an export: a partner's file (or an edited one) may say so.
    const [accepted, rejected, unknown] = [suggested[0]!, suggested[1]!, suggested[2]!];
    expect(lines[mentionLine(accepted)]!.x_awb_status).toBe('accepted');
    lines[mentionLine(rejected)]!.x_awb_status = 'rejected';
    lines[mentionLine(unknown)]!.x_awb_status = 'maybe';
    const edited = lines.map((l) => JSON.stringify(l)).join('\n');

    const other = make();
    const result = await other.call('imports.exchange', { name: 'statuses.ftm', text: edited });
    expect(result).toMatchObject({ kind: 'ftm', skipped: 0 });
    expect(result.messages.join(' ')).toContain(`Line ${mentionLine(unknown) + 1} (Mention “${unknown.quote}”): its review status (x_awb_status) “maybe” is not one of accepted, suggested, rejected; kept as a suggestion to review.`);
    const importedId = (await other.call('articles.page', { query: {}, startRow: 0, endRow: 1 })).rows[0]!.id;
    const statuses = async (call: typeof t.call, id: number) => new Map((await call('mentions.list', { articleId: id })).filter((m) => m.type !== 'date').map((m) => [`${m.start}:${m.end}`, m.status]));
    const here = await statuses(t.call, articleId);
    const there = await statuses(other.call, importedId);
    const key = (m: { start: number; end: number }) => `${m.start}:${m.end}`;
    expect(there.get(key(accepted))).toBe('accepted');
    expect(there.get(key(rejected))).toBe('rejected');
    expect(there.get(key(unknown))).toBe('suggested');
    for (const m of suggested.slice(3)) expect(there.get(key(m)), m.quote).toBe(here.get(key(m)));
    expect([...there.values()].filter((s) => s === 'suggested').length).toBe([...here.values()].filter((s) => s === 'suggested').length - 1);

    const again = await other.call('imports.exchange', { name: 'statuses.ftm', text: edited });
    expect(again).toMatchObject({ created: 0, skipped: 0 });
    expect(await statuses(other.call, importedId)).toEqual(there);

    // The entities keep theirs too: exported again, each says what it said in the file.
    const status = (ls: Loose[]) => new Map(ls.filter((l) => ['Person', 'Organization', 'Address'].includes(l.schema)).map((l) => [`${l.schema} ${l.properties.name[0]}`, l.x_awb_status]));
    const reexported = status(fs.readFileSync((await other.call('exports.run', { format: 'ftm', path: path.join(other.dir, 'again.ftm'), includeSuggestions: true })).path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Loose));
    const original = status(lines);
    expect(reexported.size).toBeGreaterThan(5);
    expect(new Set(reexported.values())).toEqual(new Set(['accepted', 'suggested']));
    for (const [name, s] of reexported) expect(s, name).toBe(original.get(name));
  }, 60_000);

  /** The sample page read for names in a new workspace: its suggestions (dates aside), none reviewed yet. */
  async function suggestedSample() {
    const t = make();
    const sample = path.join(fixtures, 'kunduz-offensive.txt');
    const articleId = (await t.core.imports.importNow({ kind: 'paths', paths: [sample] })).outcomes[0]!.articleId!;
    await t.call('mentions.suggest', { articleIds: [articleId] });
    const suggested = (await t.call('mentions.list', { articleId })).filter((m) => m.status === 'suggested' && m.type !== 'date');
    return { t, sample, suggested };
  }

  it('W3C with rejections carries the analyst\'s "not a name here" to a partner, whose extraction then does not suggest it again', async () => {
    const { t, sample, suggested } = await suggestedSample();
    const [wrong, right] = [suggested[0]!, suggested[1]!];
    await t.call('mentions.review', { id: wrong.id, action: 'reject', scope: 'this' });
    await t.call('mentions.review', { id: right.id, action: 'accept', scope: 'this' });
    const exportW3c = async (name: string, extra: object) => JSON.parse(fs.readFileSync((await t.call('exports.run', { format: 'w3c', path: path.join(t.dir, name), ...extra })).path, 'utf8')) as Loose;

    // Without asking, a rejection stays home; asked for, it goes as an annotation that says so and names no entity.
    const plain = await exportW3c('plain.jsonld', {});
    expect(JSON.stringify(plain)).not.toContain('"rejected"');
    const withRejections = await exportW3c('rejections.jsonld', { includeRejected: true });
    const rejections = (withRejections.first.items as Loose[]).filter((a) => a.body.some((b: Loose) => b.purpose === 'assessing' && b.value === 'rejected'));
    expect(rejections).toHaveLength(1);
    expect(rejections[0]!.target.selector[0]).toMatchObject({ type: 'TextQuoteSelector', exact: wrong.quote });
    expect(rejections[0]!.body).toContainEqual({ type: 'TextualBody', purpose: 'tagging', value: wrong.type });
    expect(rejections[0]!.body.some((b: Loose) => b.purpose === 'identifying')).toBe(false);
    expect(withRejections.total).toBe(plain.total + 1);

    // The partner holds the same article and has read it for names: the rejection replaces the suggestion there.
    const partner = make();
    const theirs = (await partner.core.imports.importNow({ kind: 'paths', paths: [sample] })).outcomes[0]!.articleId!;
    await partner.call('mentions.suggest', { articleIds: [theirs] });
    const at = async (span: { start: number; end: number }) => (await partner.call('mentions.list', { articleId: theirs })).filter((m) => m.start === span.start && m.end === span.end).map((m) => m.status);
    expect(await at(wrong)).toEqual(['suggested']);
    const text = JSON.stringify(withRejections);
    const result = await partner.call('imports.exchange', { name: 'rejections.jsonld', text });
    expect(result).toMatchObject({ kind: 'w3c', skipped: 0, created: 2 });
    expect(await at(wrong)).toEqual(['rejected']);
    expect(await at(right)).toEqual(['accepted']);
    await partner.call('mentions.suggest', { articleIds: [theirs] });
    expect(await at(wrong)).toEqual(['rejected']);
    // Read twice, the file changes nothing more.
    expect(await partner.call('imports.exchange', { name: 'rejections.jsonld', text })).toMatchObject({ created: 0, matched: 2, skipped: 0 });

    // A rejection that does not say what it rejects is reported, not guessed.
    const vague = { ...rejections[0], body: [{ type: 'TextualBody', purpose: 'assessing', value: 'rejected' }] };
    const refused = await partner.call('imports.exchange', { name: 'vague.jsonld', text: JSON.stringify([vague]) });
    expect(refused).toMatchObject({ skipped: 1, created: 0 });
    expect(refused.messages.join(' ')).toContain(`is a rejection that does not say what kind of name it is not`);
  }, 60_000);

  it('FtM with rejections carries "not a name here" as a Mention resolved to nothing, and a partner keeps it rejected, a group as a group', async () => {
    const { t, sample, suggested } = await suggestedSample();
    // FtM has no group: a rejected group must come back as a group, not an organisation.
    const group = suggested.find((m) => m.type === 'group')!;
    const other = suggested.find((m) => m.type !== 'group')!;
    const kept = suggested.find((m) => m !== group && m !== other && m.type === 'person')!;
    for (const m of [group, other]) await t.call('mentions.review', { id: m.id, action: 'reject', scope: 'this' });
    await t.call('mentions.review', { id: kept.id, action: 'accept', scope: 'this' });
    const exportFtm = async (name: string, extra: object) =>
      fs.readFileSync((await t.call('exports.run', { format: 'ftm', path: path.join(t.dir, name), ...extra })).path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Loose);

    expect(JSON.stringify(await exportFtm('plain.ftm.json', {}))).not.toContain('"rejected"');
    const lines = await exportFtm('rejections.ftm.json', { includeRejected: true });
    const rejections = lines.filter((l) => l.x_awb_status === 'rejected');
    expect(rejections.map((l) => [l.schema, l.properties.name[0], l.x_awb_type]).sort()).toEqual(
      [['Mention', group.quote, 'group'], ['Mention', other.quote, other.type]].sort(),
    );
    for (const l of rejections) expect(l.properties.resolved).toBeUndefined();

    const partner = make();
    const theirs = (await partner.core.imports.importNow({ kind: 'paths', paths: [sample] })).outcomes[0]!.articleId!;
    await partner.call('mentions.suggest', { articleIds: [theirs] });
    const at = async (span: { start: number; end: number }) =>
      (await partner.call('mentions.list', { articleId: theirs })).filter((m) => m.start === span.start && m.end === span.end).map((m) => [m.type, m.status]);
    expect(await at(group)).toEqual([['group', 'suggested']]);
    const text = lines.map((l) => JSON.stringify(l)).join('\n');
    const result = await partner.call('imports.exchange', { name: 'rejections.ftm.json', text });
    expect(result).toMatchObject({ kind: 'ftm', skipped: 0 });
    expect(await at(group)).toEqual([['group', 'rejected']]);
    expect(await at(other)).toEqual([[other.type, 'rejected']]);
    expect(await at(kept)).toEqual([['person', 'accepted']]);
    await partner.call('mentions.suggest', { articleIds: [theirs] });
    expect(await at(group)).toEqual([['group', 'rejected']]);
    // Read twice, the file changes nothing more.
    expect(await partner.call('imports.exchange', { name: 'rejections.ftm.json', text })).toMatchObject({ created: 0, skipped: 0 });

    // Another tool's rejection that says neither our type nor a schema we know is reported, not guessed.
    const vague = { ...rejections[0], x_awb_type: undefined, properties: { ...rejections[0]!.properties, detectedSchema: ['Vessel'] } };
    const refused = await partner.call('imports.exchange', { name: 'vague.ftm.json', text: [...lines.filter((l) => l.schema === 'Article'), vague].map((l) => JSON.stringify(l)).join('\n') });
    expect(refused.messages.join(' ')).toContain('is a rejection that does not say what kind of name it is not');
  }, 60_000);

  it('KML and FtM put a quote back on the words quoted: the second time a sentence is said, in the article of that text when two share a title', async () => {
    const said = 'Checkpoint staff stopped humanitarian organisations at the Baghlan-e Jadid bridge.';
    const write = (dir: string, name: string, text: string) => (fs.writeFileSync(path.join(dir, name), text), path.join(dir, name));
    const texts = {
      quoted: `Checkpoint report\n\n${said} Convoys waited for hours.\n\nThe provincial council met on Monday.\n\n${said} Three trucks turned back.\n`,
      other: `Checkpoint report\n\nA different account from the same week.\n\n${said}\n`,
    };
    const holding = async (w: ReturnType<typeof make>, order: (keyof typeof texts)[]) => {
      const ids: Record<string, number> = {};
      for (const k of order) {
        ids[k] = (await w.core.imports.importNow({ kind: 'paths', paths: [write(w.dir, `${k}.txt`, texts[k])] })).outcomes[0]!.articleId!;
        await w.call('articles.update', { id: ids[k]!, patch: { title: 'Checkpoint report' } });
      }
      return ids as Record<keyof typeof texts, number>;
    };
    const t = make();
    const mine = await holding(t, ['quoted', 'other']);
    const body = (await t.call('articles.get', { id: mine.quoted })).body;
    const start = body.lastIndexOf(said);
    expect(start).toBeGreaterThan(body.indexOf(said));
    const place = (await t.call('entities.create', { type: 'place', name: 'Baghlan-e Jadid' })).id;
    await t.call('entities.setPlace', { id: place, place: { custom: { name: 'Baghlan-e Jadid', lat: 36.13, lon: 68.7 } } });
    const staff = (await t.call('entities.create', { type: 'organisation', name: 'Checkpoint staff' })).id;
    const draft = await t.call('events.draft', { articleId: mine.quoted, start, end: start + said.length });
    const coded = await t.call('events.create', {
      input: { ...(draft.input as object), subEventType: 'Non-violent transfer of territory', date: '2024-03-04', timePrecision: 1, actor1: { entityId: staff, type: 8 }, actor2: null, locationId: place, geoPrecision: 2, fatalities: 0 } as EventInputRaw,
      evidence: draft.evidence,
      acceptWarnings: true,
    });
    expect(coded.event).not.toBeNull();
    const agencies = (await t.call('entities.create', { type: 'organisation', name: 'Humanitarian organisations' })).id;
    await t.call('relations.create', { input: { sourceId: staff, targetId: agencies, type: 'custom', label: 'stopped' }, evidence: [{ articleId: mine.quoted, start, end: start + said.length }] });
    const kml = fs.readFileSync((await t.call('exports.run', { format: 'kml', path: path.join(t.dir, 'quotes.kml') })).path, 'utf8');
    const ftm = fs.readFileSync((await t.call('exports.run', { format: 'ftm', path: path.join(t.dir, 'quotes.ftm.json') })).path, 'utf8');
    expect(kml).toContain('<Data name="evidence1Source"><value>urn:awb:article:');

    // The partner holds both texts, the other one first: by title alone the quote would land there, at its first occurrence.
    const partner = make();
    const theirs = await holding(partner, ['other', 'quoted']);
    const result = await partner.call('imports.exchange', { name: 'quotes.kml', text: kml });
    expect(result).toMatchObject({ kind: 'kml', skipped: 0 });
    const evidence = (await partner.call('events.page', { query: {}, startRow: 0, endRow: 10 })).rows.flatMap((e) => e.evidence.map((x) => [x.articleId, x.start, x.quote]));
    expect(evidence.length).toBeGreaterThan(0);
    for (const x of evidence) expect(x).toEqual([theirs.quoted, start, said]);
    expect(await partner.call('imports.exchange', { name: 'quotes.ftm.json', text: ftm })).toMatchObject({ kind: 'ftm', skipped: 0 });
    const relations = (await partner.call('relations.page', { startRow: 0, endRow: 10 })).rows;
    expect(relations.flatMap((r) => r.evidence.map((x) => [x.articleId, x.start, x.quote]))).toEqual([[theirs.quoted, start, said]]);

    // Another tool's copy without the sources still finds the quote by its title (the first article that holds it).
    const bare = kml.replace(/<Data name="evidence\d+Source"><value>[^<]*<\/value><\/Data>/g, '');
    expect(bare).not.toContain('Source');
    const third = make();
    const ids = await holding(third, ['other', 'quoted']);
    await third.call('imports.exchange', { name: 'bare.kml', text: bare });
    const found = (await third.call('events.page', { query: {}, startRow: 0, endRow: 10 })).rows.flatMap((e) => e.evidence.map((x) => x.articleId));
    expect(new Set(found)).toEqual(new Set([ids.other]));
  }, 60_000);

  it('KML cites each quote with its title and page in the balloon and as a field, escaped for Google Earth, and brings it back on import', async () => {
    const { t, articleId, exportAs } = await evidenceFromPage2();
    // A title that would be markup in Google Earth's HTML balloon if it were not escaped twice.
    const title = 'Quarterly <img src=x onerror=alert(1)> update & annex';
    await t.call('articles.update', { id: articleId, patch: { title } });
    const kml = await exportAs('kml', 'evidence.kml');
    expect(kml).not.toContain('<img');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => ['Placemark', 'Folder', 'Data'].includes(n) }).parse(kml) as Loose;
    const event = (doc.kml.Document.Folder as Loose[]).find((f) => f.name === 'Events')!.Placemark[0] as Loose;
    const cited = `“${SENTENCE}” — ${title}, p. 2 (for the event type)`;
    const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    // After XML decoding, Google Earth reads HTML: the analyst's text stays text, one quote a line.
    expect(event.description).toBe(html(`Humanitarian organisations vs. Checkpoint staff\n\n${cited}`));
    expect((event.ExtendedData.Data as Loose[]).find((d) => d['@name'] === 'evidence1')!.value).toBe(html(cited));

    // A workspace holding the PDF codes the event again with its quote on the same words.
    const events = async (call: typeof t.call) => (await call('events.page', { query: {}, startRow: 0, endRow: 10 })).rows.map((e) => [e.date, e.subEventType, e.evidence.map((x) => [x.field, x.start, x.end, x.quote])]);
    const other = make();
    const otherArticle = (await other.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'documents', 'report.pdf')] })).outcomes[0]!.articleId!;
    await other.call('articles.update', { id: otherArticle, patch: { title } });
    const result = await other.call('imports.exchange', { name: 'evidence.kml', text: kml });
    expect(result).toMatchObject({ kind: 'kml', skipped: 0 });
    expect(await events(other.call)).toEqual(await events(t.call));
    expect((await events(other.call))[0]![2]).toEqual([['eventType', expect.any(Number), expect.any(Number), SENTENCE]]);
    await other.call('imports.exchange', { name: 'evidence.kml', text: kml });
    expect(await events(other.call)).toEqual(await events(t.call));

    // The workspace it came from, its quote removed: the quote comes back on the same event, once.
    const own = (await t.call('events.page', { query: {}, startRow: 0, endRow: 1 })).rows[0]!;
    await t.call('events.removeEvidence', { evidenceId: own.evidence[0]!.id });
    expect((await events(t.call))[0]![2]).toEqual([]);
    expect(await t.call('imports.exchange', { name: 'evidence.kml', text: kml })).toMatchObject({ created: 0, skipped: 0 });
    expect(await events(t.call)).toEqual(await events(other.call));

    // Without the article, the event comes without its quote, and the report says so.
    const bare = make();
    const without = await bare.call('imports.exchange', { name: 'evidence.kml', text: kml });
    expect(without.messages.join(' ')).toContain('has no article of this workspace to stand in; the event is kept without it.');
  }, 90_000);
});
