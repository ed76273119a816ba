import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, whether running from source (tests) or from dist/. */
export function appRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'assets'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Cannot find the application folder above ${from}`);
  }
}

export const rendererDir = (root = appRoot()) => path.join(root, 'dist', 'renderer');
export const sampleDir = (root = appRoot()) => path.join(root, 'assets', 'samples');
/** The article-parsing worker, built beside the other entry points. */
export const parseWorkerFile = (root = appRoot()) => path.join(root, 'dist', 'electron', 'parseWorker.mjs');
/** The core's own thread (workspace, jobs), started by the desktop app and browser mode. */
export const coreWorkerFile = (root = appRoot()) => path.join(root, 'dist', 'electron', 'core.mjs');
/** The worker that reads articles for names (suggestions), built beside it. */
export const extractWorkerFile = (root = appRoot()) => path.join(root, 'dist', 'electron', 'extractWorker.mjs');
/** The worker that checkpoints the workspace's write-ahead log off the core's thread. */
export const checkpointWorkerFile = (root = appRoot()) => path.join(root, 'dist', 'electron', 'checkpointWorker.mjs');
export const readerWorkerFile = (root = appRoot()) => path.join(root, 'dist', 'electron', 'readerWorker.mjs');
export const writerWorkerFile = (root = appRoot()) => path.join(root, 'dist', 'electron', 'writerWorker.mjs');

/** Where workspaces and settings live when no Electron is there to say (browser mode, CLI). */
export function userDataDir(): string {
  if (process.env.AWB_DATA_DIR) return path.resolve(process.env.AWB_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Analyst Workbench');
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Analyst Workbench');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'analyst-workbench');
}

export function appVersion(root = appRoot()): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Tesseract's language models, gathered from their npm packages by the build; unpacked beside app.asar when packaged. */
export function ocrDataDir(root = appRoot()): string {
  return path.join(root.replace(/app\.asar$/, 'app.asar.unpacked'), 'dist', 'data', 'ocr');
}

/** The offline gazetteer: built by `npm run build` (or on first use); unpacked beside app.asar when packaged. */
export function gazetteerFile(root = appRoot()): string {
  if (process.env.AWB_GAZETTEER) return path.resolve(process.env.AWB_GAZETTEER);
  return path.join(root.replace(/app\.asar$/, 'app.asar.unpacked'), 'dist', 'data', 'gazetteer.sqlite');
}
