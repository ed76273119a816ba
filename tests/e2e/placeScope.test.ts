import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, openWorkbench, pageCall, pressInWindow, readRow, selectText, waitForMentions, type Bench } from './harness.js';

/** Two articles about Faryab that name Dowlatabad; the gazetteer has Dowlatabads in Iran too (issue 13, trap 6). */
const FIRST = 'Taliban fighters attacked Dowlatabad in Faryab province, Afghanistan, on Monday. Residents of Dowlatabad fled to Maimana.';
const SECOND = 'Afghan forces retook Dowlatabad, in Faryab, on Friday, officials in Maimana said.';
/** The Iranian town among the mention's candidates ("Dowlatābād city · Kerman · IR · pop. …"). */
const IRAN_CANDIDATE = /^\s*Dowlatābād city · (.* · )?IR\b/;

describe.skipIf(!chromiumPath)('the reach of a place choice, and the location picker (browser mode, real Chromium)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openWorkbench();
    await bench.page.getByRole('button', { name: 'Load the sample article' }).waitFor({ timeout: 60_000 });
    await pageCall(bench, 'imports.start', { source: { kind: 'text', title: 'Fighting in Faryab', text: FIRST } });
    await bench.page.locator('.ag-row', { hasText: 'Fighting in Faryab' }).first().waitFor({ timeout: 120_000 });
    await pageCall(bench, 'imports.start', { source: { kind: 'text', title: 'Dowlatabad retaken', text: SECOND } });
    await bench.page.locator('.ag-row', { hasText: 'Dowlatabad retaken' }).first().click({ timeout: 120_000 });
    await waitForMentions(bench, bench.page.locator('.mention', { hasText: 'Dowlatabad' }).first());
    await bench.page.getByTestId('extracting').waitFor({ state: 'detached', timeout: 60_000 });
  }, 420_000);
  afterAll(async () => bench?.close());

  /** The country each Dowlatabad of the workspace is placed in, in article and text order. */
  const countries = () => {
    const row = readRow<{ list: string | null }>(
      bench,
      `SELECT group_concat(substr(e.place_label, -2), ' ') AS list FROM (SELECT m.entity_id FROM mention m WHERE m.quote = 'Dowlatabad' ORDER BY m.article_id, m.start) x
       JOIN entity e ON e.id = x.entity_id`,
    );
    return row?.list ?? '';
  };
  const panel = () => bench.page.getByRole('group', { name: 'Annotation' });

  it('asks how far a new candidate reaches, and moves this mention alone', async () => {
    const { page } = bench;
    expect(countries()).toBe('AF AF AF');
    await page.locator('.mention', { hasText: 'Dowlatabad' }).first().click();
    await panel().getByRole('heading', { name: 'Gazetteer candidates' }).waitFor();
    await panel().getByRole('radio', { name: IRAN_CANDIDATE }).check();
    // Nothing moves before the analyst answers.
    const question = panel().getByRole('group', { name: 'Where the new place applies' });
    await question.waitFor();
    expect(countries()).toBe('AF AF AF');
    await expect.poll(() => question.textContent()).toMatch(/Every mention of “Dowlatābād”, in all articles/);
    await question.getByRole('button', { name: 'This mention' }).click();
    await expect.poll(countries).toBe('AF AF IR');
    await expect.poll(() => panel().textContent(), { timeout: 30_000 }).toMatch(/Dowlatābād, (\S+ )*IR \(/);
    // One step back with Ctrl+Z.
    await pressInWindow(bench, 'Control+z');
    await expect.poll(countries).toBe('AF AF AF');
    // The panel follows the undo (until it does, the Iranian candidate is still the one checked); the
    // re-read may wait behind the name model learning from the decision, seconds on a busy machine.
    await expect.poll(() => panel().textContent(), { timeout: 30_000 }).toMatch(/Faryab, AF \(/);
  });

  it('Esc and Cancel leave the place as it was', async () => {
    await panel().getByRole('radio', { name: IRAN_CANDIDATE }).check();
    const question = panel().getByRole('group', { name: 'Where the new place applies' });
    await question.getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'detached' });
    await panel().getByRole('radio', { name: IRAN_CANDIDATE }).check();
    await question.getByRole('button', { name: 'This mention' }).press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(countries()).toBe('AF AF AF');
    // The reader is still open on the article.
    await panel().waitFor();
  });

  it('moves the entity everywhere when the analyst says so', async () => {
    await panel().getByRole('radio', { name: IRAN_CANDIDATE }).check();
    await panel().getByRole('button', { name: /Every mention of “Dowlatābād”, in all articles/ }).click();
    await expect.poll(countries).toBe('IR IR IR');
    await pressInWindow(bench, 'Control+z');
    await expect.poll(countries).toBe('AF AF AF');
  });

  it('merges the entity into the one that already holds the chosen record, and Ctrl+Z parts them', async () => {
    // The first article's first Dowlatabad alone is put in Iran (the record the open mention offers
    // as its Iranian candidate): an Iranian entity holds that record.
    const { IRAN } = readRow<{ IRAN: number }>(
      bench,
      `SELECT c.value ->> 'id' AS IRAN FROM mention m JOIN article a ON a.id = m.article_id, json_each(m.candidates) c
       WHERE m.quote = 'Dowlatabad' AND a.title = 'Dowlatabad retaken' AND c.value ->> 'country' = 'IR' AND c.value ->> 'kind' = 'city'`,
    )!;
    const firstMention = readRow<{ id: number }>(
      bench,
      "SELECT m.id FROM mention m JOIN article a ON a.id = m.article_id WHERE m.quote = 'Dowlatabad' AND a.title = 'Fighting in Faryab' ORDER BY m.start LIMIT 1",
    )!;
    await pageCall(bench, 'mentions.place', { id: firstMention.id, place: { gazetteerId: IRAN }, scope: 'this' });
    await expect.poll(countries).toBe('IR AF AF');
    const entities = () => readRow<{ n: number }>(bench, "SELECT count(DISTINCT entity_id) AS n FROM mention WHERE quote = 'Dowlatabad'")!.n;
    expect(entities()).toBe(2);

    await panel().getByRole('radio', { name: IRAN_CANDIDATE }).check();
    await panel().getByRole('button', { name: /Every mention of “Dowlatābād”, in all articles/ }).click();
    await expect.poll(countries).toBe('IR IR IR');
    expect(entities()).toBe(1);
    expect(readRow<{ n: number }>(bench, 'SELECT count(*) AS n FROM entity WHERE place_id = ?', IRAN)!.n).toBe(1);
    await pressInWindow(bench, 'Control+z');
    await expect.poll(countries).toBe('IR AF AF');
    expect(entities()).toBe(2);
    await pageCall(bench, 'history.undo', {});
    await expect.poll(countries).toBe('AF AF AF');
    await expect.poll(() => panel().textContent(), { timeout: 30_000 }).toMatch(/Faryab, AF \(/);
  });

  it('places an event at a gazetteer district not yet in the registry, or at a custom place typed in', async () => {
    const { page } = bench;
    const form = page.getByRole('form', { name: 'Code an event' });
    await selectText(bench, 'Afghan forces retook Dowlatabad, in Faryab, on Friday');
    await page.keyboard.press('e');
    await form.waitFor();
    if (await form.getByRole('button', { name: 'Clear Location' }).count()) await form.getByRole('button', { name: 'Clear Location' }).click();
    // Shindand is in the gazetteer, not in this workspace.
    await form.getByRole('textbox', { name: 'Location', exact: true }).fill('Shindand');
    const fromGazetteer = form.getByRole('option', { name: /^Shīnḏanḏ gazetteer · city · .*AF/ });
    await fromGazetteer.click();
    await expect.poll(() => form.locator('.entity-picker strong').allTextContents()).toContain('Shīnḏanḏ');
    expect(readRow<{ n: number }>(bench, "SELECT count(*) AS n FROM entity WHERE type = 'place' AND name = 'Shīnḏanḏ' AND lat IS NOT NULL")!.n).toBe(1);

    // A checkpoint no gazetteer holds: typed in with its coordinates, refused while they are wrong.
    await form.getByRole('button', { name: 'Clear Location' }).click();
    await form.getByRole('textbox', { name: 'Location', exact: true }).fill('Dawlat Abad checkpoint');
    await form.getByRole('button', { name: 'Add “Dawlat Abad checkpoint” as a custom place (with its coordinates)…' }).click();
    const custom = form.getByRole('group', { name: 'Location: a custom place' });
    await custom.getByRole('textbox', { name: 'Location: latitude' }).fill('95');
    await custom.getByRole('textbox', { name: 'Location: longitude' }).fill('64.91');
    await custom.getByRole('button', { name: 'Add this place' }).click();
    expect(await custom.getByRole('alert').textContent()).toBe('Latitude must be between −90 and 90; 95 is off the map.');
    await custom.getByRole('textbox', { name: 'Location: longitude' }).fill('');
    await custom.getByRole('textbox', { name: 'Location: latitude' }).fill('36.41, 64.91');
    await custom.getByRole('textbox', { name: 'Location: latitude' }).press('Enter');
    await expect.poll(() => form.locator('.entity-picker strong').allTextContents()).toContain('Dawlat Abad checkpoint');
    expect(readRow(bench, "SELECT e.lat, e.lon FROM entity e WHERE e.name = 'Dawlat Abad checkpoint'")).toEqual({ lat: 36.41, lon: 64.91 });
    // The form is still open: Esc in the custom place fields did not close it, and Enter did not save an event.
    expect(readRow<{ n: number }>(bench, 'SELECT count(*) AS n FROM event')!.n).toBe(0);
    await form.getByRole('button', { name: 'Close the event form' }).click();
  });

  it('places a sea, a region and a range, and says which kind each is', async () => {
    const { page } = bench;
    await pageCall(bench, 'imports.start', { source: { kind: 'text', title: 'Grain and refugees', text: 'Grain ships left the Black Sea for Egypt. Refugees from Darfur reached Chad, and fighters crossed the Hindu Kush into Afghanistan.' } });
    await page.locator('.ag-row', { hasText: 'Grain and refugees' }).first().click({ timeout: 120_000 });
    for (const [name, word] of [['Black Sea', 'sea'], ['Darfur', 'region'], ['Hindu Kush', 'mountains']]) {
      const mention = page.locator('.mention', { hasText: name }).first();
      await waitForMentions(bench, mention);
      await mention.click();
      await panel().getByRole('heading', { name: 'Gazetteer candidates' }).waitFor();
      // The candidate chosen, described by its kind ("Black Sea sea", "Darfur region · SD · pop. …").
      await expect.poll(() => panel().getByRole('radio', { name: new RegExp(`^\\s*${name} ${word}\\b`) }).isChecked()).toBe(true);
    }
    expect(readRow<{ n: number }>(bench, "SELECT count(*) AS n FROM mention m JOIN entity e ON e.id = m.entity_id WHERE m.quote IN ('Black Sea', 'Darfur', 'Hindu Kush') AND e.lat IS NOT NULL")!.n).toBe(3);
  });
});
