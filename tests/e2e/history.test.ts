import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../electron/contract/index.js';
import { chromiumPath, openWorkbench, pageCall, pressInWindow, readRow, relateSpokesman, tagOpenArticle, waitForMentions, type Bench } from './harness.js';

describe.skipIf(!chromiumPath)('undo and redo of every kind of action, from the keyboard (browser mode, real Chromium)', () => {
  let bench: Bench;
  const TITLE = 'After a brief offensive';
  beforeAll(async () => {
    bench = await openWorkbench();
    await bench.page.getByRole('button', { name: 'Load the sample article' }).click();
    await bench.page.locator('.ag-row', { hasText: TITLE }).first().click();
    await waitForMentions(bench);
    // Suggestions are written in the background: the rows under test must be settled first.
    await bench.page.getByTestId('extracting').waitFor({ state: 'detached', timeout: 60_000 });
    spanMention = mentionId('Al Jazeera');
    retypedMention = mentionId('White House');
    initial = state();
  }, 420_000);
  afterAll(async () => bench?.close());

  /** One value read from the workspace file beside the running app. */
  const read = (sql: string, ...args: unknown[]) => readRow(bench, sql, ...args);
  const api = <N extends CallName>(name: N, input: CallInput<N>) => pageCall(bench, name, input);
  const mention = (quote: string) => bench.page.locator('.mention', { hasText: quote }).first();
  const mentionId = (quote: string) => read('SELECT id FROM mention WHERE quote = ?', quote)!.id as number;
  let spanMention = 0;
  let retypedMention = 0;
  /** Every kind of action the tests above made, read from the file. */
  const state = () => ({
    deleted: read('SELECT count(*) AS n FROM article')!.n === 0,
    credibility: read('SELECT credibility FROM article')?.credibility ?? null,
    rejected: read("SELECT status FROM mention WHERE quote = 'Americans'")?.status === 'rejected',
    fatalities: read('SELECT fatalities FROM event')?.fatalities ?? null,
    relations: read("SELECT count(*) AS n FROM relation WHERE type = 'spokesman for'")!.n,
    reliability: read('SELECT reliability FROM article')?.reliability ?? null,
    tags: read('SELECT count(*) AS n FROM article_tag')!.n,
    span: read('SELECT quote FROM mention WHERE id = ?', spanMention)?.quote ?? null,
    type: read('SELECT type FROM mention WHERE id = ?', retypedMention)?.type ?? null,
  });
  let initial: ReturnType<typeof state>;
  /** The action is in the file; Ctrl+Z takes it back; Ctrl+Shift+Z does it again. */
  async function undoRedo(state: () => unknown, before: unknown, after: unknown) {
    await expect.poll(state).toEqual(after);
    await pressInWindow(bench, 'Control+z');
    await expect.poll(state).toEqual(before);
    await pressInWindow(bench, 'Control+Shift+Z');
    await expect.poll(state).toEqual(after);
  }

  it('leaves the search box alone: Ctrl+Z in the reader does not bring back an old search', async () => {
    const { page } = bench;
    const search = page.getByRole('searchbox', { name: 'Search articles' });
    await search.fill('Taliban');
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('1 article match');
    await search.fill('');
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('1 article');
    await page.getByTestId('article-text').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(400);
    expect(await search.inputValue()).toBe('');
    expect(await page.getByTestId('article-count').textContent()).toBe('1 article');
    // In a text field Ctrl+Z is still the field's own undo.
    await search.fill('Kunduz');
    await search.press('Control+z');
    expect(await search.inputValue()).not.toBe('Kunduz');
    await search.fill('');
  });

  it('undoes and redoes rejecting a mention', async () => {
    const id = mentionId('Americans');
    const status = () => read('SELECT status FROM mention WHERE id = ?', id)!.status;
    const before = status();
    await mention('Americans').click();
    await bench.page.keyboard.press('r');
    await undoRedo(status, before, 'rejected');
    await pressInWindow(bench, 'Control+z');
    await mention('Americans').waitFor();
  });

  it('undoes and redoes a retype', async () => {
    const id = mentionId('White House');
    // Only the type is compared: retyping a suggestion also accepts it, which the undo takes back too.
    const type = () => read('SELECT type FROM mention WHERE id = ?', id)!.type;
    const before = type();
    // Suggested as an organisation by the name tagger (as a place before it); retyped as the other.
    const other = before === 'organisation' ? 'place' : 'organisation';
    await mention('White House').click();
    await bench.page.getByRole('group', { name: 'Annotation' }).getByRole('radio', { name: other === 'place' ? 'Place' : 'Organisation' }).click();
    await undoRedo(type, before, other);
  });

  it('undoes and redoes a span change', async () => {
    const id = mentionId('Al Jazeera');
    const span = () => read('SELECT quote, start, end FROM mention WHERE id = ?', id);
    const before = span()!;
    await mention('Al Jazeera').click();
    await bench.page.keyboard.press('Shift+ArrowRight');
    await undoRedo(span, before, { quote: 'Al Jazeera on', start: before.start, end: (before.end as number) + 3 });
  });

  it('undoes and redoes a tag on the article', async () => {
    const { page } = bench;
    await tagOpenArticle(bench, 'Northern offensive');
    const tagged = () => read('SELECT count(*) AS n FROM article_tag')!.n;
    await undoRedo(tagged, 0, 1);
    await page.locator('.reader .tag-chip', { hasText: 'Northern offensive' }).waitFor();
  });

  it('undoes and redoes a grading change', async () => {
    const side = bench.page.getByRole('complementary', { name: 'Article details' });
    await side.getByLabel('Reliability').selectOption('B');
    const grade = () => read('SELECT reliability FROM article')!.reliability;
    await undoRedo(grade, null, 'B');
    await expect.poll(() => side.getByLabel('Reliability').inputValue()).toBe('B');
  });

  it('undoes and redoes a relation', async () => {
    const { page } = bench;
    await relateSpokesman(bench);
    const relations = () => read("SELECT count(*) AS n FROM relation WHERE type = 'spokesman for'")!.n;
    await undoRedo(relations, 0, 1);
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Relations' }).click();
    await expect.poll(() => page.getByTestId('relation-count').textContent()).toBe('1 relation');
  });

  it('undoes and redoes an event edit made in the events table', async () => {
    const { page } = bench;
    // The event is coded through the API (coding is tested in events.test.ts); its edit is under test.
    const article = (await api('articles.page', { query: {}, startRow: 0, endRow: 1 })).rows[0]!;
    const body = (await api('articles.get', { id: article.id })).body;
    const sentence = 'In the city of Kunduz, the capital of the province of the same name, the Taliban captured the entrance to the city';
    const draft = await api('events.draft', { articleId: article.id, start: body.indexOf(sentence), end: body.indexOf(sentence) + sentence.length });
    const forces = await api('entities.create', { type: 'organisation', name: 'Military Forces of Afghanistan' });
    const made = await api('events.create', {
      input: { ...(draft.input as object), date: '2021-06-20', timePrecision: 1, actor1: { ...(draft.input.actor1 as object), type: 2 }, actor2: { entityId: forces.id, type: 1 }, fatalities: 0 } as never,
      evidence: draft.evidence,
      acceptWarnings: true,
    });
    expect(made.problems.filter((p) => p.severity === 'error')).toEqual([]);
    await page.getByRole('tab', { name: 'Events' }).click();
    const row = () => page.locator('[data-testid="events-table"] .ag-row', { hasText: 'Kunduz' }).first();
    const editor = page.locator('[data-testid="events-table"] .ag-cell-inline-editing input');
    await expect.poll(() => row().locator('[col-id="fatalities"]').textContent()).toBe('0');
    // The table may still be refreshing after the event came in, which ends an edit just begun: try again.
    for (let tries = 0; tries < 5 && !(await editor.isVisible()); tries++) {
      await row().locator('[col-id="fatalities"]').dblclick();
      await editor.waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    await editor.fill('7');
    await page.keyboard.press('Enter');
    const fatalities = () => read('SELECT fatalities FROM event WHERE id = ?', made.event!.id)!.fatalities;
    await undoRedo(fatalities, 0, 7);
    await expect.poll(() => row().locator('[col-id="fatalities"]').textContent()).toBe('7');
  });

  it('undoes the delete of an article (the bin), with its tags and mentions, and redoes it', async () => {
    const { page } = bench;
    await page.getByRole('tab', { name: 'Articles' }).click();
    const counts = () => read('SELECT (SELECT count(*) FROM article) AS articles, (SELECT count(*) FROM mention) AS mentions, (SELECT count(*) FROM article_tag) AS tags');
    const before = counts();
    await page.locator('.ag-row', { hasText: TITLE }).locator('input[type="checkbox"]').first().check();
    const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
    await bar.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await undoRedo(counts, before, { articles: 0, mentions: 0, tags: 0 });
    await pressInWindow(bench, 'Control+z');
    await expect.poll(counts).toEqual(before);
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('1 article');
    // Searchable again: its words went back into the index.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('Taliqan');
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('1 article match');
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
  });

  it('lists the changes in the History panel with who and when, and checks the audit trail', async () => {
    const { page } = bench;
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'History' });
    await panel.getByText('Reject mention “Americans”').first().waitFor();
    expect(await panel.getByTestId('history-entry').count()).toBeGreaterThan(10);
    expect(await panel.getByTestId('history-entry').first().textContent()).toContain('Undo: Delete article');
    await panel.getByRole('button', { name: 'Check the audit trail' }).click();
    await expect.poll(() => panel.getByTestId('audit-result').textContent()).toMatch(/^The audit trail is intact/);
    await panel.getByRole('button', { name: 'Close' }).click();
  });

  it('undoes and redoes every kind of action across a restart of the server, one step at a time', async () => {
    let { page } = bench;
    await page.locator('.ag-row', { hasText: TITLE }).first().click();
    const side = () => bench.page.getByRole('complementary', { name: 'Article details' });
    await side().getByLabel('Credibility').selectOption('2');
    await expect.poll(() => read('SELECT credibility FROM article')?.credibility).toBe(2);
    // A reject and a delete left done (the tests above took theirs back), so every kind is on the stack.
    await mention('Americans').click();
    await page.keyboard.press('r');
    await expect.poll(() => read("SELECT status FROM mention WHERE quote = 'Americans'")?.status).toBe('rejected');
    const done = state();
    expect(done).toMatchObject({ credibility: 2, rejected: true, fatalities: 7, relations: 1, reliability: 'B', tags: 1, span: 'Al Jazeera on' });
    // Esc lets go of the mention, then closes the reader, which covers the table's check boxes.
    await pressInWindow(bench, 'Escape');
    await pressInWindow(bench, 'Escape');
    await page.getByRole('tab', { name: 'Articles' }).click();
    await page.locator('.ag-row', { hasText: TITLE }).locator('input[type="checkbox"]').first().check();
    await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => read('SELECT count(*) AS n FROM article')!.n).toBe(0);

    const workspace = bench.workspace;
    await bench.close();
    // The old server lets go of the workspace lock as it exits.
    await new Promise((r) => setTimeout(r, 1500));
    bench = await openWorkbench({ workspace });
    page = bench.page;
    expect(await page.getByTestId('read-only').count()).toBe(0);

    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    const redo = page.getByRole('button', { name: 'Redo', exact: true });
    const titleOf = (button: typeof undo) => button.getAttribute('title');
    const stepped = async (button: typeof undo, keys: string) => {
      const title = await titleOf(button);
      await pressInWindow(bench, keys);
      await expect.poll(() => titleOf(button)).not.toBe(title);
    };
    await expect.poll(() => titleOf(undo)).toMatch(/^Undo: Delete/);
    // Ctrl+Z until the stack is empty: each kind goes back to what it was before the tests acted.
    for (let steps = 0; (await undo.isEnabled()) && steps < 40; steps++) await stepped(undo, 'Control+z');
    await expect.poll(state).toEqual(initial);
    // Ctrl+Shift+Z all the way: each kind comes back, the article deleted last of all.
    for (let steps = 0; (await redo.isEnabled()) && steps < 40; steps++) await stepped(redo, 'Control+Shift+Z');
    await expect.poll(() => state().deleted).toBe(true);
    // Undone once more, the article is back with everything done to it; Ctrl+Y redoes too.
    await stepped(undo, 'Control+z');
    await expect.poll(state).toEqual(done);
    await stepped(redo, 'Control+y');
    await expect.poll(() => state().deleted).toBe(true);
  });
});
