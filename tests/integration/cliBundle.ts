import { build } from 'esbuild';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './helpers.js';

/**
 * The command line built from the current sources (dist/ may be stale while tests run), for tests
 * that need separate processes. It is written under node_modules/ so its packages resolve as they
 * do for dist/electron/cli.mjs; each call gets its own file, so test files may build in parallel.
 */
export async function bundleCli(): Promise<{ cli: string; remove: () => void }> {
  const { file, remove } = await bundleEntry('electron/cli.ts');
  return { cli: file, remove };
}

/** Any entry point (the CLI, a worker script) built from the current sources, as bundleCli does. */
export async function bundleEntry(entry: string): Promise<{ file: string; remove: () => void }> {
  const dir = path.join(repoRoot, 'node_modules', '.cache', 'awb-tests');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${path.basename(entry, '.ts')}-${process.pid}-${crypto.randomUUID()}.mjs`);
  await build({
    entryPoints: [path.join(repoRoot, entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    plugins: [
      {
        // SQL migrations are imported as text (`./001_x.sql?raw`), as scripts/build.mjs does.
        name: 'raw-text',
        setup(b) {
          b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.slice(0, -4)), namespace: 'raw' }));
          b.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({ contents: fs.readFileSync(args.path, 'utf8'), loader: 'text' }));
        },
      },
    ],
  });
  return { file, remove: () => fs.rmSync(file, { force: true }) };
}
