import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdleUpkeep, QUIET_MS } from '../../electron/services/idleUpkeep.js';
import { closedAfterEach } from './helpers.js';

const make = closedAfterEach();
afterEach(() => vi.useRealTimers());

/** Segments of the search index: each stored batch adds one, and every search reads them all. */
const segments = (t: ReturnType<typeof make>, index = 'article_fts') =>
  t.core.session.current.db.prepare(`SELECT count(DISTINCT segid) FROM ${index}_idx`).pluck().get() as number;

async function importOneByOne(t: ReturnType<typeof make>, n: number): Promise<void> {
  // Words of their own in each article, so the merged index spans many pages.
  const words = (i: number) => Array.from({ length: 400 }, (_, k) => `w${i}x${k}`).join(' ');
  for (let i = 0; i < n; i++) await t.core.imports.importNow({ kind: 'text', text: `Report ${i}\n\nFighting near village ${i} was reported by officials on day ${i}: ${words(i)}.` });
}

describe('upkeep of the workspace in idle time', () => {
  it('merges the search indexes into one segment each once the workspace has been quiet, and not while it is busy', async () => {
    const t = make();
    await importOneByOne(t, 40);
    const before = segments(t);
    expect(before).toBeGreaterThan(4);
    // Imports leave more merging to the idle time: FTS5 merges as it goes from sixteen segments of a
    // size (migrations 018 and 027), not four, so commits rewrite the index less often; and all of a
    // level at once only at 64, so no single commit merges a whole level.
    const config = (index: string, key: string) => t.core.session.current.db.prepare(`SELECT v FROM ${index}_config WHERE k = ?`).pluck().get(key);
    for (const index of ['article_fts', 'article_title_trigram']) {
      expect(config(index, 'automerge')).toBe(16);
      expect(config(index, 'crisismerge')).toBe(64);
    }
    const titlesBefore = segments(t, 'article_title_trigram');
    expect(titlesBefore).toBeGreaterThan(4);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const upkeep = new IdleUpkeep(() => t.core.session.peek());
    upkeep.notice(true);
    // Calls keep coming: each puts upkeep off by a full quiet spell.
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(QUIET_MS - 1000);
      upkeep.notice();
    }
    await upkeep.idle();
    expect(segments(t)).toBe(before);
    expect(segments(t, 'article_title_trigram')).toBe(titlesBefore);
    vi.advanceTimersByTime(QUIET_MS);
    await upkeep.idle();
    expect(segments(t)).toBe(1);
    // The titles' trigram index too.
    expect(segments(t, 'article_title_trigram')).toBe(1);
    // The index answers as before.
    expect((await t.call('articles.page', { query: { search: 'village' }, startRow: 0, endRow: 100 })).total).toBe(40);
    upkeep.stop();
  }, 60_000);

  it('has nothing to do until something is written, and stops at the next sign of activity', async () => {
    const t = make();
    await importOneByOne(t, 30);
    const before = segments(t);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // One index page per step, so the merge of this small index takes many steps.
    const upkeep = new IdleUpkeep(() => t.core.session.peek(), QUIET_MS, 1);
    // Reads alone leave no upkeep to do.
    upkeep.notice();
    vi.advanceTimersByTime(2 * QUIET_MS);
    await upkeep.idle();
    expect(segments(t)).toBe(before);
    upkeep.notice(true);
    vi.advanceTimersByTime(QUIET_MS);
    // A call as the first merge step is written: the merge stops between steps, unfinished.
    upkeep.notice();
    await upkeep.idle();
    expect(segments(t)).toBeGreaterThan(1);
    // What is left is taken up after the next quiet spell.
    vi.advanceTimersByTime(QUIET_MS);
    await upkeep.idle();
    expect(segments(t)).toBe(1);
    upkeep.stop();
  }, 60_000);
});
