import path from 'node:path';
import type { EventInputRaw } from '../../electron/contract/index.js';
import { fixtures, testCore } from './helpers.js';

/**
 * A workspace holding the sample article with its suggestions accepted, the three events of the
 * issue (Kunduz, Maimana, Taliqan) with evidence, and a relation with evidence: what exports,
 * reports and their tests start from.
 */
export async function codedWorkspace(workspace?: string) {
  const t = testCore(workspace);
  const { call } = t;
  const report = await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
  const articleId = report.outcomes[0]!.articleId!;
  await call('articles.update', { id: articleId, patch: { published: '2021-06-21', url: 'https://example.org/kunduz' } });
  await call('mentions.suggest', { articleIds: [articleId] });
  for (const m of await call('mentions.list', { articleId })) if (m.status === 'suggested') await call('mentions.review', { id: m.id, action: 'accept', scope: 'this' });
  const body = (await call('articles.get', { id: articleId })).body;
  const span = (text: string) => {
    const start = body.indexOf(text);
    if (start === -1) throw new Error(`not in the sample: ${text}`);
    return { articleId, start, end: start + text.length };
  };
  const entity = async (search: string) => (await call('entities.page', { query: { search }, startRow: 0, endRow: 1 })).rows[0]!.id;
  const taliban = await entity('taliban');
  const forces = (await call('entities.create', { type: 'organisation', name: 'Military Forces of Afghanistan' })).id;
  const event = async (sentence: string, input: Partial<EventInputRaw>) => {
    const draft = await call('events.draft', { ...span(sentence) });
    const saved = await call('events.create', {
      input: { ...(draft.input as object), date: '2021-06-20', timePrecision: 1, actor1: { entityId: taliban, type: 2 }, actor2: { entityId: forces, type: 1 }, fatalities: 0, ...input } as EventInputRaw,
      evidence: draft.evidence,
      acceptWarnings: true,
    });
    if (!saved.event) throw new Error(saved.problems.map((p) => p.message).join(' '));
    return saved.event;
  };
  const events = [
    await event('In the city of Kunduz, the capital of the province of the same name, the Taliban captured the entrance to the city', { notes: 'Entry into the city; "=cmd" stays text', tags: ['offensive'] }),
    await event('the Taliban clashed with security forces until Sunday night', { locationId: await entity('maimana'), geoPrecision: 1, fatalities: 4 }),
    await event('On Sunday, fighting also broke out near the entrance to Taliqan, the capital of Takhar', {}),
  ];
  const ministry = (await call('entities.create', { type: 'organisation', name: 'Ministry of Defence' })).id;
  const said = span('defense ministry');
  const { id: mention } = await call('mentions.annotate', { ...said, type: 'organisation', scope: 'this' });
  await call('mentions.link', { id: mention, entityId: ministry });
  const relation = await call('relations.create', {
    input: { sourceId: await entity('Rohullah Ahmadzai'), targetId: ministry, type: 'spokesman for', startDate: '2021-06' },
    evidence: [span('Rohullah Ahmadzai, a spokesman for the defense ministry')],
  });
  return { ...t, articleId, body, events, relation, taliban, forces };
}
