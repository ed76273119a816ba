import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const mode of ['plain', 'virtual']) {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  let expired;
  if (mode === 'virtual') {
    expired = new Promise((r) => cdp.on('Emulation.virtualTimeBudgetExpired', r));
    await cdp.send('Emulation.setVirtualTimePolicy', { policy: 'pause' });
    await cdp.send('Emulation.setVirtualTimePolicy', { policy: 'pauseIfNetworkFetchesPending', budget: 30000, waitForNavigation: true });
  }
  const t0 = Date.now();
  await cdp.send('Page.enable');
  const loaded = new Promise((r) => cdp.on('Page.loadEventFired', r));
  await cdp.send('Page.navigate', { url: 'file:///tmp/emo/page.html' });
  await loaded;
  if (expired) await expired;
  const { data } = await cdp.send('Page.printToPDF', { printBackground: true });
  fs.writeFileSync('/tmp/emo/cdp.pdf', Buffer.from(data, 'base64'));
  console.log(mode, Date.now() - t0, 'ms', execFileSync('pdffonts', ['/tmp/emo/cdp.pdf'], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => l.split(' ')[0]).join(' '));
  await ctx.close();
}
await browser.close();
