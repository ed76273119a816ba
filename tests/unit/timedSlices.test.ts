import { describe, expect, it } from 'vitest';
import { BUSY_PAUSES_MS, TimedSlices } from '../../electron/services/timedSlices.js';

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

  it('writes a slice refused as busy again after a pause, and says when no pause is left', async () => {
    const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const written: number[][] = [];
    let refusals = 2;
    await new TimedSlices(5, 4).run(Array.from({ length: 10 }, (_, i) => i), (slice, lastTry) => {
      expect(lastTry).toBe(false);
      if (refusals-- > 0) throw busy();
      written.push(slice);
    });
    expect(written.flat()).toEqual(Array.from({ length: 10 }, (_, i) => i));

    // Never let in: every pause is waited, the last try is flagged, and its error comes out.
    const tries: boolean[] = [];
    await expect(
      new TimedSlices().run([1], (_, lastTry) => {
        tries.push(lastTry);
        throw busy();
      }),
    ).rejects.toThrow('database is locked');
    expect(tries).toEqual([...BUSY_PAUSES_MS.map(() => false), true]);

    // Any other error is not tried again.
    let calls = 0;
    await expect(
      new TimedSlices().run([1], () => {
        calls++;
        throw new Error('disk I/O error');
      }),
    ).rejects.toThrow('disk I/O error');
    expect(calls).toBe(1);
  }, 10_000);

  it('does nothing for no items', async () => {
    const seen: number[][] = [];
    await new TimedSlices().run([], costly(1, seen));
    expect(seen).toEqual([]);
  });
});
