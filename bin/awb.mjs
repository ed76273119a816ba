#!/usr/bin/env node
// The `awb` command: runs the built CLI (npm install / npm run build produce dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/electron/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  console.error('awb: the app is not built yet — run "npm run build" in the Analyst Workbench folder.');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
