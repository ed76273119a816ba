import { describe, expect, it } from 'vitest';
import { refreshGate } from '../../renderer/state/refreshGate.js';

describe('a table read again after changes, without starving the blocks still loading', () => {
  it('reads again at once when no block is loading', () => {
    let reads = 0;
    const gate = refreshGate(() => reads++);
    gate.changed();
    expect(reads).toBe(1);
  });

  it('holds changes while blocks load, then reads once, after the last answer', () => {
    let reads = 0;
    const gate = refreshGate(() => reads++);
    gate.asked();
    gate.asked();
    for (let i = 0; i < 5; i++) gate.changed();
    expect(reads).toBe(0);
    gate.answered();
    expect(reads).toBe(0);
    gate.answered();
    expect(reads).toBe(1);
    gate.answered();
    expect(reads).toBe(1);
  });

  it('reads nothing more after the blocks came back when no change came meanwhile', () => {
    let reads = 0;
    const gate = refreshGate(() => reads++);
    gate.asked();
    gate.answered();
    expect(reads).toBe(0);
  });

  it('drops a held change when the cache was emptied: its blocks are read afresh anyway', () => {
    let reads = 0;
    const gate = refreshGate(() => reads++);
    gate.asked();
    gate.changed();
    gate.purged();
    gate.answered();
    expect(reads).toBe(0);
  });
});
