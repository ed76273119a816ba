import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, openSample, openWorkbench, type Bench } from './harness.js';

describe.skipIf(!chromiumPath)('the reader says which model suggests names, and what it has to learn (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
    await openSample(bench);
  });
  afterAll(async () => bench?.close());

  it('names the shipped model beside "Suggest again" and on each suggestion it makes, and counts a decision to learn', async () => {
    const { page } = bench;
    const line = page.getByTestId('names-model');
    await expect.poll(() => line.textContent(), { timeout: 20_000 }).toBe('Names: shipped model');
    await expect.poll(() => page.getByTestId('mention-counts').textContent(), { timeout: 20_000 }).toMatch(/^[1-9]\d* suggested/);
    // Suggestions made in the background on import predate the label; "Suggest again" makes them anew.
    await page.getByRole('button', { name: 'Suggest again' }).click();
    const panel = page.getByRole('group', { name: 'Annotation' });
    const suggestedBy = async () => {
      await page.locator('.mention', { hasText: 'Amruddin Wali' }).first().click();
      return panel.getByTestId('suggested-by').textContent({ timeout: 1_000 }).catch(() => null);
    };
    await expect.poll(suggestedBy, { timeout: 20_000 }).toBe('Suggested by the shipped model');
    expect(await panel.textContent()).toMatch(/Why: a person, read by the name tagger \(\d+%\)Suggested by/);
    await page.keyboard.press('r');
    await expect.poll(() => line.textContent(), { timeout: 5_000 }).toBe('Names: shipped model · 1 new decision to learn');
  });

  it('trains the workspace model after a run of decisions and says what it kept of them', async () => {
    const { page } = bench;
    const line = page.getByTestId('names-model');
    // Accept the next mentions one by one until ten decisions wait: ten or more start a training
    // within seconds. A fixed count of presses is not enough: under load 14 of them once left 9
    // decisions, and no training began within the minute (a press that lands on a mention already
    // decided, or while the list is being drawn again, decides nothing).
    const waiting = async () => {
      const text = (await line.textContent()) ?? '';
      // Learning or learnt: as good as ten waiting.
      if (/learning…|workspace model/.test(text)) return Infinity;
      return Number(/ · (\d+) new decisions? to learn$/.exec(text)?.[1] ?? 0);
    };
    for (let presses = 0; (await waiting()) < 10 && presses < 60; presses++) {
      const before = await waiting();
      await page.keyboard.press(']');
      await page.keyboard.press('a');
      // The line follows each decision; a press that decided nothing leaves it as it was.
      await expect.poll(waiting, { timeout: 2_000 }).toBeGreaterThan(before).catch(() => undefined);
    }
    // A few decisions are too few to test the lessons on (tagger/lessons.ts): they are all kept.
    await expect
      .poll(() => line.textContent(), { timeout: 60_000 })
      .toMatch(/^Names: workspace model v1 \(\d+ decisions\), trained .+ · retrained on your decisions, remembers your names(Reset to the shipped model)?$/);
    expect(await line.getAttribute('title')).toMatch(/keeps only what held when it was tested on your own decisions/);
  });
});
