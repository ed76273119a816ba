import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import type { CallInput, CallName, CallOutput, ImportReport } from '../../electron/contract/index.js';
import { Core } from '../../electron/dispatch.js';
import { gazetteerFile } from '../../electron/paths.js';
import { tempDir } from '../tempDirs.js';

export const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export { tempDir };

/** A core on a fresh workspace in a temp folder, with a typed `call` that throws readable errors. */
export function testCore(workspace?: string, options: { suggestOnImport?: boolean } = {}) {
  const dir = tempDir();
  const core = new Core({
    dataDir: dir,
    gazetteerFile: gazetteerFile(repoRoot),
    suggestOnImport: options.suggestOnImport ?? false,
    workspace: workspace ?? path.join(dir, 'test.awb'),
    sampleDir: path.join(repoRoot, 'assets/samples'),
    mode: 'browser',
    version: 'test',
  });
  async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as CallOutput<N>;
  }
  return { core, call, dir };
}

/** A maker of test cores for one test file: every core it made is closed after each test. */
export function closedAfterEach(options: { suggestOnImport?: boolean } = {}): () => ReturnType<typeof testCore> {
  let cores: ReturnType<typeof testCore>[] = [];
  afterEach(() => {
    cores.forEach((c) => c.core.close());
    cores = [];
  });
  return () => {
    const c = testCore(undefined, options);
    cores.push(c);
    return c;
  };
}

/** Polls an import until it ends and returns its report; `each` sees every report while it runs. */
export async function importFinished(call: ReturnType<typeof testCore>['call'], jobId: string, each: (r: ImportReport) => void = () => undefined): Promise<ImportReport> {
  let report = await call('imports.report', { jobId });
  while (report.state === 'running') {
    each(report);
    await new Promise((r) => setTimeout(r, 20));
    report = await call('imports.report', { jobId });
  }
  return report;
}
