import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, openSample, openWorkbench, pageCall, pressInWindow, type Bench } from './harness.js';

/** Issue 9: every suggestion has a confidence; the reader reviews the least sure first and accepts the sure ones in one step, with Undo. */
describe.skipIf(!chromiumPath)('the least sure suggestions first, the sure ones accepted at once (browser mode, real Chromium)', () => {
  let bench: Bench;
  let articleId: number;
  beforeAll(async () => {
    bench = await openWorkbench();
    await openSample(bench, { mentions: true });
    articleId = (await pageCall(bench, 'articles.page', { query: {}, startRow: 0, endRow: 1 })).rows[0]!.id;
  });
  afterAll(async () => bench?.close());

  const suggested = async () => (await pageCall(bench, 'mentions.list', { articleId })).filter((m) => m.status === 'suggested' && m.confidence !== null);
  const shown = async () => Number(/(\d+)% sure/.exec((await bench.page.getByTestId('mention-confidence').textContent()) ?? '')?.[1]);

  it('selects the suggestion the model is least sure of with "u", then the next least sure, each with its confidence', async () => {
    const { page } = bench;
    const confidences = (await suggested()).map((m) => Math.round(m.confidence! * 100)).sort((a, b) => a - b);
    expect(confidences.length).toBeGreaterThan(3);
    await page.locator('.reader-text').click({ position: { x: 2, y: 2 } });
    await pressInWindow(bench, 'u');
    await expect.poll(shown).toBe(confidences[0]);
    const first = await page.locator('.mention.selected').textContent();
    await pressInWindow(bench, 'u');
    await expect.poll(shown).toBe(confidences[1]);
    expect(await page.locator('.mention.selected').textContent()).not.toBe(first);
    // The button does the same.
    await page.getByRole('button', { name: 'Least sure' }).click();
    await expect.poll(shown).toBe(confidences[2]);
  });

  it('accepts every suggestion at or above the confidence chosen in one step, and Ctrl+Z takes them all back', async () => {
    const { page } = bench;
    const before = await suggested();
    const sure = before.filter((m) => m.confidence! >= 0.8);
    expect(sure.length).toBeGreaterThan(0);
    expect(sure.length).toBeLessThan(before.length);
    const group = page.getByRole('group', { name: 'Accept the sure suggestions' });
    await group.getByRole('spinbutton').fill('80');
    const accept = group.getByRole('button', { name: `Accept ${sure.length}` });
    await accept.click();
    await expect.poll(async () => (await suggested()).length).toBe(before.length - sure.length);
    const accepted = new Set((await pageCall(bench, 'mentions.list', { articleId })).filter((m) => m.status === 'accepted').map((m) => m.id));
    expect(sure.every((m) => accepted.has(m.id))).toBe(true);
    // Nothing left that sure: the button says so and does nothing.
    await expect.poll(() => group.getByRole('button', { name: /^Accept \d+$/ }).textContent()).toBe('Accept 0');
    expect(await group.getByRole('button', { name: 'Accept 0' }).isDisabled()).toBe(true);
    const history = await pageCall(bench, 'history.list', { limit: 1 });
    expect(history.entries[0]!.label).toMatch(/^Accept every suggested mention with confidence 0\.8 or more in article “After a brief offensive/);
    await page.locator('.reader-text').click({ position: { x: 2, y: 2 } });
    await pressInWindow(bench, 'Control+z');
    await expect.poll(async () => (await suggested()).length).toBe(before.length);
    await expect.poll(() => group.getByRole('button', { name: /^Accept \d+$/ }).textContent()).toBe(`Accept ${sure.length}`);
  });
});
