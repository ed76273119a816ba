import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { ScratchSpace } from '../scratch.js';

/**
 * Prints a self-contained HTML page to a PDF file, keeping its working files (the page, a browser
 * profile) in `workDir`, a private folder emptied afterwards. Electron uses printToPDF; elsewhere a
 * local Chromium prints it.
 */
export type PagePrinter = (html: string, target: string, workDir: string) => Promise<void>;
/** What the report service calls: a printer that brings its own private working folder. */
export type PdfPrinter = (html: string, target: string) => Promise<void>;

export const withScratch =
  (scratch: ScratchSpace, print: PagePrinter): PdfPrinter =>
  (html, target) =>
    scratch.job((dir) => print(html, target, dir));

const CANDIDATES = [
  process.env.AWB_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChromium(): string | null {
  return CANDIDATES.find((p): p is string => !!p && fs.existsSync(p)) ?? null;
}

/**
 * Browser mode and the command line print with the machine's Chromium, headless, from a file in the
 * app's private working folder, with networking off: the page's own CSP already forbids any fetch.
 * Chromium's own temporary files go there too (TMPDIR), not to the shared temp folder.
 */
export const chromiumPrinter: PagePrinter = async (html, target, dir) => {
  const chromium = findChromium();
  if (!chromium) {
    throw new UserError(
      'no_printer',
      'Saving a PDF here needs Chromium or Chrome on this computer (or the desktop app). Save as HTML and print it from your browser, or set AWB_CHROMIUM to a Chromium.',
    );
  }
  const page = path.join(dir, 'report.html');
  fs.writeFileSync(page, html);
  const out = path.join(dir, 'report.pdf');
  const args = [
    '--headless',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--proxy-server=127.0.0.1:9',
    `--user-data-dir=${path.join(dir, 'profile')}`,
    '--no-pdf-header-footer',
    // The embedded faces are font-display: swap, and headless Chromium prints at the load event,
    // before a face that layout asked for (an emoji's, found by fallback) has decoded: the PDF then
    // carried a system font's glyphs. On virtual time it prints once nothing is pending; the page runs
    // no script and no timer, so this costs no wall-clock time.
    '--virtual-time-budget=30000',
    `--print-to-pdf=${out}`,
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    `file://${page}`,
  ];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TMPDIR: dir, TMP: dir, TEMP: dir } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0 && fs.existsSync(out)) resolve();
      else reject(new UserError('print_failed', `Chromium could not print the report (exit ${code}). ${stderr.split('\n').filter(Boolean).at(-1) ?? ''}`));
    });
  });
  fs.copyFileSync(out, target);
};
