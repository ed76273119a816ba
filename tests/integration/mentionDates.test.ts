import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore } from './helpers.js';

const t = testCore();
const { call } = t;

const LEAD = 'Clashes\n\nThe Taliban entered Kunduz on Sunday. Talks will resume on Friday, officials said, and the fighting lasted until Sunday night.';
let lead = 0;
let other = 0;
let third = 0;

async function article(text: string, published: string): Promise<number> {
  const report = await t.core.imports.importNow({ kind: 'text', text });
  const id = report.outcomes[0]!.articleId!;
  await call('articles.update', { id, patch: { published } });
  return id;
}

const at = (text: string, words: string, nth = 0) => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(words, start + 1);
  if (start === -1) throw new Error(`not in the text: ${words}`);
  return { start, end: start + words.length };
};

async function dayOf(articleId: number, start: number): Promise<string | null | undefined> {
  const m = (await call('mentions.list', { articleId })).find((x) => x.start === start && x.type === 'date');
  return m?.date?.value;
}

beforeAll(async () => {
  lead = await article(LEAD, '2021-06-21');
  // A Wednesday: its "Sunday" is three days before.
  other = await article('Patrols\n\nPatrols resumed on Sunday in Baghlan.', '2021-03-10');
  third = await article('Shelling\n\nThe shelling went on until Saturday night.', '2021-06-21');
}, 60_000);
afterAll(() => t.core.close());

describe('the day of a date the analyst marks or decides (spanDates.ts)', () => {
  it('dates a span marked by hand from its words and the publication day, looking ahead where the sentence does', async () => {
    const body = (await call('articles.get', { id: lead })).body;
    const sunday = at(body, 'Sunday');
    const friday = at(body, 'Friday');
    await call('mentions.annotate', { articleId: lead, ...sunday, type: 'date', scope: 'this' });
    await call('mentions.annotate', { articleId: lead, ...friday, type: 'date', scope: 'this' });
    expect(await dayOf(lead, sunday.start)).toBe('2021-06-20');
    // "will resume on Friday": the next Friday.
    expect(await dayOf(lead, friday.start)).toBe('2021-06-25');
  });

  it('moves every date mention of an article when its publication date is corrected, and Undo moves them back', async () => {
    const body = (await call('articles.get', { id: lead })).body;
    const sunday = at(body, 'Sunday');
    await call('articles.update', { id: lead, patch: { published: '2021-07-05' } });
    expect(await dayOf(lead, sunday.start)).toBe('2021-07-04');
    expect(await dayOf(lead, at(body, 'Friday').start)).toBe('2021-07-09');
    await call('history.undo', {});
    expect((await call('articles.get', { id: lead })).published).toBe('2021-06-21');
    expect(await dayOf(lead, sunday.start)).toBe('2021-06-20');
    // Without a publication date a weekday names no day.
    await call('articles.update', { id: lead, patch: { published: null } });
    expect(await dayOf(lead, sunday.start)).toBeNull();
    await call('articles.update', { id: lead, patch: { published: '2021-06-21' } });
    expect(await dayOf(lead, sunday.start)).toBe('2021-06-20');
  });

  it('gives "Sunday" accepted in every article the Sunday before each one’s own publication', async () => {
    const body = (await call('articles.get', { id: lead })).body;
    const mention = (await call('mentions.list', { articleId: lead })).find((m) => m.start === at(body, 'Sunday').start)!;
    await call('mentions.review', { id: mention.id, action: 'accept', scope: 'all' });
    const otherBody = (await call('articles.get', { id: other })).body;
    expect(await dayOf(other, at(otherBody, 'Sunday').start)).toBe('2021-03-07');
  });

  it('dates a mention retyped as a date or stretched over more words, and drops the day of one retyped away', async () => {
    const body = (await call('articles.get', { id: third })).body;
    const night = at(body, 'Saturday night');
    const { id } = await call('mentions.annotate', { articleId: third, start: night.start, end: night.start + 'Saturday'.length, type: 'place', scope: 'this' });
    await call('mentions.retype', { id, type: 'date' });
    expect(await dayOf(third, night.start)).toBe('2021-06-19');
    await call('mentions.respan', { id, ...night });
    const stretched = (await call('mentions.list', { articleId: third })).find((m) => m.id === id)!;
    expect([stretched.quote, stretched.date?.value]).toEqual(['Saturday night', '2021-06-19']);
    await call('mentions.retype', { id, type: 'person' });
    expect((await call('mentions.list', { articleId: third })).find((m) => m.id === id)!.date).toBeNull();
  });

  it('lets an event drafted from a sentence without a date take the day of the date the analyst marked before it', async () => {
    const body = (await call('articles.get', { id: lead })).body;
    const sentence = at(body, 'Talks will resume');
    const draft = await call('events.draft', { articleId: lead, start: sentence.start, end: sentence.end });
    expect(draft.input.date).toBe('2021-06-20');
  });
});
