// `npm start`: builds if needed, then opens the Electron window. Where the Electron binary is not
// on disk, tries to fetch it once; where that fails (no internet), starts browser mode and says so.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { electronSqlite } from './electronSqlite.mjs';

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
