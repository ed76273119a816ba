import path from 'node:path';
import type { EventInputRaw } from '../../electron/contract/index.js';
import { fixtures, type testCore } from './helpers.js';

const neardup = path.join(fixtures, 'neardup');
const clash = 'the Taliban clashed with security forces until Sunday night';
const bullets = 'At the moment I hear the sound of bullets';

export interface CodedCopies {
  events: Record<'original' | 'copy' | 'council' | 'nextDay', number>;
  articles: Record<'original' | 'copy' | 'council', number>;
}

/**
 * A wire story and its copy under a new headline (one story), and a council member's account of
 * the same night (another story). The armed clash at Kunduz is coded from the original (20 dead)
 * and again from the copy (22: a later toll), and from the council's story; a clash the next day
 * is coded from the copy too.
 */
export async function codeClashFromCopies({ core, call }: ReturnType<typeof testCore>): Promise<CodedCopies> {
  const report = await core.imports.importNow({
    kind: 'paths',
    paths: ['kunduz-a-original.txt', 'kunduz-b-new-headline-byline-words.txt', 'different-kunduz-council.txt'].map((f) => path.join(neardup, f)),
  });
  const [original, copy, council] = report.outcomes.map((o) => o.articleId!) as [number, number, number];
  const taliban = (await call('entities.create', { type: 'organisation', name: 'Taliban' })).id;
  const forces = (await call('entities.create', { type: 'organisation', name: 'Military Forces of Afghanistan' })).id;
  const kunduz = (await call('places.entity', { place: { custom: { name: 'Kunduz', lat: 36.73, lon: 68.86 } } })).id;
  const code = async (articleId: number, sentence: string, date: string, fatalities: number) => {
    const body = (await call('articles.get', { id: articleId })).body;
    const start = body.indexOf(sentence);
    if (start === -1) throw new Error(`not in article ${articleId}: ${sentence}`);
    const draft = await call('events.draft', { articleId, start, end: start + sentence.length });
    const saved = await call('events.create', {
      input: {
        ...(draft.input as object),
        subEventType: 'Armed clash',
        date,
        timePrecision: 1,
        // Actor 1 and 2 swapped in the copy's coding: a clash between A and B is one between B and A.
        actor1: { entityId: articleId === copy ? forces : taliban, type: articleId === copy ? 1 : 2 },
        actor2: { entityId: articleId === copy ? taliban : forces, type: articleId === copy ? 2 : 1 },
        locationId: kunduz,
        geoPrecision: 1,
        fatalities,
      } as EventInputRaw,
      evidence: draft.evidence,
      acceptWarnings: true,
    });
    if (!saved.event) throw new Error(saved.problems.map((p) => p.message).join(' '));
    return saved.event.id;
  };
  return {
    articles: { original, copy, council },
    events: {
      original: await code(original, clash, '2021-06-20', 20),
      copy: await code(copy, clash, '2021-06-20', 22),
      council: await code(council, bullets, '2021-06-20', 1),
      nextDay: await code(copy, clash, '2021-06-21', 4),
    },
  };
}
