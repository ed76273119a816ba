import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, openWorkbench, pageCall, selectText, type Bench } from './harness.js';

/** A short report written for this test (CC0): a sentence opening with a name, a possessive, a dotted acronym. */
const TITLE = 'Council talks fail in Kunduz';
const TEXT =
  "Amruddin Wali, a member of the Kunduz provincial council, said the talks had failed. The Taliban's fighters attacked the district centre on Monday. Officials of the U.S. and the U.N. met in Kabul. Rohullah Ahmadzai, a spokesman for the defence ministry, denied the report.";

/** Issue 13, "the analyst's day without traps": span steps that undo each other. */
describe.skipIf(!chromiumPath)('moving a span by a word from the keyboard (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
    const { page } = bench;
    await page.getByRole('button', { name: 'Load the sample article' }).waitFor({ timeout: 60_000 });
    await pageCall(bench, 'imports.start', { source: { kind: 'text', title: TITLE, text: TEXT } });
    await page.locator('.ag-row', { hasText: TITLE }).first().click({ timeout: 120_000 });
    // The suggestions settle first, so none lands on a span while the test moves it.
    await page.locator('.mention').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('extracting').waitFor({ state: 'detached', timeout: 60_000 });
  }, 240_000);
  afterAll(async () => bench?.close());

  const quote = () => bench.page.getByRole('group', { name: 'Annotation' }).locator('.mention-quote strong').textContent();
  /** Marks `text` by hand with the type key (1 person … 4 group) and waits for it to be the selected mention. */
  const mark = async (text: string, key: string) => {
    await selectText(bench, text);
    await bench.page.getByRole('group', { name: 'Annotate selection' }).waitFor();
    await bench.page.keyboard.press(key);
    await expect.poll(quote).toBe(`“${text}”`);
  };
  /** Presses a key and waits for the span to read `expected` (each step waits for the last: keys act on the span shown). */
  const step = async (key: string, expected: string) => {
    await bench.page.keyboard.press(key);
    await expect.poll(quote).toBe(`“${expected}”`);
  };

  it('gives the original span back when a stretch is undone with the opposite key, at either edge', async () => {
    await mark('Amruddin Wali', '1');
    await step('Shift+ArrowRight', 'Amruddin Wali, a');
    await step('Shift+ArrowLeft', 'Amruddin Wali');
    await step('Alt+Shift+ArrowRight', 'Wali');
    await step('Alt+Shift+ArrowLeft', 'Amruddin Wali');
    // Shrinking a one-word span would cut the word: it stays whole.
    await step('Alt+Shift+ArrowRight', 'Wali');
    await bench.page.keyboard.press('Alt+Shift+ArrowRight');
    await bench.page.keyboard.press('Shift+ArrowLeft');
    await step('Alt+Shift+ArrowLeft', 'Amruddin Wali');

    // A possessive is a word of its own: "Taliban" → "Taliban's" → "Taliban", not "T".
    await mark('Taliban', '4');
    await step('Shift+ArrowRight', "Taliban's");
    await step('Shift+ArrowLeft', 'Taliban');

    // An acronym keeps its full stop, there and back.
    await mark('U.S.', '3');
    await step('Shift+ArrowRight', 'U.S. and');
    await step('Shift+ArrowLeft', 'U.S.');
    await bench.page.keyboard.press('Escape');
  });

  it('made no script error', () => {
    expect(bench.pageErrors).toEqual([]);
  });
});
