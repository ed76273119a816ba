import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, openWorkbench, type Bench } from './harness.js';

/**
 * Reading for names stops when the workspace refuses its suggestions: the window says why and how
 * many articles wait, the core stays up, and "Try again" reads them once the cause is gone. The
 * refusal is real: another connection adds a trigger that makes SQLite refuse every new mention.
 */
describe.skipIf(!chromiumPath)('finding names stopped by the database (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
  }, 90_000);
  afterAll(async () => bench?.close());

  it('shows why and what waits, and reads the rest on Try again', async () => {
    const { page } = bench;
    const other = new Database(bench.workspace);
    try {
      other.exec("CREATE TRIGGER e2e_refuse_mentions BEFORE INSERT ON mention BEGIN SELECT RAISE(ABORT, 'mentions refused for the test'); END");
      await page.getByRole('button', { name: 'Load the sample article' }).click();
      await page.getByTestId('article-count').filter({ hasText: '1 article' }).waitFor({ timeout: 40_000 });
      const stopped = page.getByTestId('extracting-stopped');
      await stopped.waitFor({ timeout: 60_000 });
      expect(await stopped.getAttribute('role')).toBe('alert');
      expect(await stopped.textContent()).toContain('Finding names stopped: mentions refused for the test. 1 article still waits for suggestions; nothing already saved was lost.');
      expect(other.prepare('SELECT count(*) FROM mention').pluck().get()).toBe(0);

      other.exec('DROP TRIGGER e2e_refuse_mentions');
      await stopped.getByRole('button', { name: 'Try again' }).click();
      await stopped.waitFor({ state: 'detached', timeout: 10_000 });
      await page.getByTestId('extracting').waitFor({ state: 'detached', timeout: 60_000 });
      await expect.poll(() => other.prepare("SELECT count(*) FROM mention WHERE status = 'suggested'").pluck().get(), { timeout: 30_000 }).toBeGreaterThan(10);
      expect(bench.pageErrors).toEqual([]);
    } finally {
      other.close();
    }
  }, 150_000);
});
