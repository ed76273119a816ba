import { describe, expect, it } from 'vitest';
import { spanIndex } from '../../electron/services/entities/spanIndex.js';

describe('a text’s spans, indexed', () => {
  // A long span opening first, a short one inside it, and one further on.
  const long = { start: 0, end: 20 };
  const short = { start: 2, end: 4 };
  const later = { start: 30, end: 35 };
  const index = spanIndex([later, short, long]);

  it('says whether a span overlaps any, also one held by a span that opens before a shorter one', () => {
    expect(index.overlaps(10, 12)).toBe(true);
    expect(index.overlaps(20, 30)).toBe(false);
    expect(index.overlaps(34, 40)).toBe(true);
    expect(index.overlaps(35, 40)).toBe(false);
  });

  it('says whether a span lies wholly inside any', () => {
    expect(index.contains(10, 12)).toBe(true);
    expect(index.contains(0, 20)).toBe(true);
    expect(index.contains(18, 22)).toBe(false);
    expect(index.contains(31, 35)).toBe(true);
    expect(index.contains(25, 26)).toBe(false);
  });

  it('finds the last span to open at or before a point', () => {
    expect(index.lastOpeningBy(2)).toBe(short);
    expect(index.lastOpeningBy(1)).toBe(long);
    expect(index.lastOpeningBy(29)).toBe(short);
    expect(spanIndex([]).lastOpeningBy(5)).toBeUndefined();
  });
});
