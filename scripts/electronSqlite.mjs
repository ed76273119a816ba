// The SQLite module built for Electron's ABI, kept apart from the Node build that tests, browser mode
// and the CLI use. `npm start` and the desktop e2e target (tests/e2e/harness.ts) both need it; run
// directly (`node scripts/electronSqlite.mjs`) it builds once and prints where the binding is.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SQLITE_MODULE = 'better-sqlite3-multiple-ciphers';

export async function electronSqlite() {
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    // The last line is the path, whatever the build printed before it.
    console.log(await electronSqlite());
  } catch (error) {
    console.error(`The SQLite module could not be built for Electron: ${error.message}`);
    process.exit(1);
  }
}
