import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, openWorkbench, waitForMentions, type Bench } from './harness.js';

/**
 * An analyst who never touches the mouse: opens the sample from the table with Enter, walks to a
 * sentence with "s", codes it with "e", fills the form with Tab and typed keys, saves with Enter; and
 * a dialog that keeps the focus inside while tabbing and closes on Esc.
 */
describe.skipIf(!chromiumPath)('keyboard-only work (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
  }, 60_000);
  afterAll(async () => bench?.close());

  /** What the focused element is, read in the page: its label, text and whether it sits inside `selector`. */
  const focused = (selector: string) =>
    bench.page.evaluate((sel) => {
      const el = document.activeElement as HTMLElement | null;
      const label = el?.closest('label')?.querySelector('span')?.textContent ?? el?.getAttribute('aria-label') ?? '';
      return { inside: !!el?.closest(sel), label, text: el?.textContent?.trim() ?? '', tag: el?.tagName ?? '' };
    }, selector);

  /** Tab (forwards) until the focus is on the control `matches` picks, as a person tabbing through a form would. */
  async function tabTo(matches: (f: Awaited<ReturnType<typeof focused>>) => boolean, within: string) {
    const path: string[] = [];
    for (let i = 0; i < 60; i++) {
      const f = await focused(within);
      if (matches(f)) return;
      path.push(`${f.tag} "${f.label || f.text.slice(0, 30)}"`);
      await bench.page.keyboard.press('Tab');
    }
    throw new Error(`never reached by Tab; went through ${path.join(', ')}`);
  }

  it('the Import dialog takes the focus, keeps it while tabbing both ways, closes on Esc and gives the focus back', async () => {
    const { page } = bench;
    const opener = page.getByRole('button', { name: 'Import articles…' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Import articles' });
    await dialog.waitFor();
    await expect.poll(async () => JSON.stringify(await focused('.import-dialog'))).toContain('"inside":true');
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const f = await focused('.import-dialog');
      expect(f.inside, `Tab ${i + 1} left the dialog for ${f.tag} "${f.text}"`).toBe(true);
      seen.add(`${f.tag}:${f.text.slice(0, 20)}`);
    }
    // The hidden file inputs are reached through their labels, so the choosers are keyboard work too.
    expect([...seen].some((s) => s.startsWith('LABEL:Choose files'))).toBe(true);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Shift+Tab');
      expect((await focused('.import-dialog')).inside).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Import articles…');
  });

  it('codes an event from the sample without the mouse: Enter on the row, "s" to the sentence, "e", Tab and type, Enter to save', async () => {
    const { page } = bench;
    const load = page.getByRole('button', { name: 'Load the sample article' });
    await load.focus();
    await page.keyboard.press('Enter');
    // The first import starts the parsing workers, which takes a while on a busy machine.
    const cell = page.locator('[data-testid="articles-table"] .ag-cell', { hasText: 'After a brief offensive' }).first();
    await cell.waitFor({ timeout: 120_000 });
    await cell.focus();
    await page.keyboard.press('Enter');
    await waitForMentions(bench);

    // "s" from no caret selects the first sentence; again, the next one.
    const marked = () => page.getByRole('group', { name: 'Annotate selection' }).locator('strong').textContent();
    await page.keyboard.press('s');
    expect(await marked()).toBe('“After a brief offensive, the Taliban invade important cities in northern Afghanistan”');
    // The reader draws what the keyboard picked, as it would a mouse selection.
    const picked = async () => (await page.locator('.article-text .picked').allTextContents()).join('');
    await expect.poll(picked).toBe('After a brief offensive, the Taliban invade important cities in northern Afghanistan');
    // Shift+S adds the next sentence to the selection.
    await page.keyboard.press('Shift+S');
    expect(await marked()).toMatch(/^“After a brief offensive.*\s+KABUL, Afghanistan – The Taliban invaded two provincial capitals in northern Afghanistan on Sunday\.”$/s);
    // "s" again: the sentence after the selection.
    await page.keyboard.press('s');
    expect(await marked()).toBe('“In the city of Kunduz, the capital of the province of the same name, the Taliban captured the entrance to the city before dispersing in their neighborhoods.”');
    await expect.poll(picked).toBe('In the city of Kunduz, the capital of the province of the same name, the Taliban captured the entrance to the city before dispersing in their neighborhoods.');

    await page.keyboard.press('e');
    const form = page.getByRole('form', { name: 'Code an event' });
    await form.waitFor();
    // The form takes the focus, so Tab walks its fields.
    await expect.poll(async () => (await focused('.event-form')).inside).toBe(true);
    expect(await form.getByLabel('Sub-event type').inputValue()).toBe('Non-state actor overtakes territory');
    await tabTo((f) => f.label === 'Actor 1 type', '.event-form');
    await page.keyboard.type('2'); // "2 – Rebel group", picked by typing as in any list
    expect(await form.getByLabel('Actor 1 type').inputValue()).toBe('2');
    // A battle has two sides: actor 2 typed into its picker, the new organisation added with Tab and Enter, typed 1 – State forces.
    await tabTo((f) => f.label === 'Actor 2', '.event-form');
    await page.keyboard.type('Military Forces of Afghanistan');
    await form.getByRole('listbox', { name: 'Actor 2 choices' }).waitFor();
    await page.keyboard.press('Tab');
    expect((await focused('.event-form')).text).toMatch(/Military Forces of Afghanistan/);
    await page.keyboard.press('Enter');
    await tabTo((f) => f.label === 'Actor 2 type', '.event-form');
    await page.keyboard.type('1');
    expect(await form.getByLabel('Actor 2 type').inputValue()).toBe('1');
    await tabTo((f) => f.label === 'Fatalities', '.event-form');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0');
    await expect.poll(async () => ((await form.getByRole('button', { name: 'Create event' }).isEnabled()) ? 'enabled' : await form.textContent()), { timeout: 5000 }).toBe('enabled');
    await tabTo((f) => f.text === 'Create event', '.event-form');
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: /^Event \d+$/ }).waitFor();

    const db = new Database(bench.workspace, { readonly: true });
    try {
      const event = db.prepare('SELECT e.sub_event_type AS sub, e.actor1_type AS type FROM event e').get() as { sub: string; type: number };
      expect(event).toEqual({ sub: 'Non-state actor overtakes territory', type: 2 });
    } finally {
      db.close();
    }

    // Esc in the form closes the form, not the reader.
    await page.keyboard.press('Escape');
    await page.getByRole('form', { name: /^Event \d+$/ }).waitFor({ state: 'detached' });
    expect(await page.getByRole('region', { name: 'Reader' }).count()).toBe(1);

    // Enter on a row of an editable table opens the row (F2 is the key that edits a cell).
    await page.getByRole('tab', { name: 'Events' }).focus();
    await page.keyboard.press('Enter');
    const dateCell = page.locator('[data-testid="events-table"] .ag-row .ag-cell[col-id="date"]').first();
    await dateCell.waitFor();
    await dateCell.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: /^Event \d+$/ }).waitFor();
    expect(await page.locator('[data-testid="events-table"] .ag-cell-inline-editing').count()).toBe(0);
  }, 420_000);

  it('relates with "l" from a sentence reached with "s": the type comes from the cue words, not "member of"', async () => {
    const { page } = bench;
    await page.getByRole('tab', { name: 'Articles' }).focus();
    await page.keyboard.press('Enter');
    const cell = page.locator('[data-testid="articles-table"] .ag-cell', { hasText: 'After a brief offensive' }).first();
    await cell.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Reader' }).waitFor();
    await page.locator('.mention').first().waitFor();
    const marked = () => page.getByRole('group', { name: 'Annotate selection' }).locator('strong').textContent();
    for (let i = 0; i < 40 && !(await page.getByRole('group', { name: 'Annotate selection' }).count() && (await marked())?.includes('Rohullah')); i++) await page.keyboard.press('s');
    expect(await marked()).toMatch(/^“But Rohullah Ahmadzai, a spokesman for the defense ministry, told Al Jazeera on Saturday: “There is a new/);
    await page.keyboard.press('l');
    const form = page.getByRole('form', { name: 'Relate two entities' });
    await form.waitFor();
    expect(await form.getByRole('combobox', { name: 'Relation type' }).inputValue()).toBe('spokesman for');
    expect(await form.getByTestId('relation-cue').textContent()).toContain('“spokesman for”');
    await form.locator('.entity-picker strong', { hasText: 'Rohullah Ahmadzai' }).waitFor();
    // Al Jazeera, named after a comma, is not whom he speaks for: "To" is left to the analyst.
    expect(await form.getByRole('textbox', { name: 'To' }).count()).toBe(1);
    await expect.poll(async () => (await focused('.event-form')).inside).toBe(true);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await page.getByRole('region', { name: 'Reader' }).count()).toBe(1);
  });
});
