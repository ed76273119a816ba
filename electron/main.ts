import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { CoreHost, type CoreClient } from './coreHost.js';
import { grantsFromResult, PathGrants, pathsNeeded, type GrantKind } from './pathGrants.js';
import { electronPrintPdf } from './printPdf.js';
import { appRoot, checkpointWorkerFile, coreWorkerFile, readerWorkerFile, writerWorkerFile, extractWorkerFile, gazetteerFile, parseWorkerFile, rendererDir, sampleDir } from './paths.js';
import {
  APP_ORIGIN,
  APP_SCHEME,
  ipcSenderAllowed,
  navigationAllowed,
  permissionAllowed,
  requestBlocked,
  resolveAppFile,
  secureWebPreferences,
  windowOpenDecision,
} from './security.js';
import { CSP, SECURITY_HEADERS } from './web/guard.js';

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let core: CoreHost | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Analyst Workbench',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/** Guards for every web contents the app ever creates. */
function guardContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!navigationAllowed(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!navigationAllowed(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(windowOpenDecision);
  });
}

function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppFile(root, request.url);
    let body: Buffer<ArrayBuffer>;
    try {
      // A folder or a vanished file must answer 404, not throw inside the protocol handler.
      if (!file) throw new Error('refused');
      body = fs.readFileSync(file);
    } catch {
      return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    }
    return new Response(body, {
      headers: { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', ...SECURITY_HEADERS, 'Content-Security-Policy': CSP },
    });
  });
}

function lockDownSession(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionAllowed(permission)));
  s.setPermissionCheckHandler((_wc, permission) => permissionAllowed(permission));
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: requestBlocked(details.url) }));
}

function registerIpc(c: CoreClient): void {
  // Paths the window may hand to the core: only those main's own dialogs (or the core) produced.
  const grants = new PathGrants();
  const granted = (kind: GrantKind, picked: string | null | undefined): string | null => {
    if (picked) grants.grant(kind, picked);
    return picked ?? null;
  };
  ipcMain.handle('awb:invoke', async (event, name: unknown, input: unknown) => {
    if (!ipcSenderAllowed(event.senderFrame?.url)) throw new Error('Refused: the caller is not the workbench window.');
    const call = String(name);
    const needed = pathsNeeded(call, input);
    if (!needed.ok) return { ok: false, error: { code: 'path_not_granted', message: needed.message } };
    const verdict = grants.check(needed.uses);
    if (!verdict.ok) return { ok: false, error: { code: 'path_not_granted', message: verdict.message } };
    const result = await c.dispatch(call, input);
    if (result.ok) {
      grants.consume(needed.uses);
      const implied = grantsFromResult(call, result.value);
      for (const use of implied.uses) grants.grant(use.kind, use.path, implied.reusable);
    }
    return result;
  });
  ipcMain.handle('awb:pick-workspace', async (event, kind: unknown) => {
    if (!ipcSenderAllowed(event.senderFrame?.url)) throw new Error('Refused: the caller is not the workbench window.');
    const win = BrowserWindow.fromWebContents(event.sender)!;
    const filters = [{ name: 'Analyst Workbench workspace', extensions: ['awb'] }];
    if (kind === 'open') {
      const r = await dialog.showOpenDialog(win, { properties: ['openFile'], filters });
      return granted('workspace.open', r.canceled ? null : r.filePaths[0]);
    }
    if (kind === 'archive') {
      const r = await dialog.showOpenDialog(win, { title: 'Restore an archive', properties: ['openFile'], filters: [{ name: 'Workspace archive', extensions: ['awbz', 'zip'] }] });
      return granted('archive', r.canceled ? null : r.filePaths[0]);
    }
    if (kind !== 'create' && kind !== 'saveCopy') throw new TypeError('kind must be open, create, saveCopy or archive');
    const r = await dialog.showSaveDialog(win, { title: kind === 'create' ? 'New workspace' : 'Save a copy', filters });
    return granted(kind === 'create' ? 'workspace.create' : 'workspace.saveCopy', r.canceled ? null : r.filePath);
  });
  // Where to save a report or an export: the renderer proposes a path, the analyst decides.
  ipcMain.handle('awb:pick-save-path', async (event, defaultPath: unknown, folder: unknown) => {
    if (!ipcSenderAllowed(event.senderFrame?.url)) throw new Error('Refused: the caller is not the workbench window.');
    if (typeof defaultPath !== 'string') throw new TypeError('defaultPath must be a string');
    const win = BrowserWindow.fromWebContents(event.sender)!;
    if (folder === true) {
      // A folder export (brat) goes into a NEW folder (or its own earlier one): the analyst names it, as a file is named.
      const r = await dialog.showSaveDialog(win, { title: 'Name a new folder for the export', defaultPath, buttonLabel: 'Export here' });
      return granted('save', r.canceled ? null : r.filePath);
    }
    const r = await dialog.showSaveDialog(win, { defaultPath });
    return granted('save', r.canceled ? null : r.filePath);
  });
  c.subscribe((coreEvent) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send('awb:event', coreEvent);
  });
}

/** Undo or redo from the menu; a change that cannot be undone says why. */
async function historyStep(name: 'history.undo' | 'history.redo'): Promise<void> {
  const result = await core?.dispatch(name, {});
  if (result && !result.ok) dialog.showErrorBox(name === 'history.undo' ? 'Cannot undo' : 'Cannot redo', result.error.message);
}

function buildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      { role: 'fileMenu' },
      {
        label: 'Edit',
        // Undo and Redo are the workspace's (db/history.ts). The shortcuts are only shown here, not
        // registered: the window handles them, so Ctrl+Z in a text field stays the field's own undo.
        submenu: [
          { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => void historyStep('history.undo') },
          { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: () => void historyStep('history.redo') },
          { type: 'separator' },
          { role: 'cut' },
          { role: 'copy' },
          { role: 'paste' },
          { role: 'selectAll' },
        ],
      },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
      {
        role: 'help',
        submenu: [{ label: 'Show data folder', click: () => void shell.openPath(app.getPath('userData')) }],
      },
    ]),
  );
}

// Where workspaces and settings live: $AWB_DATA_DIR when set, as in browser mode and the CLI (the
// desktop e2e tests give each window a fresh folder). Set before ready, so Chromium's profile follows.
if (process.env.AWB_DATA_DIR) app.setPath('userData', path.resolve(process.env.AWB_DATA_DIR));

app.enableSandbox();
guardContents();

/** `--workspace=FILE` opens (or creates) that workspace, as browser mode's --workspace does; else the default one in the data folder. */
function workspaceSwitch(): string | undefined {
  return app.commandLine.getSwitchValue('workspace') || undefined;
}

void app.whenReady().then(async () => {
  const root = appRoot(__dirname);
  try {
    // The core owns the workspace on its own thread; this process keeps windows, menus, dialogs and path grants.
    core = await CoreHost.start(
      coreWorkerFile(root),
      { dataDir: app.getPath('userData'), workspace: workspaceSwitch(), gazetteerFile: gazetteerFile(root), sampleDir: sampleDir(root), mode: 'electron', version: app.getVersion(), parseWorker: parseWorkerFile(root), extractWorker: extractWorkerFile(root), checkpointWorker: checkpointWorkerFile(root), readerWorker: readerWorkerFile(root), writerWorker: writerWorkerFile(root) },
      electronPrintPdf,
    );
  } catch (error) {
    dialog.showErrorBox('Analyst Workbench cannot open its workspace', (error as Error).message);
    app.quit();
    return;
  }
  lockDownSession();
  serveRenderer(rendererDir(root));
  registerIpc(core);
  buildMenu();
  createWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', (event) => {
  if (!core) return;
  // The workspace is closed (WAL checkpointed, lock released) before the process ends.
  event.preventDefault();
  const closing = core;
  core = null;
  void closing.close().finally(() => app.exit(0));
});
