import { afterAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../electron/contract/index.js';
import { LISTED_OUTCOMES, listedOutcomes } from '../../electron/contract/index.js';
import { testCore } from './helpers.js';

const t = testCore();
afterAll(() => t.core.close());

describe('the report of a large import, as the window is sent it', () => {
  it('lists every failure and then the first files, up to a thousand, and counts the rest', async () => {
    const total = 1200;
    const broken = new Set([1100, 1150, 1199]);
    const files = Array.from({ length: total }, (_, i) => ({
      name: `report-${String(i).padStart(4, '0')}.txt`,
      base64: broken.has(i)
        ? Buffer.from([0, 1, 2, 3, 0, 0, 255, 0]).toString('base64')
        : Buffer.from(`Report number ${i}\n\nOfficials said that report number ${i} describes a separate incident on the northern highway, with ${i} vehicles involved.\n`).toString('base64'),
    }));
    let last: ImportReport | null = null;
    t.core.subscribe((e) => {
      if (e.type === 'import.progress' && e.report.state !== 'running') last = e.report;
    });
    const { jobId } = await t.call('imports.start', { source: { kind: 'files', files } });
    let report = await t.call('imports.report', { jobId });
    while (report.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      report = await t.call('imports.report', { jobId });
    }
    for (const sent of [report, last!]) {
      expect(sent).toMatchObject({ state: 'finished', done: total, imported: total - 3, failed: 3, unlisted: total - LISTED_OUTCOMES });
      expect(sent.outcomes).toHaveLength(LISTED_OUTCOMES);
      // The failures that came last are listed, in the files' order, after the first 997 files.
      expect(sent.outcomes.filter((o) => o.status === 'failed').map((o) => o.name)).toEqual(['report-1100.txt', 'report-1150.txt', 'report-1199.txt']);
      expect(sent.outcomes.slice(0, LISTED_OUTCOMES - 3).map((o) => o.name)).toEqual(files.slice(0, LISTED_OUTCOMES - 3).map((f) => f.name));
    }
    // The history's record is made from every file's outcome, not from the shorter list.
    const entry = (await t.call('history.list', { limit: 1 })).entries[0]!;
    expect(entry.label).toBe(`Import ${total} files: ${total - 3} imported, 0 duplicate, 3 failed`);
    expect((await t.call('articles.stats', {})).articles).toBe(total - 3);
  }, 60_000);

  it('keeps a short report whole, and never lists more than the limit when most files failed', () => {
    const outcome = (i: number, failed: boolean) => ({ name: `f${i}`, status: failed ? ('failed' as const) : ('imported' as const), message: null, articleId: failed ? null : i });
    const report = (outcomes: ReturnType<typeof outcome>[]): ImportReport => ({ jobId: 'j', state: 'finished', total: outcomes.length, done: outcomes.length, imported: 0, duplicates: 0, failed: 0, outcomes });
    const short = report([outcome(0, false), outcome(1, true)]);
    expect(listedOutcomes(short)).toEqual({ ...short, unlisted: 0 });
    const mostlyFailed = listedOutcomes(report(Array.from({ length: 30 }, (_, i) => outcome(i, i % 3 !== 0))), 10);
    expect(mostlyFailed.outcomes.map((o) => o.name)).toEqual(['f1', 'f2', 'f4', 'f5', 'f7', 'f8', 'f10', 'f11', 'f13', 'f14']);
    expect(mostlyFailed.unlisted).toBe(20);
  });
});
