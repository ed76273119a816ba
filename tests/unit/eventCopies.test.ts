import { describe, expect, it } from 'vitest';
import { EventCopies, type CodingOfStory } from '../../db/eventCopies.js';

const clash = 'Armed clash|2021-06-20|7|3|4';
const coding = (event: number, article: number, story: number, fatalities = 0, key = clash): CodingOfStory => ({ event, key, fatalities, article, story });

describe('events coded more than once from one story', () => {
  it('groups the same event coded from two copies of a story, and counts the one with the higher toll', () => {
    const copies = new EventCopies([coding(1, 10, 10, 20), coding(2, 11, 10, 22)]);
    expect(copies.alsoCodedAs(1)).toEqual([2]);
    expect(copies.alsoCodedAs(2)).toEqual([1]);
    expect([...copies.counted([{ id: 1, fatalities: 20 }, { id: 2, fatalities: 22 }])]).toEqual([2]);
    expect(copies.countsInWorkspace(2)).toBe(true);
    expect(copies.countsInWorkspace(1)).toBe(false);
  });

  it('counts the first coded on a tie, and a lone member of a group when the scope holds only it', () => {
    const copies = new EventCopies([coding(5, 10, 10, 3), coding(4, 11, 10, 3)]);
    expect([...copies.counted([{ id: 5, fatalities: 3 }, { id: 4, fatalities: 3 }])]).toEqual([4]);
    expect([...copies.counted([{ id: 5, fatalities: 3 }])]).toEqual([5]);
  });

  it('keeps apart two events coded from one article, events of different stories and events that differ in a field', () => {
    const copies = new EventCopies([
      coding(1, 10, 10),
      coding(2, 10, 10),
      coding(3, 12, 12),
      coding(4, 11, 10, 0, 'Armed clash|2021-06-21|7|3|4'),
    ]);
    for (const id of [1, 2, 3, 4]) expect(copies.alsoCodedAs(id)).toEqual([]);
    expect(copies.counted([1, 2, 3, 4].map((id) => ({ id, fatalities: 0 }))).size).toBe(4);
    expect(copies.members()).toEqual([]);
  });

  it('joins an event quoted from both copies with one quoted from either', () => {
    const copies = new EventCopies([coding(1, 10, 10), coding(1, 11, 10), coding(2, 10, 10)]);
    expect(copies.alsoCodedAs(2)).toEqual([1]);
  });
});
