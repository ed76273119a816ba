import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, openWorkbench, pageCall, relateSpokesman, waitForMentions, type Bench, fillSaveTo } from './harness.js';

describe.skipIf(!chromiumPath)('relations and the link chart (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
    await bench.page.getByRole('button', { name: 'Load the sample article' }).click();
    await bench.page.locator('.ag-row', { hasText: 'After a brief offensive' }).first().click();
    await waitForMentions(bench);
  }, 420_000);
  afterAll(async () => bench?.close());

  it('relates a spokesman to his ministry from the sentence that says so', async () => {
    const { page } = bench;
    await relateSpokesman(bench);
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Relations' }).click();
    await expect.poll(() => page.getByTestId('relation-count').textContent()).toBe('1 relation');
    expect(await page.locator('[data-testid="relations-table"] .ag-row').first().textContent()).toContain('spokesman for');
  });

  it('exports the relations table as its search leaves it', async () => {
    const { page } = bench;
    const exportShown = async (name: string) => {
      await page.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export and exchange' });
      await expect.poll(() => dialog.getByTestId('export-scope').textContent()).toContain('The relations table as shown');
      const csv = path.join(bench.dir, name);
      await fillSaveTo(dialog, csv);
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Saved');
      await dialog.getByRole('button', { name: 'Close' }).click();
      return fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    };
    const search = page.getByLabel('Search articles');
    await search.fill('Kandahar');
    await expect.poll(() => page.getByTestId('relation-count').textContent()).toBe('0 relations matching “Kandahar”');
    expect(await exportShown('no-relations.csv')).toEqual(['From,Relation,To,When,Notes,Evidence']);
    await search.fill('spokesman');
    await expect.poll(() => page.getByTestId('relation-count').textContent()).toBe('1 relation matching “spokesman”');
    const rows = await exportShown('spokesman.csv');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^Rohullah Ahmadzai,spokesman for,Ministry of Defence,/);
    await search.fill('');
    await expect.poll(() => page.getByTestId('relation-count').textContent()).toBe('1 relation');
  });

  it('draws the link chart, shows an arrow’s evidence on click, and selects an entity from its node', async () => {
    const { page } = bench;
    await page.getByRole('tab', { name: 'Link chart' }).click();
    await expect.poll(() => page.getByTestId('graph-size').textContent()).toBe('2 entities, 1 relation');
    const chart = page.getByTestId('link-chart');
    await expect.poll(() => chart.getAttribute('data-positions'), { timeout: 10_000 }).not.toBeNull();
    const dialog = page.getByRole('dialog', { name: 'Relation evidence' });
    // The arrow is a few pixels wide: click its middle, a pixel above or below if need be. The chart's
    // box and its nodes' places are read before each click: a notice or bar coming or going above it
    // moves the box, and the chart, drawn first in the box it had, draws again when the box is
    // resized (with Chromium 156 the first places read were 19 px above the arrow then drawn).
    for (const dy of [0, 1, -1, 0]) {
      const box = (await chart.boundingBox())!;
      const [a, b] = Object.values(JSON.parse((await chart.getAttribute('data-positions'))!) as Record<string, [number, number]>) as [[number, number], [number, number]];
      await page.mouse.click(box.x + (a[0] + b[0]) / 2, box.y + (a[1] + b[1]) / 2 + dy);
      if (await dialog.waitFor({ timeout: 1500 }).then(() => true, () => false)) break;
    }
    await dialog.waitFor({ timeout: 1000 });
    expect(await dialog.textContent()).toContain('“Rohullah Ahmadzai, a spokesman for the defense ministry”');
    // The arrow's relation is now the selection every view marks.
    await expect.poll(() => page.getByTestId('selection-bar').textContent()).toContain('Relation: Rohullah Ahmadzai spokesman for Ministry of Defence');
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The selection bar came in above the tables: the chart has moved down.
    const moved = (await chart.boundingBox())!;
    const now = JSON.parse((await chart.getAttribute('data-positions'))!) as Record<string, [number, number]>;
    const [id, [x, y]] = Object.entries(now)[0]!;
    await page.mouse.click(moved.x + x, moved.y + y);
    await expect.poll(() => chart.getAttribute('data-selected')).toBe(id);
    await page.getByTestId('entity-name').waitFor();
  });

  it('selecting a relation marks its two entities in the chart and its source article in the table', async () => {
    const { page } = bench;
    await page.getByRole('tab', { name: 'Relations' }).click();
    await page.locator('[data-testid="relations-table"] .ag-row').first().click();
    const bar = page.getByTestId('selection-bar');
    await expect.poll(() => bar.textContent()).toContain('Relation: Rohullah Ahmadzai spokesman for Ministry of Defence');
    await expect.poll(() => page.locator('[data-testid="relations-table"] .ag-row').first().getAttribute('class')).toContain('row-current');
    await page.getByRole('tab', { name: 'Link chart' }).click();
    const chart = page.getByTestId('link-chart');
    await expect.poll(() => chart.getAttribute('data-positions'), { timeout: 10_000 }).not.toBeNull();
    const ids = Object.keys(JSON.parse((await chart.getAttribute('data-positions'))!) as object).map(Number).sort((a, b) => a - b);
    await expect.poll(() => chart.getAttribute('data-linked')).toBe(ids.join(','));
    await page.getByRole('tab', { name: 'Articles' }).click();
    await expect.poll(() => page.locator('[data-testid="articles-table"] .ag-row', { hasText: 'After a brief offensive' }).first().getAttribute('class')).toContain('row-linked');
    expect(bench.requests.map((r) => r.url()).filter((u) => !u.startsWith(bench.origin) && !/^(data|blob):/.test(u))).toEqual([]);
    expect(bench.pageErrors).toEqual([]);
  });

  it('spreads a chart of many entities over its whole box and fits it again after a zoom', async () => {
    const { page } = bench;
    // A network of 14 new entities: a commander with twelve men under him, two of them linked.
    const make = (type: 'person' | 'organisation', name: string) => pageCall(bench, 'entities.create', { type, name });
    const hub = await make('person', 'Commander Qari Wakil');
    const men = [];
    for (let i = 1; i <= 12; i++) men.push(await make(i % 3 === 0 ? 'organisation' : 'person', `Fighter ${String.fromCharCode(64 + i)} of the northern group`));
    for (const man of men) await pageCall(bench, 'relations.create', { input: { sourceId: man.id, targetId: hub.id, type: 'member of' } as never, evidence: [] });
    await pageCall(bench, 'relations.create', { input: { sourceId: men[0]!.id, targetId: men[1]!.id, type: 'allied with' } as never, evidence: [] });
    await page.getByRole('tab', { name: 'Link chart' }).click();
    const chart = page.getByTestId('link-chart');
    await expect.poll(() => chart.getAttribute('data-nodes'), { timeout: 10_000 }).toBe('15');
    const positions = async () => Object.values(JSON.parse((await chart.getAttribute('data-positions'))!) as Record<string, [number, number]>);
    const box = (await chart.boundingBox())!;
    const inside = (ps: [number, number][]) => ps.every(([x, y]) => x >= 0 && x <= box.width && y >= 0 && y <= box.height);
    let ps = await positions();
    expect(inside(ps)).toBe(true);
    // Not crammed at the top: the nodes use the box both ways (drawn to scale, so the shorter side
    // bounds both), and none sits on another.
    const side = Math.min(box.width, box.height);
    const spread = (i: 0 | 1) => Math.max(...ps.map((p) => p[i])) - Math.min(...ps.map((p) => p[i]));
    expect(spread(0)).toBeGreaterThan(side * 0.4);
    expect(spread(1)).toBeGreaterThan(side * 0.4);
    let nearest = Infinity;
    for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) nearest = Math.min(nearest, Math.hypot(ps[i]![0] - ps[j]![0], ps[i]![1] - ps[j]![1]));
    expect(nearest).toBeGreaterThan(12);
    // Zoomed in, part of the chart leaves the box; Fit brings all of it back.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -400);
    await expect.poll(async () => inside(await positions()), { timeout: 5_000 }).toBe(false);
    await page.getByRole('button', { name: 'Fit' }).click();
    await expect.poll(async () => inside(await positions()), { timeout: 5_000 }).toBe(true);
    ps = await positions();
    expect(spread(1)).toBeGreaterThan(side * 0.4);
    expect(bench.pageErrors).toEqual([]);
  });
});
