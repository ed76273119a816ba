import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, openWorkbench, pageCall, pressInWindow, selectText, waitForMentions, type Bench } from './harness.js';

/**
 * A short report written for this test (CC0): a sentence opening with a name, a possessive, a dotted
 * acronym, and a last sentence that opens with a name (a drag runs from it to the end of the text).
 */
const TITLE = 'Council talks fail in Kunduz';
const TEXT =
  "Amruddin Wali, a member of the Kunduz provincial council, said the talks had failed. The Taliban's fighters attacked the district centre on Monday. Officials of the U.S. and the U.N. met in Kabul. Rohullah Ahmadzai, a spokesman for the defence ministry, denied the report.";

/**
 * Issue 13, "the analyst's day without traps": span steps that undo each other, a drag that starts on a
 * name, and a cue for files dragged over the window.
 */
describe.skipIf(!chromiumPath)('keyboard and mouse gestures in the reader and on the window (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
    const { page } = bench;
    await page.getByRole('button', { name: 'Load the sample article' }).waitFor({ timeout: 60_000 });
    await pageCall(bench, 'imports.start', { source: { kind: 'text', title: TITLE, text: TEXT } });
    await page.locator('.ag-row', { hasText: TITLE }).first().click({ timeout: 120_000 });
    // The suggestions settle first, so none lands on a span while a test moves it, or is drawn afresh under the mouse.
    await waitForMentions(bench);
    await page.getByTestId('extracting').waitFor({ state: 'detached', timeout: 60_000 });
  }, 420_000);
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
    await pressInWindow(bench, key);
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
    await pressInWindow(bench, 'Alt+Shift+ArrowRight');
    await pressInWindow(bench, 'Shift+ArrowLeft');
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

  /** The middle of the character at `index` of the first `needle` in the article (and a point just after it), in whole pixels, where a real mouse goes. */
  const charCentre = (needle: string, index: number) =>
    bench.page.evaluate(
      ([needle, index]) => {
        const root = document.querySelector('[data-testid="article-text"]')!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
        let at = nodes.map((n) => n.data).join('').indexOf(needle);
        if (at === -1) throw new Error(`not in the article: ${needle}`);
        at += index;
        let node = nodes[0]!;
        for (node of nodes) {
          if (at < node.data.length) break;
          at -= node.data.length;
        }
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const r = range.getBoundingClientRect();
        return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2), after: Math.round(r.right + 6) };
      },
      [needle, index] as const,
    );

  it('selects text with a drag that starts on a highlighted name, and e codes an event from it; a click still selects the name', async () => {
    const { page } = bench;
    // The analyst marks the name by selecting it (the browser keeps that selection on it), then clears the panel.
    await mark('Rohullah Ahmadzai', '1');
    await page.keyboard.press('Escape');
    await page.getByRole('group', { name: 'Annotation' }).waitFor({ state: 'detached' });
    const name = page.locator('.mention', { hasText: 'Rohullah Ahmadzai' }).first();
    await expect.poll(() => name.getAttribute('class')).toContain('status-accepted');

    // A real drag: from inside the name to just past the end of its sentence (the end of the text).
    const from = await charCentre('Rohullah Ahmadzai', 4);
    const to = await charCentre('denied the report.', 'denied the report.'.length - 1);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.after, to.y, { steps: 12 });
    await page.mouse.up();

    const selection = page.getByRole('group', { name: 'Annotate selection' });
    // From where the drag began (inside the name) to the end of the sentence.
    await expect.poll(() => selection.locator('strong').first().textContent()).toMatch(/^“.*Ahmadzai, a spokesman for the defence ministry, denied the report\.”$/);
    const marked = (await selection.locator('strong').first().textContent())!.slice(1, -1);
    expect('Rohullah Ahmadzai, a spokesman for the defence ministry, denied the report.').toContain(marked);
    // The name was not taken for a click on it.
    expect(await page.getByRole('group', { name: 'Annotation' }).count()).toBe(0);

    await page.keyboard.press('e');
    const form = page.getByRole('form', { name: 'Code an event' });
    await form.waitFor();
    await expect.poll(() => form.getByTestId('evidence-eventType').textContent()).toContain('Ahmadzai, a spokesman for the defence ministry, denied the report');
    await form.getByRole('button', { name: 'Close the event form' }).click();
    await form.waitFor({ state: 'detached' });

    // A plain click on the name still selects it.
    await name.click();
    await expect.poll(quote).toBe('“Rohullah Ahmadzai”');
    await page.keyboard.press('Escape');
    await page.getByRole('group', { name: 'Annotation' }).waitFor({ state: 'detached' });
  });

  it('shows a cue while files are dragged over the window, gone when the drag leaves or drops, and the drop still imports', async () => {
    const { page } = bench;
    const cue = page.getByRole('status').filter({ hasText: 'Drop files to import them' });
    const files = () =>
      page.evaluateHandle(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(['Dropped note: fighting near Kunduz airport on Tuesday.'], 'dropped-note.txt', { type: 'text/plain' }));
        return dt;
      });
    expect(await cue.count()).toBe(0);

    // Into the window, then into a child of it (the text), then out of both: no flicker, and gone at the end.
    const dataTransfer = await files();
    await page.dispatchEvent('body', 'dragenter', { dataTransfer });
    await page.dispatchEvent('body', 'dragover', { dataTransfer });
    await cue.waitFor();
    await page.dispatchEvent('[data-testid="article-text"]', 'dragenter', { dataTransfer });
    await page.dispatchEvent('body', 'dragleave', { dataTransfer });
    expect(await cue.isVisible()).toBe(true);
    await page.dispatchEvent('[data-testid="article-text"]', 'dragleave', { dataTransfer });
    await cue.waitFor({ state: 'detached' });

    // A drag of text (no files) gets no cue.
    const text = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', 'Kunduz');
      return dt;
    });
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: text });
    await page.waitForTimeout(200);
    expect(await cue.count()).toBe(0);
    await page.dispatchEvent('body', 'dragleave', { dataTransfer: text });

    // A drag that ends elsewhere (dragend) takes the cue away too.
    const abandoned = await files();
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: abandoned });
    await cue.waitFor();
    await page.dispatchEvent('body', 'dragend', { dataTransfer: abandoned });
    await cue.waitFor({ state: 'detached' });

    // Into the window and dropped: the cue goes, and the file is imported as before.
    const dropped = await files();
    await page.dispatchEvent('.app', 'dragenter', { dataTransfer: dropped });
    await cue.waitFor();
    await page.dispatchEvent('.app', 'drop', { dataTransfer: dropped });
    await cue.waitFor({ state: 'detached' });
    await page.getByTestId('import-report').locator('.summary', { hasText: '1 imported' }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Done' }).click();
  });

  it('made no script error', () => {
    expect(bench.pageErrors).toEqual([]);
  });
});
