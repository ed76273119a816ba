import { describe, expect, it } from 'vitest';
import { TimedSlices } from '../../electron/services/timedSlices.js';

/** Work that costs a known time per item (busy-waiting, as a transaction would hold the thread). */
const costly = (msPerItem: number, seen: number[][]) => (slice: number[]) => {
  seen.push(slice);
  const until = performance.now() + msPerItem * slice.length;
  while (performance.now() < until);
};

describe('background writes in timed slices', () => {
  it('covers every item once, in order, and lets the event loop in between', async () => {
    const seen: number[][] = [];
    const items = Array.from({ length: 50 }, (_, i) => i);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await new TimedSlices(5).run(items, costly(0.5, seen));
    clearInterval(timer);
    expect(seen.flat()).toEqual(items);
    expect(seen.length).toBeGreaterThan(1);
    expect(ticks).toBeGreaterThan(0);
  });

  it('grows slices of cheap items a quarter at a time, and shrinks slices of dear ones at once', async () => {
    const cheap: number[][] = [];
    await new TimedSlices(10, 4).run(Array.from({ length: 2000 }, (_, i) => i), costly(0.01, cheap));
    expect(Math.max(...cheap.map((s) => s.length))).toBeGreaterThan(100);

    const dear: number[][] = [];
    await new TimedSlices(10, 64).run(Array.from({ length: 100 }, (_, i) => i), costly(5, dear));
    // 5 ms an item against a 10 ms budget: after a first slice of 64, at once two items at a time (one when a slice ran long).
    expect(dear[0]!.length).toBe(64);
    expect(dear.length).toBeGreaterThan(10);
    expect(dear.slice(1).every((s) => s.length <= 2)).toBe(true);
  });

  it('does nothing for no items', async () => {
    const seen: number[][] = [];
    await new TimedSlices().run([], costly(1, seen));
    expect(seen).toEqual([]);
  });
});
