import { describe, expect, it } from 'vitest';
import { newestOnly } from '../../renderer/state/newestOnly.js';

const deferred = <T,>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

describe('a reload applies only the answer to its newest request', () => {
  it('drops an older answer that lands after a newer one', async () => {
    const gate = newestOnly();
    const older = deferred<string>();
    const newer = deferred<string>();
    const first = gate(older.promise);
    const second = gate(newer.promise);
    newer.resolve('9 articles');
    older.resolve('10 articles');
    expect(await second).toBe('9 articles');
    expect(await first).toBeUndefined();
  });

  it('hands on every answer when requests do not overlap, and passes failures through', async () => {
    const gate = newestOnly();
    expect(await gate(Promise.resolve(1))).toBe(1);
    expect(await gate(Promise.resolve(2))).toBe(2);
    await expect(gate(Promise.reject(new Error('core gone')))).rejects.toThrow('core gone');
  });
});
