import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../db/open.js';
import { tempDir } from './helpers.js';

describe('statement reuse on a workspace connection', () => {
  it('hands back the compiled statement with its default modes, not the last caller’s', () => {
    const db = openWorkspace(path.join(tempDir(), 'cache.awb'), { create: true });
    const sql = 'SELECT 1 AS x, 2 AS y';
    const first = db.prepare(sql);
    expect(first.pluck().get()).toBe(1);
    const again = db.prepare(sql);
    expect(again).toBe(first);
    expect(again.get()).toEqual({ x: 1, y: 2 });
    expect(db.prepare(sql).raw().get()).toEqual([1, 2]);
    expect(db.prepare(sql).get()).toEqual({ x: 1, y: 2 });
    db.close();
  });

  it('prepares a fresh statement while the cached one is still iterating', () => {
    const db = openWorkspace(path.join(tempDir(), 'busy.awb'), { create: true });
    const sql = 'SELECT value FROM json_each(?)';
    const seen: number[] = [];
    for (const row of db.prepare(sql).iterate('[1,2]') as Iterable<{ value: number }>) {
      seen.push(row.value, ...(db.prepare(sql).pluck().all('[10]') as number[]));
    }
    expect(seen).toEqual([1, 10, 2, 10]);
    db.close();
  });
});
