import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fieldWords, plainIssue, plainIssues } from '../../electron/contract/index.js';

describe('field paths in the analyst’s words', () => {
  it('drops the call’s wrappers and names the field as the forms do', () => {
    expect(fieldWords(['patch', 'published'])).toBe('Published date');
    expect(fieldWords(['input', 'subEventType'])).toBe('Sub-event type');
    expect(fieldWords(['input', 'actor1', 'entityId'])).toBe('Actor 1, entity');
    expect(fieldWords(['evidence', 1, 'start'])).toBe('Evidence 2, start of the span');
    expect(fieldWords(['query', 'filters', 'fatalities'])).toBe('Column filters, fatalities');
    expect(fieldWords([])).toBe('');
  });

  it('spells out a key it has no name for', () => {
    expect(fieldWords(['input', 'sourceScale'])).toBe('Source scale');
  });
});

describe('reasons in words', () => {
  const Schema = z.object({
    name: z.string().min(1),
    count: z.number().int().min(0).max(10),
    kind: z.enum(['person', 'place']),
    precision: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    when: z.string().regex(/^\d{4}$/, 'Use a year like 2021'),
  });
  const message = (input: unknown) => {
    const result = Schema.safeParse(input, { error: plainIssue });
    if (result.success) throw new Error('accepted');
    return plainIssues(result.error.issues);
  };

  it('says what is missing, empty, out of range or off the list, and keeps a schema’s own message', () => {
    expect(message({ name: '', count: 11, kind: 'thing', precision: 4, when: 'June' }).split('\n')).toEqual([
      'Name cannot be empty',
      'Count cannot be more than 10',
      'Kind should be one of “person”, “place”',
      'Precision should be one of “1”, “2”, “3”',
      'When: Use a year like 2021',
    ]);
    expect(message({ name: 'x', count: 'many', kind: 'place', precision: 1, when: '2021' })).toBe('Count should be a number');
    expect(message({ name: 'x', kind: 'place', precision: 1, when: '2021' })).toBe('Count is missing');
    expect(message({ name: 'x', count: -1, kind: 'place', precision: 1, when: '2021' })).toBe('Count cannot be negative');
  });
});
