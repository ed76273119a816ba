import { BrowserWindow } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The desktop app prints reports with Electron's printToPDF: a hidden, sandboxed window with no
 * preload and JavaScript off loads the self-contained report page from a temp file.
 */
export async function electronPrintPdf(html: string, target: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awb-print-'));
  const page = path.join(dir, 'report.html');
  fs.writeFileSync(page, html);
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false, nodeIntegration: false, partition: 'awb-print' } });
  try {
    // Its own session (partition): nothing but the file itself may load there. The page's CSP says so too.
    win.webContents.session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('file://') && !details.url.startsWith('data:') }));
    await win.loadFile(page);
    const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
    fs.writeFileSync(target, pdf);
  } finally {
    win.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
