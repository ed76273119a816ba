// `npm start`: builds if needed, then opens the Electron window. Where the Electron binary is not
// on disk, tries to fetch it once; where that fails (no internet), starts browser mode and says so.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-missing'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function fetchElectron() {
  console.log('Electron is not installed yet: downloading it once…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron/install.js')], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) {
    const why = `${r.stderr ?? ''}`.split('\n').find((l) => /error/i.test(l)) ?? 'unknown error';
    console.log(`Electron download failed: ${why.trim()}`);
  }
  return r.status === 0 ? electronBinary() : null;
}

/** The SQLite module built for Electron's ABI, kept apart from the Node build that tests use. */
const SQLITE_MODULE = 'better-sqlite3-multiple-ciphers';

async function electronSqlite() {
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const dir = path.join(root, '.electron-native');
  const binding = path.join(dir, 'node_modules', SQLITE_MODULE, 'build/Release/better_sqlite3.node');
  const stampFile = path.join(dir, 'electron-version');
  // The stamp names the module too: a build of the module used before (plain better-sqlite3) is replaced.
  const stamp = `${SQLITE_MODULE}@${electronVersion}`;
  if (fs.existsSync(binding) && fs.readFileSync(stampFile, 'utf8') === stamp) return binding;
  console.log(`Building the SQLite module for Electron ${electronVersion} (once)…`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  fs.cpSync(path.join(root, 'node_modules', SQLITE_MODULE), path.join(dir, 'node_modules', SQLITE_MODULE), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  });
  const version = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', SQLITE_MODULE, 'package.json'), 'utf8')).version;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'awb-electron-native', private: true, dependencies: { [SQLITE_MODULE]: version } }));
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: dir, electronVersion, onlyModules: [SQLITE_MODULE], force: true });
  fs.writeFileSync(stampFile, stamp);
  return binding;
}

function browserMode(reason) {
  const serve = spawn(process.execPath, [path.join(root, 'dist/electron/serve.mjs'), ...args], { stdio: ['inherit', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: serve.stdout });
  let first = true;
  lines.on('line', (line) => {
    if (first && line.startsWith('Workbench at ')) {
      console.log(`${reason} — started browser mode instead: open ${line.slice('Workbench at '.length)}`);
      first = false;
    } else console.log(line);
  });
  serve.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => serve.kill(signal));
}

const binary = electronBinary() ?? fetchElectron();
if (!binary) {
  browserMode('Electron could not be installed on this machine (its download failed)');
} else {
  let binding;
  try {
    binding = await electronSqlite();
  } catch (error) {
    browserMode(`The SQLite module could not be built for Electron (${error.message})`);
  }
  if (binding) {
    const child = spawn(binary, [root, ...args], { stdio: 'inherit', env: { ...process.env, AWB_SQLITE_BINDING: binding } });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
