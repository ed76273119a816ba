import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { CoreHost } from './coreHost.js';
import { appVersion, checkpointWorkerFile, coreWorkerFile, readerWorkerFile, writerWorkerFile, extractWorkerFile, gazetteerFile, parseWorkerFile, rendererDir, sampleDir, userDataDir } from './paths.js';
import { newToken } from './web/guard.js';
import { createWebServer } from './web/server.js';

/**
 * Browser mode: the same core and renderer as the desktop app, served on 127.0.0.1 only.
 * Usage: npm run web -- [--workspace FILE] [--port N] [--data-dir DIR]
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workspace: { type: 'string' },
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
    },
  });
  const staticDir = rendererDir();
  if (!fs.existsSync(staticDir)) {
    console.error(`The renderer is not built (${staticDir} is missing): run "npm run build" first.`);
    process.exit(1);
  }
  let core: CoreHost;
  try {
    // The core runs on its own thread: the HTTP server here only routes calls and events.
    core = await CoreHost.start(coreWorkerFile(), {
      dataDir: values['data-dir'] ?? userDataDir(),
      gazetteerFile: gazetteerFile(),
      workspace: values.workspace,
      sampleDir: sampleDir(),
      mode: 'browser',
      version: appVersion(),
      parseWorker: parseWorkerFile(),
      extractWorker: extractWorkerFile(),
      checkpointWorker: checkpointWorkerFile(),
      readerWorker: readerWorkerFile(),
      writerWorker: writerWorkerFile(),
    });
  } catch (error) {
    console.error(`Cannot open the workspace: ${(error as Error).message}`);
    process.exit(1);
  }
  const token = newToken();
  const server = createWebServer({ core, staticDir, token });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${values.port} is already in use: choose another with --port N (or 0 for any free port).` : `Browser mode stopped: ${error.message}`);
    void core.close().finally(() => process.exit(1));
  });
  server.listen(Number(values.port), '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    // The token rides in the fragment, which the browser never sends to a server; the page moves it
    // to its own sessionStorage and wipes it from the address bar and history on load.
    console.log(`Workbench at http://127.0.0.1:${port}/#token=${token}`);
    console.log(`Workspace: ${core.opened.path}${core.opened.locked ? ' (encrypted: the page asks for its passphrase)' : ''}`);
  });
  const stop = () => {
    server.close();
    void core.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
