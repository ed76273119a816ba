import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../electron/contract/index.js';
import { CoreHost, CoreStartError } from '../../electron/coreHost.js';
import { gazetteerFile } from '../../electron/paths.js';
import { bundleEntry } from './cliBundle.js';
import { fixtures, repoRoot, tempDir } from './helpers.js';

let script: Awaited<ReturnType<typeof bundleEntry>>;
beforeAll(async () => {
  script = await bundleEntry('electron/coreWorker.ts');
}, 120_000);
afterAll(() => script?.remove());

const options = (dir: string, workspace = path.join(dir, 'w.awb')) => ({
  dataDir: dir,
  gazetteerFile: gazetteerFile(repoRoot),
  workspace,
  sampleDir: dir,
  mode: 'browser' as const,
  version: 'test',
});

describe('the core on its own thread', () => {
  it('answers calls and sends events across the thread boundary', async () => {
    const dir = tempDir();
    const host = await CoreHost.start(script.file, options(dir));
    try {
      expect(host.opened).toEqual({ path: path.join(dir, 'w.awb'), locked: false });
      const events: CoreEvent[] = [];
      host.subscribe((e) => events.push(e));
      const text = fs.readFileSync(path.join(fixtures, 'kunduz-offensive.txt'), 'utf8');
      const started = await host.dispatch('imports.start', { source: { kind: 'text', text, title: 'Kunduz' } });
      expect(started.ok).toBe(true);
      // The import runs on the core's thread; this thread hears of it through events.
      await expect.poll(() => events.some((e) => e.type === 'import.progress' && e.report.state === 'finished'), { timeout: 30_000 }).toBe(true);
      const page = await host.dispatch('articles.page', { query: {}, startRow: 0, endRow: 10 });
      expect(page.ok && (page.value as { rows: { title: string }[] }).rows.map((r) => r.title)).toEqual(['Kunduz']);
      const refused = await host.dispatch('articles.page', { query: {}, startRow: 5, endRow: 1 });
      expect(refused.ok).toBe(false);
      expect(await host.dispatch('no.such.call', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    } finally {
      await host.close();
    }
    // Closed: later calls are answered, not left hanging.
    expect(await host.dispatch('articles.page', { query: {}, startRow: 0, endRow: 10 })).toMatchObject({ ok: false, error: { code: 'core_stopped' } });
  }, 60_000);

  it('says why when the workspace cannot be opened', async () => {
    const dir = tempDir();
    const notAWorkspace = path.join(dir, 'notes.awb');
    fs.writeFileSync(notAWorkspace, 'These are my notes, not a database.');
    await expect(CoreHost.start(script.file, options(dir, notAWorkspace))).rejects.toThrow(CoreStartError);
    expect(fs.readFileSync(notAWorkspace, 'utf8')).toBe('These are my notes, not a database.');
  }, 60_000);

  it('prints PDF reports with the printer of the thread that started it', async () => {
    const dir = tempDir();
    const printed: string[] = [];
    const host = await CoreHost.start(script.file, options(dir), async (html, target) => {
      printed.push(html);
      fs.writeFileSync(target, '%PDF-1.7 printed by the host');
    });
    try {
      const text = fs.readFileSync(path.join(fixtures, 'kunduz-offensive.txt'), 'utf8');
      await host.dispatch('imports.start', { source: { kind: 'text', text, title: 'Kunduz' } });
      const target = path.join(dir, 'report.pdf');
      const result = await host.dispatch('reports.save', { spec: { title: 'Kunduz' }, format: 'pdf', path: target });
      expect(result).toMatchObject({ ok: true });
      expect(printed).toHaveLength(1);
      expect(printed[0]).toContain('<h1>Kunduz</h1>');
      expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 printed by the host');
    } finally {
      await host.close();
    }
  }, 60_000);
});
