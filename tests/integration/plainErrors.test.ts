import { describe, expect, it } from 'vitest';
import { closedAfterEach } from './helpers.js';

// What the analyst reads when the core refuses a call: the field as the form names it, the reason in words.
const core = closedAfterEach();

async function refusal(name: string, input: unknown): Promise<string> {
  const result = await core().core.dispatch(name, input);
  if (result.ok) throw new Error(`${name} was not refused`);
  expect(result.error.code).toBe('invalid_input');
  return result.error.message;
}

/** Internal names that must never reach the analyst: zod's arrows and paths, field keys, type jargon. */
const INTERNAL = /→|\bat (patch|input|query)\.|\b(patch|input|query)\.[a-z]|eventType|subEventType|locationId|actor1|targetId|startDate|expected (number|string|object)|received|Invalid (input|option)|Too small/;

describe('refusals in plain words', () => {
  it('names an article’s field as the details form does', async () => {
    const message = await refusal('articles.update', { id: 1, patch: { published: '21 June', reliability: 'Z' } });
    expect(message).toBe('Published date: Use a date like 2021-06-20\nSource reliability should be one of “A”, “B”, “C”, “D”, “E”, “F”');
  });

  it('names an event’s missing fields as the event form does', async () => {
    const message = await refusal('events.create', { input: { date: 'yesterday', timePrecision: 4, subEventType: 'Armed clash', actor1: { type: 2 }, locationId: null, geoPrecision: 1, fatalities: -5 }, evidence: [] });
    expect(message).not.toMatch(INTERNAL);
    expect(message.split('\n')).toEqual(['Date: Use a date like 2021-06-20', 'Time precision should be one of “1”, “2”, “3”', 'Actor 1, entity is missing', 'Actor 2 is missing', 'Fatalities cannot be negative']);
  });

  it('keeps a rule’s own sentence whole, without the field’s key', async () => {
    const message = await refusal('relations.create', { input: { sourceId: 1, targetId: 1, type: 'member of', startDate: 'June' }, evidence: [] });
    expect(message).toBe('Start date: Use a date like 2021-06-20, 2021-06 or 2021\nA relation joins two different entities.');
    const filter = await refusal('events.page', { query: { filters: { fatalities: { filterType: 'text', type: 'contains', filter: '4' } } }, startRow: 0, endRow: 10 });
    expect(filter).toBe('The fatalities column takes a number filter, not a text one.');
  });

  it('says what is wrong with a name, a type or a path in words', async () => {
    expect(await refusal('entities.create', { type: 'thing', name: '' })).toBe('Type should be one of “person”, “organisation”, “place”, “group”\nName cannot be empty');
    expect(await refusal('tags.create', { name: '', color: 'red' })).toBe('Name: A tag needs a name\nColour: Colours are written like #3366cc');
    expect(await refusal('exports.run', { format: 'csv', path: '' })).toBe('File path cannot be empty');
  });
});
