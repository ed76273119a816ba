import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../electron/contract/index.js';
import { importSummary, plural, unlistedNote } from '../../renderer/text.js';

describe('counts read as English', () => {
  it('agrees the noun with the count', () => {
    expect(plural(1, 'relation')).toBe('1 relation');
    expect(plural(0, 'relation')).toBe('0 relations');
    expect(plural(1500, 'file')).toBe('1,500 files');
    expect(plural(1, 'entity')).toBe('1 entity');
    expect(plural(2, 'entity')).toBe('2 entities');
    expect(plural(3, 'field without', 'fields without')).toBe('3 fields without');
  });
});

describe('the import report', () => {
  const report = (state: ImportReport['state'], done: number, total: number): ImportReport => ({ jobId: 'j', state, total, done, imported: done, duplicates: 0, failed: 0, outcomes: [] });
  const imported = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `f${i}`, status: 'imported' as const, message: null, articleId: i + 1 }));

  it('says how far a cancelled import got and that the rest was not imported', () => {
    expect(importSummary(report('cancelled', 1250, 1500), [], true)).toBe(
      'Cancelled after 1,250 of 1,500 files: 1,250 imported, 0 already present, 0 failed. The other 250 files were not imported.',
    );
    expect(importSummary(report('cancelled', 1, 2), [], true)).toBe('Cancelled after 1 of 2 files: 1 imported, 0 already present, 0 failed. The other 1 file was not imported.');
    expect(importSummary(report('cancelled', 0, 1500), [], true)).toBe('Cancelled: nothing was imported (1,500 files not imported).');
  });

  it('does not hide a Cancel that came after the last file', () => {
    expect(importSummary(report('finished', 1500, 1500), [], true)).toBe('1,500 imported, 0 already present, 0 failed. The import had already finished when Cancel arrived.');
    expect(importSummary(report('finished', 2, 2), [], false)).toBe('2 imported, 0 already present, 0 failed');
  });

  it('counts from the core\'s figures, with what the window refused, when the list is shorter than the import', () => {
    const refused = [{ name: 'huge.pdf', status: 'failed' as const, message: 'too big', articleId: null }];
    const big: ImportReport = { ...report('finished', 250_000, 250_000), imported: 249_000, duplicates: 997, failed: 3, outcomes: imported(1000), unlisted: 249_000 };
    expect(importSummary(big, refused, false)).toBe('249,000 imported, 997 already present, 4 failed');
    expect(unlistedNote(big)).toBe('249,000 more files not listed here: 3 of them failed too. The counts above include them.');
    const allFailuresListed: ImportReport = { ...big, failed: 1, outcomes: [{ name: 'bad.txt', status: 'failed', message: 'binary', articleId: null }, ...imported(999)] };
    expect(unlistedNote(allFailuresListed)).toBe('249,000 more files not listed here: each was imported or already present. The counts above include them.');
    expect(unlistedNote(report('finished', 2, 2))).toBeNull();
  });
});
