import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, mapPixel, openSample, openWorkbench, selectText, type Bench } from './harness.js';


describe.skipIf(!chromiumPath)('reviewing entities and reading the map (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
    await openSample(bench);
  });
  afterAll(async () => bench?.close());

  const mention = (quote: string) => bench.page.locator('.mention', { hasText: quote }).first();

  it('shows the suggestions in the reader, visibly apart from accepted ones', async () => {
    await expect.poll(() => bench.page.getByTestId('mention-counts').textContent(), { timeout: 20_000 }).toMatch(/^[1-9]\d* suggested · 0 accepted$/);
    expect(await mention('Amruddin Wali').getAttribute('class')).toContain('type-person status-suggested');
    expect(await mention('Maimana').getAttribute('class')).toContain('type-place');
  });

  it('accepts with the keyboard and the entity links to its gazetteer place', async () => {
    const { page } = bench;
    await mention('Maimana').click();
    const panel = page.getByRole('group', { name: 'Annotation' });
    await panel.getByText('Maymana', { exact: false }).first().waitFor();
    await page.keyboard.press('a');
    // The accept, the history record and the re-read of the mentions take a round trip: more than a second on a busy machine.
    await expect.poll(() => mention('Maimana').getAttribute('class'), { timeout: 5_000 }).toContain('status-accepted');
    expect(await panel.textContent()).toMatch(/Maymana, Faryab, AF \(35\.92\d, 64\.78\d\)/);
  });

  it('rejects a suggestion and changes the type of another', async () => {
    const { page } = bench;
    await mention('Americans').click();
    await page.keyboard.press('r');
    await expect.poll(() => page.locator('.mention', { hasText: 'Americans' }).count()).toBe(0);
    // The tagger reads "the White House" as an organisation; the analyst means the building.
    await mention('White House').click();
    await page.getByRole('group', { name: 'Annotation' }).getByRole('radio', { name: 'Place' }).click();
    await expect.poll(() => mention('White House').getAttribute('class')).toContain('type-place status-accepted');
  });

  it('marks a selection by hand, replacing the suggestion inside it', async () => {
    const { page } = bench;
    await selectText(bench, 'Kunduz provincial council');
    await page.getByRole('group', { name: 'Annotate selection' }).waitFor();
    await page.keyboard.press('2');
    await expect.poll(() => mention('Kunduz provincial council').getAttribute('class')).toContain('type-organisation status-accepted');
  });

  it('stretches a span with the keyboard', async () => {
    const { page } = bench;
    await mention('Al Jazeera').click();
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => page.getByRole('group', { name: 'Annotation' }).locator('.mention-quote strong').textContent()).toBe('“Al Jazeera on”');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => page.getByRole('group', { name: 'Annotation' }).locator('.mention-quote strong').textContent()).toBe('“Al Jazeera”');
  });

  it('lists entities, opens one, and filters the articles by it from its page', async () => {
    const { page } = bench;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Entities' }).click();
    await page.locator('[data-testid="entities-table"] .ag-row', { hasText: 'Amruddin Wali' }).first().click();
    await expect.poll(() => page.getByTestId('entity-name').textContent()).toBe('Amruddin Wali');
    expect(await page.locator('.occurrences').textContent()).toContain('said Amruddin Wali, a member of the Kunduz');
    await page.getByRole('button', { name: 'Show its articles' }).click();
    await page.getByRole('toolbar', { name: 'Filters' }).getByText('Mentions: Amruddin Wali').waitFor();
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('1 article match');
    await page.getByRole('button', { name: 'Remove filter Mentions: Amruddin Wali' }).click();
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('1 article');
  });

  it("does not carry one entity's merge offers to another's page (nor offer a merge into itself)", async () => {
    const { page } = bench;
    const row = (name: string) => page.locator('[data-testid="entities-table"] .ag-row', { hasText: name }).first();
    await page.getByRole('tab', { name: 'Entities' }).click();
    await row('Amruddin Wali').click();
    await expect.poll(() => page.getByTestId('entity-name').textContent()).toBe('Amruddin Wali');
    await page.getByLabel('Find the entity to merge into').fill('Selab');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('button', { name: 'Merge into this' }).first().waitFor();
    await row('Sebghatullah Selab').click();
    await expect.poll(() => page.getByTestId('entity-name').textContent()).toBe('Sebghatullah Selab');
    expect(await page.getByRole('button', { name: 'Merge into this' }).count()).toBe(0);
    expect(await page.getByLabel('Find the entity to merge into').inputValue()).toBe('');
    expect(await page.getByLabel('Find the entity to merge into').getAttribute('placeholder')).toBe('Find a person…');
    await page.getByRole('tab', { name: 'Articles' }).click();
  });

  it('selects a place clicked on the map, like a row: its entity opens and every view marks it', async () => {
    const { page } = bench;
    await expect.poll(() => page.getByTestId('map').getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
    await expect.poll(() => page.locator('.map-canvas').getAttribute('data-idle-places'), { timeout: 20_000 }).not.toBe('0');
    const db = new Database(bench.workspace, { readonly: true });
    // The country sits alone at its centre; each town shares its point with its province.
    const place = db.prepare("SELECT id, lat, lon FROM entity WHERE name = 'Afghanistan' AND type = 'place'").get() as { id: number; lat: number; lon: number };
    db.close();
    const { x, y } = await mapPixel(bench, place.lat, place.lon);
    await page.mouse.click(x, y);
    await expect.poll(() => page.getByTestId('selection-bar').textContent()).toContain('Entity: Afghanistan');
    await expect.poll(() => page.locator('.map-canvas').getAttribute('data-ringed')).toBe(String(place.id));
    await page.getByTestId('selection-bar').getByRole('button', { name: 'Clear selection' }).click();
  });

  it('draws the map offline and filters by the places in view', async () => {
    const { page } = bench;
    await expect.poll(() => page.getByTestId('map').getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
    const shot = await page.getByTestId('map').screenshot();
    expect(shot.length).toBeGreaterThan(10_000);
    await page.getByLabel('Only articles with places in view').check();
    await page.getByRole('toolbar', { name: 'Filters' }).getByText('Places in the map view').waitFor();
    await expect.poll(() => page.getByTestId('article-count').textContent()).toBe('1 article match');
    await page.getByLabel('Zoom in').click();
    await page.getByLabel('Zoom in').click();
    await page.getByLabel('Zoom in').click();
    await page.getByLabel('Zoom in').click();
    await page.getByLabel('Zoom in').click();
    await page.getByLabel('Zoom in').click();
    await page.getByLabel('Zoom in').click();
    await page.getByLabel('Zoom in').click();
    await expect.poll(() => page.getByTestId('article-count').textContent(), { timeout: 10_000 }).toBe('0 articles match');
  });

  it('made no request outside the app, map included, and no script error', () => {
    const foreign = bench.requests.map((r) => r.url()).filter((u) => !u.startsWith(bench.origin) && !/^(data|blob):/.test(u));
    expect(foreign).toEqual([]);
    expect(bench.requests.some((r) => /maplibre-gl-worker|worker/.test(r.url()))).toBe(true);
    expect(bench.pageErrors).toEqual([]);
  });
});
