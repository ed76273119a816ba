// Builds the renderer (Vite) and the Node/Electron entry points (esbuild) into dist/.
// --if-missing skips the work when dist/ is newer than every source file.
import { build as esbuild } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');
const sources = ['electron', 'renderer', 'db', 'scripts', 'assets', 'package.json', 'vite.config.ts'];

function newestSource() {
  let newest = 0;
  const visit = (p) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const s of sources) if (fs.existsSync(path.join(root, s))) visit(path.join(root, s));
  return newest;
}

if (process.argv.includes('--if-missing') && fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newestSource()) {
  process.exit(0);
}

const started = Date.now();
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });

/** SQL migrations are imported as text (`./001_x.sql?raw`), as Vite does for the tests. */
const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.slice(0, -4)), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({ contents: fs.readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  packages: 'external',
  plugins: [rawText],
  logLevel: 'warning',
};
// Electron loads CommonJS main and (sandboxed) preload scripts; import.meta.url has to be provided.
const cjs = {
  ...common,
  format: 'cjs',
  external: ['electron'],
  define: { 'import.meta.url': '__import_meta_url' },
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
};
await Promise.all([
  esbuild({ ...cjs, entryPoints: { main: path.join(root, 'electron/main.ts') }, outdir: path.join(dist, 'electron'), outExtension: { '.js': '.cjs' } }),
  esbuild({ ...cjs, entryPoints: { preload: path.join(root, 'electron/preload.ts') }, outdir: path.join(dist, 'electron'), outExtension: { '.js': '.cjs' }, packages: undefined }),
  esbuild({
    ...common,
    format: 'esm',
    entryPoints: {
      serve: path.join(root, 'electron/serve.ts'),
      cli: path.join(root, 'electron/cli.ts'),
      gazetteer: path.join(root, 'electron/services/gazetteer/prepare.ts'),
      parseWorker: path.join(root, 'electron/services/extract/parseWorker.ts'),
      extractWorker: path.join(root, 'electron/services/entities/extractWorker.ts'),
      checkpointWorker: path.join(root, 'electron/services/checkpointWorker.ts'),
      readerWorker: path.join(root, 'electron/services/readerWorker.ts'),
      writerWorker: path.join(root, 'electron/services/writerWorker.ts'),
      core: path.join(root, 'electron/coreWorker.ts'),
    },
    outdir: path.join(dist, 'electron'),
    outExtension: { '.js': '.mjs' },
  }),
  esbuild({ ...common, format: 'esm', entryPoints: { bench: path.join(root, 'scripts/bench.ts'), eval: path.join(root, 'scripts/eval.ts'), train: path.join(root, 'scripts/train.ts'), wordClusters: path.join(root, 'scripts/wordClusters.ts') }, outdir: path.join(dist, 'scripts'), outExtension: { '.js': '.mjs' } }),
]);
const gazetteer = spawnSync(process.execPath, [path.join(dist, 'electron/gazetteer.mjs')], { stdio: 'inherit' });
if (gazetteer.status !== 0) process.exit(gazetteer.status ?? 1);
// Tesseract reads every language of a scan from one folder; each language is an npm package of its own.
const ocrData = path.join(dist, 'data', 'ocr');
fs.mkdirSync(ocrData, { recursive: true });
const tessdata = path.join(root, 'node_modules', '@tesseract.js-data');
for (const language of fs.readdirSync(tessdata)) {
  const model = path.join(tessdata, language, '4.0.0_best_int', `${language}.traineddata.gz`);
  if (fs.existsSync(model)) fs.copyFileSync(model, path.join(ocrData, `${language}.traineddata.gz`));
}
fs.writeFileSync(stamp, new Date().toISOString());
console.log(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
