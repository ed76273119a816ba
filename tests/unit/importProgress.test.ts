import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../electron/contract/index.js';
import { laterReport } from '../../renderer/components/importProgress.js';

const report = (state: ImportReport['state'], done: number, jobId = 'job-1'): ImportReport => ({
  jobId,
  state,
  total: 10,
  done,
  imported: done,
  duplicates: 0,
  failed: 0,
  outcomes: state === 'running' ? [] : Array.from({ length: done }, (_, i) => ({ name: `${i}.txt`, status: 'imported' as const, message: null, articleId: i + 1 })),
});

describe('the import dialog keeps the latest state of a job, whatever order its reports arrive in', () => {
  it('keeps the finished report when the report fetched while the job ran lands after it', () => {
    const finished = report('finished', 10);
    expect(laterReport(finished, report('running', 4))).toBe(finished);
  });

  it('moves forward with progress and never back', () => {
    const at6 = report('running', 6);
    expect(laterReport(report('running', 3), at6)).toBe(at6);
    expect(laterReport(at6, report('running', 3))).toBe(at6);
    const done = report('finished', 10);
    expect(laterReport(at6, done)).toBe(done);
  });

  it('takes the first report it hears of, and a new job replaces an old one', () => {
    const first = report('running', 0);
    expect(laterReport(null, first)).toBe(first);
    const other = report('running', 0, 'job-2');
    expect(laterReport(report('finished', 10), other)).toBe(other);
  });

  it('takes a second terminal report of the same job (the fetched one carries the same outcomes)', () => {
    const cancelled = report('cancelled', 5);
    expect(laterReport(report('finished', 5), cancelled)).toBe(cancelled);
  });
});
