import { afterAll, describe, expect, it } from 'vitest';
import { testCore } from './helpers.js';

const t = testCore();
afterAll(() => t.core.close());

describe('a cancelled import of many files', () => {
  it('stops soon after Cancel, keeps what was stored, and its record says what was imported and what was not', async () => {
    const total = 1500;
    const files = Array.from({ length: total }, (_, i) => ({
      name: `report-${i}.txt`,
      base64: Buffer.from(`Report number ${i}\n\nOfficials said that report number ${i} describes a separate incident on the northern highway, with ${i} vehicles involved.\n`).toString('base64'),
    }));
    let jobId = '';
    let asked = false;
    // As from a window: the Cancel arrives as a separate message once the progress shows 1,250 done,
    // handled at the import's next look at the event loop (a window's message waits for that too).
    t.core.subscribe((e) => {
      if (e.type !== 'import.progress' || asked || e.report.done < 1250) return;
      asked = true;
      setImmediate(() => void t.call('imports.cancel', { jobId }));
    });
    jobId = (await t.call('imports.start', { source: { kind: 'files', files } })).jobId;
    let report = await t.call('imports.report', { jobId });
    while (report.state === 'running') {
      await new Promise((r) => setTimeout(r, 10));
      report = await t.call('imports.report', { jobId });
    }
    expect(asked).toBe(true);
    expect(report.state).toBe('cancelled');
    expect(report.done).toBeGreaterThanOrEqual(1250);
    expect(report.done).toBeLessThan(total);
    // The window is sent the first thousand files' outcomes (no failure here) and the count of the others.
    expect(report.outcomes).toHaveLength(1000);
    expect(report.outcomes.length + report.unlisted!).toBe(report.done);
    const stored = (await t.call('articles.stats', {})).articles;
    expect(report.imported).toBe(stored);
    expect(report.outcomes.every((o) => o.status === 'imported')).toBe(true);

    const label = (await t.call('history.list', { limit: 1 })).entries[0]!.label;
    expect(label).toBe(`Import ${total} files, cancelled after ${report.done}: ${stored} imported, 0 duplicate, 0 failed; ${total - report.done} not imported`);
  }, 60_000);
});
