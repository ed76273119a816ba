import Database from 'better-sqlite3-multiple-ciphers';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chromiumPath, FIRST_SUGGESTIONS_MS, mapPixel, openSample, openWorkbench, readRow, selectText, type Bench, fillSaveTo } from './harness.js';

const hasPoppler = spawnSync('pdftoppm', ['-v']).status === 0;


describe.skipIf(!chromiumPath)('coding events from the sample article (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
    const { page } = bench;
    await openSample(bench, { mentions: true });
    const side = page.getByRole('complementary', { name: 'Article details' });
    await side.getByLabel('Published (YYYY-MM-DD)').fill('2021-06-21');
    await page.keyboard.press('Enter');
    await side.getByText('Saved ✓').waitFor();
    await page.getByRole('button', { name: 'Suggest again' }).click();
    // The first reading's "Sunday" mentions stay on screen until the second replaces them, and they
    // knew no publication day: the lead's must have its day before an event is drafted from it.
    const leadDay = () => readRow<{ day: string | null }>(bench, `SELECT date_value AS day FROM mention WHERE type = 'date' AND quote LIKE '%Sunday%' ORDER BY start LIMIT 1`)?.day;
    await vi.waitFor(() => expect(leadDay()).toBe('2021-06-20'), { timeout: FIRST_SUGGESTIONS_MS, interval: 250 });
    await page.locator('.mention[title^="date"]', { hasText: 'Sunday' }).first().waitFor();
  }, 420_000);
  afterAll(async () => bench?.close());

  const form = () => bench.page.getByRole('form', { name: /Code an event|Event \d+/ });

  async function pick(label: 'Actor 1' | 'Actor 2', name: string) {
    await form().getByRole('textbox', { name: label, exact: true }).fill(name);
    await form().getByRole('listbox', { name: `${label} choices`, exact: true }).waitFor();
    const existing = form().getByRole('option', { name: new RegExp(`^${name}`) });
    await existing.first().waitFor({ timeout: 2000 }).catch(() => undefined);
    if (await existing.count()) await existing.first().click();
    else await form().getByRole('button', { name: `Add “${name}” as a new organisation` }).click();
  }

  async function code(sentence: string, expectPlace: string, actor2: string, actor1?: string) {
    const { page } = bench;
    await selectText(bench, sentence);
    await page.keyboard.press('e');
    await form().waitFor();
    await expect.poll(() => form().textContent()).toContain(expectPlace);
    if (actor1) await pick('Actor 1', actor1);
    if (await form().getByRole('textbox', { name: 'Actor 2', exact: true }).count()) await pick('Actor 2', actor2);
    await form().getByLabel('Actor 2 type').selectOption('1');
    // A type is proposed only from a cue or earlier coding; the analyst gives the rest.
    if ((await form().getByLabel('Actor 1 type').inputValue()) === '') await form().getByLabel('Actor 1 type').selectOption('2');
    await expect.poll(() => form().getByRole('button', { name: 'Create event' }).isEnabled()).toBe(true);
    await form().getByRole('button', { name: 'Create event' }).click();
    await form().getByRole('heading', { name: /^Event \d+$/ }).waitFor();
    await form().getByRole('button', { name: 'Close the event form' }).click();
  }

  it('codes the Taliban entry into Kunduz, the fighting at Maimana and near Taliqan, each with evidence', async () => {
    const { page } = bench;
    await selectText(bench, 'In the city of Kunduz, the capital of the province of the same name, the Taliban captured the entrance to the city');
    await page.keyboard.press('e');
    await form().waitFor();
    expect(await form().getByLabel('Sub-event type').inputValue()).toBe('Non-state actor overtakes territory');
    expect(await form().getByTestId('evidence-actor1').textContent()).toContain('the Taliban captured the entrance');
    expect(await form().getByTestId('evidence-fatalities').textContent()).toBe('no evidence');
    await form().getByRole('button', { name: 'Close the event form' }).click();

    await code('In the city of Kunduz, the capital of the province of the same name, the Taliban captured the entrance to the city', 'Kunduz', 'Military Forces of Afghanistan');
    await code('To the west of Kunduz in Maimana, the capital of Faryab province, Taliban fighters appeared at the entrance to the city before penetrating the outskirts of the city. After a series of power takeovers in the surrounding districts of the capital in the past few days, the Taliban clashed with security forces until Sunday night.', 'Maymana', 'Military Forces of Afghanistan');
    await code('On Sunday, fighting also broke out near the entrance to Taliqan, the capital of Takhar', 'Taloqan', 'Military Forces of Afghanistan', 'Taliban');

    await page.getByRole('tab', { name: 'Events' }).click();
    await expect.poll(() => page.getByTestId('event-count').textContent()).toBe('3 events');
    const rows = page.locator('[data-testid="events-table"] .ag-row');
    await expect.poll(() => rows.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Taloqan'), expect.stringContaining('Maymana'), expect.stringContaining('Kunduz')]),
    );
    expect((await rows.allTextContents()).every((r) => r.includes('20 Jun 2021'))).toBe(true);
  });

  it('writes every date on screen one way: the analyst’s locale, or ISO when asked', async () => {
    const { page } = bench;
    const dates = page.locator('[data-testid="events-table"] .ag-row [col-id="date"]');
    const ticks = page.locator('.timeline .tick');
    const dateStyle = async () => {
      await page.getByRole('button', { name: /^Workspace:/ }).click();
      await page.getByRole('menuitemcheckbox', { name: /^(✓ )?Dates as 2021-06-20 \(ISO\) rather than 20 Jun 2021$/ }).click();
    };
    await expect.poll(() => dates.allTextContents()).toEqual(['20 Jun 2021', '20 Jun 2021', '20 Jun 2021']);
    expect((await ticks.allTextContents()).every((t) => /^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/.test(t))).toBe(true);
    await dateStyle();
    await expect.poll(() => dates.allTextContents()).toEqual(['2021-06-20', '2021-06-20', '2021-06-20']);
    await expect.poll(async () => (await ticks.allTextContents()).every((t) => /^\d{4}-\d{2}-\d{2}$/.test(t))).toBe(true);
    await dateStyle();
    await expect.poll(() => dates.allTextContents()).toEqual(['20 Jun 2021', '20 Jun 2021', '20 Jun 2021']);
  });

  it('rejects an invalid event with the right message', async () => {
    const { page } = bench;
    await page.locator('.ag-row', { hasText: 'After a brief offensive' }).first().waitFor({ state: 'detached' }).catch(() => undefined);
    await page.getByRole('tab', { name: 'Articles' }).click();
    await page.locator('.ag-row', { hasText: 'After a brief offensive' }).first().click();
    await page.getByTestId('mention-counts').waitFor();
    await selectText(bench, 'In May, Taliban troops entered Lashkar Gah, the capital of Helmand Province');
    await page.keyboard.press('e');
    await form().waitFor();
    await form().getByText('A battle has two sides: add actor 2.').waitFor();
    expect(await form().getByRole('button', { name: 'Create event' }).isDisabled()).toBe(true);
    await form().getByRole('button', { name: 'Close the event form' }).click();
  });

  it('selects an event on the map and finds it selected in the table', async () => {
    const { page } = bench;
    await page.getByRole('tab', { name: 'Events' }).click();
    await expect.poll(() => page.getByTestId('map').getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
    await expect.poll(() => page.locator('.map-canvas').getAttribute('data-events')).toBe('3');
    // Let the map draw the new data (it has no per-layer "drawn" event).
    await page.waitForTimeout(500);
    const { x, y } = await mapPixel(bench, 36.73605, 69.53451);
    await page.mouse.click(x, y);
    await page.getByRole('form', { name: /Event \d+/ }).waitFor();
    const id = (await page.getByRole('form', { name: /Event \d+/ }).getAttribute('aria-label'))!.replace('Event ', '');
    await expect.poll(() => page.locator('.map-canvas').getAttribute('data-selected-event')).toBe(id);
    await expect.poll(() => page.locator(`[data-testid="events-table"] .ag-row[row-id="${id}"]`).first().getAttribute('class')).toContain('row-current');
    expect(await page.locator(`[data-testid="events-table"] .ag-row[row-id="${id}"]`).first().textContent()).toContain('Taloqan');
    await expect.poll(() => page.getByTestId('timeline').getAttribute('data-selected-date')).toBe('2021-06-20');
    expect(await page.locator('.timeline .bar-event.selected').count()).toBe(1);
  });

  it('shares one selection: an entity marks its events, articles and places; an event marks its actors and day', async () => {
    const { page } = bench;
    const bar = page.getByTestId('selection-bar');
    await page.getByRole('tab', { name: 'Entities' }).click();
    await page.locator('[data-testid="entities-table"] .ag-row', { hasText: 'Taliban' }).first().click();
    await expect.poll(() => bar.textContent()).toContain('Entity: Taliban');
    expect(await bar.textContent()).toContain('3 events');
    await expect.poll(() => page.getByTestId('timeline').getAttribute('data-selected-date')).toBe('2021-06-20');

    await page.getByRole('tab', { name: 'Events' }).click();
    const eventRows = page.locator('[data-testid="events-table"] .ag-row');
    await expect.poll(async () => (await eventRows.evaluateAll((rows) => rows.filter((r) => r.classList.contains('row-linked')).length))).toBe(3);
    await expect.poll(async () => ((await page.locator('.map-canvas').getAttribute('data-linked-events')) ?? '').split(',').filter(Boolean).length).toBe(3);
    await page.getByRole('tab', { name: 'Articles' }).click();
    await expect.poll(() => page.locator('[data-testid="articles-table"] .ag-row', { hasText: 'After a brief offensive' }).first().getAttribute('class')).toContain('row-linked');

    await page.getByRole('tab', { name: 'Events' }).click();
    await eventRows.filter({ hasText: 'Kunduz' }).first().click();
    await expect.poll(() => bar.textContent()).toContain('Event: 20 Jun 2021 non-state actor overtakes territory in Kunduz');
    await expect.poll(() => page.getByTestId('timeline').getAttribute('data-selected-date')).toBe('2021-06-20');
    await page.getByRole('tab', { name: 'Entities' }).click();
    const entityRow = (name: string) => page.locator('[data-testid="entities-table"] .ag-row', { has: page.getByText(name, { exact: true }) }).first();
    await expect.poll(() => entityRow('Kunduz').getAttribute('class')).toContain('row-linked');
    expect(await entityRow('Taliban').getAttribute('class')).toContain('row-linked');
    expect(await entityRow('Maymana').getAttribute('class')).not.toContain('row-linked');
    const kunduz = (await entityRow('Kunduz').getAttribute('row-id'))!;
    await expect.poll(async () => ((await page.locator('.map-canvas').getAttribute('data-ringed')) ?? '').split(',')).toContain(kunduz);

    await bar.getByRole('button', { name: 'Clear selection' }).click();
    await bar.waitFor({ state: 'detached' });
    await expect.poll(() => entityRow('Kunduz').getAttribute('class')).not.toContain('row-linked');
  });

  it('edits an event in place with the form’s validation: a good edit is kept and logged, a bad one refused', async () => {
    const { page } = bench;
    await page.getByRole('tab', { name: 'Events' }).click();
    const row = () => page.locator('[data-testid="events-table"] .ag-row', { hasText: 'Kunduz' }).first();
    const editor = page.locator('[data-testid="events-table"] .ag-cell-inline-editing input');
    await row().locator('[col-id="fatalities"]').dblclick();
    await editor.waitFor();
    await editor.fill('7');
    await page.keyboard.press('Enter');
    await expect.poll(() => row().locator('[col-id="fatalities"]').textContent()).toBe('7');
    const lastUpdate = () => {
      const db = new Database(bench.workspace, { readonly: true });
      try {
        return db.prepare("SELECT before, after FROM change_log WHERE subject = 'event' AND action = 'update' ORDER BY id DESC").get() as { before: string; after: string } | undefined;
      } finally {
        db.close();
      }
    };
    await expect.poll(lastUpdate).toBeDefined();
    const log = lastUpdate()!;
    expect(JSON.parse(log.before)).toMatchObject({ fatalities: 0 });
    expect(JSON.parse(log.after)).toMatchObject({ fatalities: 7 });

    // A negative count is refused with the reason, in the grid's words, and the cell goes back.
    await row().locator('[col-id="fatalities"]').dblclick();
    await editor.waitFor();
    await editor.fill('-5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Not saved: Fatalities cannot be negative');
    await expect.poll(() => row().locator('[col-id="fatalities"]').textContent()).toBe('7');
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();

    await row().locator('[col-id="date"]').dblclick();
    await editor.waitFor();
    await editor.fill('2021-07-01');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Not saved: The event date 1 Jul 2021 is after the publication of');
    await expect.poll(() => row().locator('[col-id="date"]').textContent()).toBe('20 Jun 2021');
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  });

  it('builds a report of the coded events, previews it, and saves a PDF whose first page shows the map and the events table', async () => {
    const { page } = bench;
    await page.getByRole('button', { name: 'Report…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report' });
    await dialog.getByLabel('Report title').fill('Northern offensive, June 2021');
    await dialog.getByLabel('Summary').fill('Three provincial capitals came under attack on Sunday.');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const preview = dialog.frameLocator('iframe[title="Report preview"]');
    await preview.getByText('Northern offensive, June 2021').waitFor();
    for (const place of ['Kunduz', 'Maymana', 'Taloqan']) await preview.locator('table.events').getByText(place).first().waitFor();
    expect(await preview.locator('img.map').getAttribute('src')).toMatch(/^data:image\/png;base64,/);

    const pdf = path.join(bench.dir, 'report.pdf');
    await fillSaveTo(dialog, pdf);
    await dialog.getByRole('button', { name: 'Save PDF' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 60_000 }).toBe(`Saved the report (3 events) to ${pdf}.`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    if (!hasPoppler) return console.warn('pdftoppm is missing: the PDF was saved but not looked at (install poppler-utils).');
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('TLP:AMBER');
    expect(text).toMatch(/Date\s+Event type\s+Actor 1\s+Actor 2\s+Location\s+Fatalities/);
    // The table starts under the map on page 1; its last rows may run onto page 2.
    const whole = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const place of ['Kunduz', 'Maymana', 'Taloqan']) expect(whole).toContain(place);
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '50', '-png', '-singlefile', pdf, path.join(bench.dir, 'page1')]);
    const png = PNG.sync.read(fs.readFileSync(path.join(bench.dir, 'page1.png')));
    // The map view's sea and land colours fill much of the page's upper half: the snapshot is there.
    const upper = Math.floor(png.height / 2);
    let mapPixels = 0;
    for (let i = 0; i < png.width * upper * 4; i += 4) {
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      const near = (c: number[]) => Math.abs(r - c[0]!) < 6 && Math.abs(g - c[1]!) < 6 && Math.abs(b - c[2]!) < 6;
      if (near([0xdc, 0xe8, 0xf2]) || near([0xf4, 0xf3, 0xee])) mapPixels++;
    }
    expect(mapPixels / (png.width * upper)).toBeGreaterThan(0.1);
  });

  it('reports “as filtered” exactly the events the Events table shows for the search', async () => {
    const { page } = bench;
    await page.getByRole('tab', { name: 'Events' }).click();
    // The article writes "Maimana": only the event placed at Maymana matches, by its own text.
    await page.getByLabel('Search articles').fill('Maymana');
    await expect.poll(() => page.getByTestId('event-count').textContent()).toBe('1 event matching “Maymana”');
    await page.getByRole('button', { name: 'Report…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report' });
    const asFiltered = dialog.getByRole('radio', { name: 'events matching “Maymana”' });
    expect(await asFiltered.isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => dialog.locator('iframe[title="Report preview"]').getAttribute('data-events')).toBe('1');
    const events = dialog.frameLocator('iframe[title="Report preview"]').locator('table.events');
    await events.getByText('Maymana').first().waitFor();
    expect(await events.getByText('Kunduz').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByLabel('Search articles').fill('');
    await expect.poll(() => page.getByTestId('event-count').textContent()).toBe('3 events');
  });

  it('exports the events table as shown to CSV', async () => {
    const { page } = bench;
    await page.getByRole('tab', { name: 'Events' }).click();
    await page.locator('[data-testid="events-table"] .ag-header-cell[col-id="fatalities"]').click();
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export and exchange' });
    await expect.poll(() => dialog.getByTestId('export-scope').textContent()).toContain('The events table as shown');
    const csv = path.join(bench.dir, 'events.csv');
    await fillSaveTo(dialog, csv);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Saved 3 records');
    const rows = fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(rows[0]!.startsWith('Date,Time precision,Event type,Sub-event type,Actor 1,Actor 2,Location,Geo precision,Fatalities')).toBe(true);
    expect(rows.slice(1).map((r) => r.split(',')[8])).toEqual(['0', '0', '7']);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('brushes a range on the timeline, which filters the events and the articles', async () => {
    const { page } = bench;
    const bar = (await page.locator('.timeline .bar-event').first().boundingBox())!;
    await page.mouse.move(bar.x - 30, bar.y + 5);
    await page.mouse.down();
    await page.mouse.move(bar.x - 10, bar.y + 5, { steps: 4 });
    await page.mouse.up();
    await page.getByRole('toolbar', { name: 'Filters' }).getByText(/^Dates: /).waitFor();
    await expect.poll(() => page.getByTestId('event-count').textContent()).toBe('0 events');
    await page.getByRole('button', { name: /Remove filter Dates/ }).click();
    await expect.poll(() => page.getByTestId('event-count').textContent()).toBe('3 events');
    const wide = (await page.getByTestId('timeline').boundingBox())!;
    await page.mouse.move(wide.x + 5, wide.y + 30);
    await page.mouse.down();
    await page.mouse.move(wide.x + wide.width - 5, wide.y + 30, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('event-count').textContent()).toBe('3 events');
    await page.getByRole('tab', { name: 'Articles' }).click();
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('1 article match');
  });

  it('made no request outside the app', () => {
    expect(bench.requests.map((r) => r.url()).filter((u) => !u.startsWith(bench.origin) && !/^(data|blob):/.test(u))).toEqual([]);
    expect(bench.pageErrors).toEqual([]);
  });
});
