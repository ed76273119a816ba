import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFromOutside, chromiumPath, desktopTarget, openWorkbench, type Bench } from './harness.js';

// About browser mode itself (its token, its loopback server): the desktop app has neither.
describe.skipIf(!chromiumPath || desktopTarget)('browser mode keeps its session token out of URLs and cookies (real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
  });
  afterAll(async () => bench?.close());

  it('opens from the #token= address, then shows no token in the address bar or history', async () => {
    const { page } = bench;
    expect(bench.url).toContain('#token=');
    await page.getByText('This workspace is empty').waitFor();
    expect(page.url()).toBe(`${bench.origin}/`);
    expect(await page.evaluate(() => ({ href: location.href, hash: location.hash }))).toEqual({ href: `${bench.origin}/`, hash: '' });
    // The tab's history is the blank page it started on and the workbench, whose entry was rewritten.
    expect(await page.evaluate(() => history.length)).toBe(2);
    await page.goBack();
    expect(page.url()).toBe('about:blank');
    await page.goForward();
    expect(page.url()).toBe(`${bench.origin}/`);
    await page.getByText('This workspace is empty').waitFor();
  });

  it('sends the token only in the X-AWB-Token header: never in a URL, never as a cookie', async () => {
    const { page } = bench;
    const api = bench.requests.filter((r) => new URL(r.url()).pathname.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(2);
    for (const r of api) expect(await r.headerValue('x-awb-token'), r.url()).toBe(bench.token);
    expect(api.some((r) => r.url().endsWith('/api/events'))).toBe(true);
    expect(bench.requests.filter((r) => r.url().includes(bench.token))).toEqual([]);
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('receives core events over the token-carrying stream: a tag made elsewhere appears', async () => {
    expect(await callFromOutside(bench, 'tags.create', { name: 'Made by another client', color: '#aa3300' })).toBe(200);
    await bench.page.locator('.tag-name', { hasText: 'Made by another client' }).waitFor({ timeout: 10_000 });
  });

  it('still works after a reload (the token is kept in this tab), with a clean address', async () => {
    const { page } = bench;
    await page.reload();
    await page.locator('.tag-name', { hasText: 'Made by another client' }).waitFor();
    expect(page.url()).toBe(`${bench.origin}/`);
    expect(bench.pageErrors).toEqual([]);
  });

  it('gives a tab opened without the token nothing but a refusal', async () => {
    const stranger = await bench.page.context().browser()!.newPage();
    try {
      const refusals: number[] = [];
      stranger.on('response', (r) => {
        if (new URL(r.url()).pathname.startsWith('/api/')) refusals.push(r.status());
      });
      await stranger.goto(`${bench.origin}/`);
      await expect.poll(() => refusals.length).toBeGreaterThan(0);
      expect(new Set(refusals)).toEqual(new Set([401]));
      await expect.poll(() => stranger.locator('body').textContent()).toMatch(/session token/);
    } finally {
      await stranger.close();
    }
  });
});
