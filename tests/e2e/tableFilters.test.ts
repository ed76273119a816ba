import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventInputRaw } from '../../electron/contract/index.js';
import { chromiumPath, openSample, openWorkbench, pageCall, type Bench } from './harness.js';

describe.skipIf(!chromiumPath)('column filters and the search box on the registry tables (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
    await openSample(bench, { mentions: true });
    // Two events and a relation, made through the API: what is under test is finding them again.
    const articleId = (await pageCall(bench, 'articles.page', { query: {}, startRow: 0, endRow: 1 })).rows[0]!.id;
    const body = (await pageCall(bench, 'articles.get', { id: articleId })).body;
    const span = (text: string) => ({ articleId, start: body.indexOf(text), end: body.indexOf(text) + text.length });
    const entity = async (search: string) => (await pageCall(bench, 'entities.page', { query: { search }, startRow: 0, endRow: 1 })).rows[0]!.id;
    const taliban = await entity('taliban');
    const forces = (await pageCall(bench, 'entities.create', { type: 'organisation', name: 'Military Forces of Afghanistan' })).id;
    const event = async (sentence: string, input: Partial<EventInputRaw>) => {
      const draft = await pageCall(bench, 'events.draft', span(sentence));
      const input_ = { ...(draft.input as object), date: '2021-06-20', timePrecision: 1, actor1: { entityId: taliban, type: 2 }, actor2: { entityId: forces, type: 1 }, fatalities: 0, ...input };
      await pageCall(bench, 'events.create', { input: input_ as EventInputRaw, evidence: draft.evidence, acceptWarnings: true });
    };
    await event('In the city of Kunduz, the capital of the province of the same name, the Taliban captured the entrance to the city', { notes: 'Entry into the city' });
    await event('the Taliban clashed with security forces until Sunday night', { locationId: await entity('maimana'), geoPrecision: 1, fatalities: 4 });
    const ministry = (await pageCall(bench, 'entities.create', { type: 'organisation', name: 'Ministry of Defence' })).id;
    await pageCall(bench, 'relations.create', { input: { sourceId: await entity('Rohullah Ahmadzai'), targetId: ministry, type: 'spokesman for' } });
  }, 420_000);
  afterAll(async () => bench?.close());

  it('filters the Events table by a column in the grid header', async () => {
    const { page } = bench;
    await page.getByRole('tab', { name: /^Events/ }).click();
    await expect.poll(() => page.getByTestId('event-count').textContent()).toBe('2 events');
    await page.locator('[data-testid="events-table"] .ag-header-cell[col-id="fatalities"] .ag-header-cell-filter-button').click();
    await page.locator('.ag-filter-body input').first().fill('4');
    await expect.poll(() => page.getByTestId('event-count').textContent()).toBe('1 event');
    const rows = page.locator('[data-testid="events-table"] .ag-row');
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('Maymana')]);
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('event-count').textContent()).toBe('2 events');
  });

  it('narrows the entities, events and relations tables by their own names as the analyst types, and says so on the tabs', async () => {
    const { page } = bench;
    await page.getByPlaceholder(/^Search:/).fill('ahmadzai');
    await expect.poll(() => page.getByTestId('entities-search-count').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('relations-search-count').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('events-search-count').textContent()).toBe('0');
    await expect.poll(() => page.getByTestId('event-count').textContent()).toBe('0 events matching “ahmadzai”');

    await page.getByRole('tab', { name: /^Entities/ }).click();
    await expect.poll(() => page.locator('[data-testid="entities-table"] .ag-row').allTextContents()).toEqual([expect.stringContaining('Rohullah Ahmadzai')]);
    await page.getByRole('tab', { name: /^Relations/ }).click();
    await expect.poll(() => page.locator('[data-testid="relations-table"] .ag-row').allTextContents()).toEqual([expect.stringContaining('spokesman for')]);

    await page.getByPlaceholder(/^Search:/).fill('entry');
    await page.getByRole('tab', { name: /^Events/ }).click();
    await expect.poll(() => page.getByTestId('event-count').textContent()).toBe('1 event matching “entry”');
    await expect.poll(() => page.locator('[data-testid="events-table"] .ag-row').allTextContents()).toEqual([expect.stringContaining('Kunduz')]);
    await page.getByPlaceholder(/^Search:/).fill('');
    await expect.poll(() => page.getByTestId('event-count').textContent()).toBe('2 events');
    expect(await page.getByTestId('events-search-count').count()).toBe(0);
    expect(bench.pageErrors).toEqual([]);
  });
});
