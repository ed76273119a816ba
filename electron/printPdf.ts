import { BrowserWindow } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { PagePrinter } from './services/reports/pdf.js';

/**
 * The desktop app prints reports with Electron's printToPDF: a hidden, sandboxed window with no
 * preload and JavaScript off loads the self-contained report page from the app's private working
 * folder (`workDir`, emptied by the caller when the job ends).
 */
export const electronPrintPdf: PagePrinter = async (html, target, workDir) => {
  const page = path.join(workDir, 'report.html');
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
  }
};
