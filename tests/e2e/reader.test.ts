import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, openWorkbench, selectText, waitForMentions, type Bench } from './harness.js';

// Opening an article waits for the edits sent before it; on a loaded machine that takes seconds.
const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

// Two wire-style reports, written for this test (CC0).
const ARTICLES = {
  'kabul-market.md': `---
title: Suicide bomber strikes Kabul market
date: 2024-03-11
source: Example Wire
---
KABUL, Afghanistan – At least 40 civilians were killed and more than 118 wounded when a suicide bomber struck a crowded market in Kabul on Sunday, the United Nations said.

The attack was the deadliest in the capital this year. No group has claimed responsibility.
`,
  'jos-raid.md': `---
title: Gunmen raid villages near Jos
date: 2024-03-04
source: Example Wire
---
JOS, Nigeria – Gunmen killed 12 villagers in overnight raids on three villages near Jos, police said on Monday.

Residents said the attackers arrived on motorcycles and burned dozens of homes.
`,
};

describe.skipIf(!chromiumPath)('the reader keeps every edit (browser mode, real Chromium)', () => {
  let bench: Bench;
  // The table's first and second rows (newest import first), read once the articles are in.
  let first = '';
  let second = '';
  const side = () => bench.page.getByRole('complementary', { name: 'Article details' });
  const title = () => bench.page.getByTestId('reader-title').textContent();
  /** What the workspace file holds for an article, read beside the running app. */
  const stored = (titleText: string) => {
    const db = new Database(bench.workspace, { readonly: true });
    try {
      const article = db.prepare('SELECT id, reliability, credibility, author, dateline, published FROM article WHERE title = ?').get(titleText) as Record<string, unknown>;
      const logged = db.prepare("SELECT after FROM change_log WHERE subject = 'article' AND subject_id = ? ORDER BY id").pluck().all(article.id) as string[];
      return { article, logged: logged.join('\n') };
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    bench = await openWorkbench();
    const { page } = bench;
    const files = Object.entries(ARTICLES).map(([name, text]) => {
      const file = path.join(bench.dir, name);
      fs.writeFileSync(file, text);
      return file;
    });
    await page.getByRole('button', { name: 'Import articles…' }).click();
    await page.getByTestId('import-files').setInputFiles(files);
    await page.getByTestId('import-report').locator('.summary', { hasText: '2 imported, 0 already present, 0 failed' }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('article-count').filter({ hasText: '2 articles' }).waitFor();
    const titles = Object.values(ARTICLES).map((t) => /^title: (.+)$/m.exec(t)![1]!);
    await page.locator('[data-testid="articles-table"] .ag-row[row-index="0"]').first().click();
    await page.getByTestId('reader-title').waitFor();
    first = (await page.getByTestId('reader-title').textContent())!;
    second = titles.find((t) => t !== first)!;
    // Parsing workers start with the first import; on a busy machine that takes a while.
  }, 180_000);
  afterAll(async () => bench?.close());

  it('keeps a grading and a metadata edit when j is pressed right after them, and shows them on coming back with k', async () => {
    const { page } = bench;
    expect(await title()).toBe(first);
    await side().getByLabel('Author', { exact: true }).fill('Staff reporter');
    // As a click would, the list takes the focus (the author field loses it) before the choice.
    await side().getByLabel('Reliability').focus();
    await side().getByLabel('Reliability').selectOption('C');
    await page.keyboard.press('j');
    await poll(title).toBe(second);
    await page.keyboard.press('k');
    await poll(title).toBe(first);
    expect(await side().getByLabel('Reliability').inputValue()).toBe('C');
    expect(await side().getByLabel('Author', { exact: true }).inputValue()).toBe('Staff reporter');
    const { article, logged } = stored(first);
    expect(article).toMatchObject({ reliability: 'C', author: 'Staff reporter' });
    expect(logged).toContain('"reliability":"C"');
    expect(logged).toContain('"author":"Staff reporter"');
    await poll(() => side().getByTestId('details-status').textContent()).not.toContain('not saved');
  });

  it('keeps an edit when Esc closes the reader right after it', async () => {
    const { page } = bench;
    await side().getByLabel('Credibility').selectOption('3');
    await side().getByLabel('Dateline', { exact: true }).fill('KABUL, Afghanistan');
    // The first Esc leaves the field, the second closes the reader.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Reader' }).waitFor({ state: 'detached' });
    await poll(() => stored(first).article).toMatchObject({ credibility: 3, dateline: 'KABUL, Afghanistan' });
    await poll(() => page.locator('[data-testid="articles-table"] .ag-row[row-index="0"] [col-id="grading"]').first().textContent()).toBe('C3');
    await page.locator('[data-testid="articles-table"] .ag-row[row-index="0"]').first().click();
    await poll(() => side().getByLabel('Dateline', { exact: true }).inputValue()).toBe('KABUL, Afghanistan');
    expect(await side().getByLabel('Credibility').inputValue()).toBe('3');
  });

  it('saves a field after a pause in typing and says so', async () => {
    const { page } = bench;
    await side().getByLabel('Source', { exact: true }).fill('Example Wire (Kabul desk)');
    await poll(() => side().getByTestId('details-status').textContent()).toBe('Saved ✓');
    expect(await side().getByLabel('Source', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(stored(first).logged).toContain('"source":"Example Wire (Kabul desk)"');
    await page.keyboard.press('Escape');
  });

  it('refuses an invalid date aloud, keeps what was typed, and does not move on until it is fixed or discarded', async () => {
    const { page } = bench;
    const published = side().getByLabel('Published (YYYY-MM-DD)');
    const before = stored(first).article.published;
    await published.fill('Sunday 10 March');
    await page.keyboard.press('Escape');
    const alert = side().getByRole('alert');
    await poll(() => alert.textContent()).toContain('Published not saved: Use a date like 2021-06-20');
    await page.keyboard.press('j');
    await page.waitForTimeout(300);
    expect(await title()).toBe(first);
    expect(await published.inputValue()).toBe('Sunday 10 March');
    expect(stored(first).article.published).toBe(before);
    await published.fill('2024-03-10');
    await page.keyboard.press('Escape');
    await poll(() => stored(first).article.published).toBe('2024-03-10');
    expect(await side().getByRole('alert').count()).toBe(0);
    await page.keyboard.press('j');
    await poll(title).toBe(second);
    expect(bench.pageErrors).toEqual([]);
  });

  it('pre-fills an event with the dead only, the wounded in the notes, and the reporting source as its source, not an actor', async () => {
    const { page } = bench;
    await page.locator('[data-testid="articles-table"] .ag-row', { hasText: 'Suicide bomber strikes Kabul market' }).first().click();
    await poll(title).toBe('Suicide bomber strikes Kabul market');
    await waitForMentions(bench);
    const form = page.getByRole('form', { name: 'Code an event' });
    await selectText(bench, 'At least 40 civilians were killed and more than 118 wounded when a suicide bomber struck a crowded market in Kabul on Sunday, the United Nations said.');
    await page.keyboard.press('e');
    await form.waitFor();
    expect(await form.getByLabel('Fatalities').inputValue()).toBe('40');
    expect(await form.getByLabel('Source', { exact: true }).inputValue()).toBe('United Nations');
    expect(await form.getByLabel('Notes').inputValue()).toBe('Wounded: 118 ("more than 118 wounded")');
    expect(await form.getByLabel('Sub-event type').inputValue()).toBe('Suicide bomb');
    // The United Nations reports the attack; it is no party to it, and no actor type is guessed.
    expect((await form.locator('.entity-picker').allTextContents()).join(' ')).not.toContain('United Nations');
    expect(await form.getByRole('textbox', { name: 'Actor 1', exact: true }).count()).toBe(1);
    expect(await form.getByLabel('Actor 1 type').inputValue()).toBe('');
    expect(await form.getByTestId('prefill-cues').textContent()).toContain('reports the event; not an actor');
    expect(await form.getByTestId('evidence-fatalities').textContent()).toContain('At least 40 civilians were killed');
    await form.getByRole('button', { name: 'Close the event form' }).click();

    await page.keyboard.press(first === 'Gunmen raid villages near Jos' ? 'k' : 'j');
    await poll(title).toBe('Gunmen raid villages near Jos');
    await selectText(bench, 'Gunmen killed 12 villagers in overnight raids on three villages near Jos, police said on Monday.');
    await page.keyboard.press('e');
    await form.waitFor();
    expect(await form.getByLabel('Fatalities').inputValue()).toBe('12');
    expect(await form.getByLabel('Source', { exact: true }).inputValue()).toMatch(/police/i);
    expect((await form.locator('.entity-picker').allTextContents()).join(' ').toLowerCase()).not.toContain('police');
    expect(await form.getByLabel('Notes').inputValue()).toBe('');
    expect(bench.pageErrors).toEqual([]);
  }, 300_000);

  it('counts an article whose date is removed as undated beside the timeline, which keeps to the dated days', async () => {
    const { page } = bench;
    await page.getByRole('button', { name: 'Close the event form' }).click();
    expect(await page.getByTestId('timeline-undated').count()).toBe(0);
    const published = side().getByLabel('Published (YYYY-MM-DD)');
    await published.fill('');
    await page.keyboard.press('Escape');
    await poll(() => stored('Gunmen raid villages near Jos').article.published).toBeNull();
    await poll(() => page.getByTestId('timeline-undated').textContent()).toBe(' · 1 undated article, not shown');
    const ticks = await page.locator('.timeline .tick').allTextContents();
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.every((d) => d.endsWith(' 2024'))).toBe(true);
  });

  it('moves "on Sunday" to the Sunday before a corrected publication date, as the annotation panel shows', async () => {
    const { page } = bench;
    await page.keyboard.press(first === 'Gunmen raid villages near Jos' ? 'j' : 'k');
    await poll(title).toBe('Suicide bomber strikes Kabul market');
    const panel = page.getByRole('group', { name: 'Annotation' });
    const sunday = page.locator('.mention[title^="date"]', { hasText: 'Sunday' }).first();
    await sunday.click();
    await poll(() => panel.textContent()).toContain('Date: 10 Mar 2024');
    await side().getByLabel('Published (YYYY-MM-DD)').fill('2024-03-19');
    await page.keyboard.press('Enter');
    await side().getByText('Saved ✓').waitFor();
    await sunday.click();
    await poll(() => panel.textContent()).toContain('Date: 17 Mar 2024');
  });
});
