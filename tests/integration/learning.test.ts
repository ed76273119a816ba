import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitReason, type CallInput, type CallName, type CallOutput, type Mention } from '../../electron/contract/index.js';
import { Core } from '../../electron/dispatch.js';
import { gazetteerFile } from '../../electron/paths.js';
import { repoRoot, tempDir } from './helpers.js';

// Two made-up news items. The first is where the analyst decides: "Zorblat" (a militia the shipped
// model does not know) is marked by hand, and the "US" of a "Contact US" link (which the shipped model
// reads as the United States) is rejected. The second is never touched: "Suggest again" there shows what was learnt.
const DECIDED = [
  'Zorblat claims checkpoint attack',
  '',
  'Zorblat fighters attacked a checkpoint near Kunduz on Monday, officials said. Officials said Zorblat had claimed the attack in a statement sent to reporters in the city. Contact US to see the full report on Afghanistan. The leader of Zorblat was not available for comment.',
  '',
  'The provincial police chief said two officers were wounded in the attack and that the road to the airport had been closed for several hours while soldiers searched nearby houses.',
].join('\n');
const UNSEEN = [
  'Road reopens after fighting',
  '',
  'Residents said Zorblat fighters had left the village before dawn, and traders returned to the market. Contact US to read the latest report from Kunduz. Shops opened again in the afternoon.',
  '',
  'A local elder said the families who had fled the fighting were still afraid to return to their homes, and that the schools in the district would stay closed for the rest of the week.',
].join('\n');
const dir = tempDir();
const core = new Core({
  dataDir: dir,
  gazetteerFile: gazetteerFile(repoRoot),
  suggestOnImport: false,
  workspace: path.join(dir, 'learning.awb'),
  sampleDir: path.join(repoRoot, 'assets/samples'),
  mode: 'browser',
  version: 'test',
  // Trained after 3 decisions and a tenth of a second without one (the app waits longer).
  learnerTiming: { quietMs: 5_000, batch: 3, batchQuietMs: 100, sliceMs: 12 },
});
async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as CallOutput<N>;
}

let decidedId = 0;
let unseenId = 0;
beforeAll(async () => {
  fs.writeFileSync(path.join(dir, 'zorblat-claims-attack.txt'), DECIDED);
  fs.writeFileSync(path.join(dir, 'road-reopens.txt'), UNSEEN);
  const report = await core.imports.importNow({ kind: 'paths', paths: [path.join(dir, 'zorblat-claims-attack.txt'), path.join(dir, 'road-reopens.txt')] });
  [decidedId = 0, unseenId = 0] = report.outcomes.map((o) => o.articleId!);
  await call('mentions.suggest', { articleIds: [decidedId, unseenId] });
}, 60_000);
afterAll(() => core.close());

const mentions = (articleId: number) => call('mentions.list', { articleId });
const names = async (articleId: number) => (await mentions(articleId)).filter((m) => m.type !== 'date');
const suggestedBy = (m: Mention) => splitReason(m.reason ?? '').model;
const quotes = (ms: Mention[]) => ms.map((m) => `${m.quote}/${m.type}`);

/** Waits until the background training the decisions started has happened (polling, as the reader's status line does). */
async function whenTrained(ready: (status: CallOutput<'namesModel.status'>) => boolean): Promise<CallOutput<'namesModel.status'>> {
  for (let i = 0; i < 400; i++) {
    const status = await call('namesModel.status', {});
    if (!status.learning && status.pending === 0 && ready(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The workspace model was not trained in 20 s: ${JSON.stringify(await call('namesModel.status', {}))}`);
}

/** Marks every "Zorblat" of the decided article one by one, as an analyst does in the reader (the headline's one included). */
async function markZorblat(): Promise<void> {
  const body = (await call('articles.get', { id: decidedId })).body;
  for (let from = body.indexOf('Zorblat'); from >= 0; from = body.indexOf('Zorblat', from + 1)) {
    await call('mentions.annotate', { articleId: decidedId, start: from, end: from + 'Zorblat'.length, type: 'organisation', scope: 'this' });
  }
}

describe('the workbench learns from the analyst', () => {
  it('suggests with the shipped model before any decision, and says so on every suggestion', async () => {
    const unseen = await names(unseenId);
    expect(quotes(unseen)).not.toContain('Zorblat/organisation');
    expect(quotes(unseen)).toContain('US/place');
    expect(unseen.every((m) => suggestedBy(m) === 'shipped model')).toBe(true);
    expect(await call('namesModel.status', {})).toMatchObject({ using: 'shipped', label: 'shipped model', version: null, pending: 0 });
  });

  it('trains the workspace model in the background after decisions; "Suggest again" then uses it', async () => {
    await markZorblat();
    const us = (await names(decidedId)).find((m) => m.quote === 'US')!;
    await call('mentions.review', { id: us.id, action: 'reject', scope: 'this' });
    expect((await call('namesModel.status', {})).pending).toBe(5);

    const status = await whenTrained((s) => s.using === 'workspace');
    // Five decisions are too few to test the lessons on: all are kept (tagger/lessons.ts).
    expect(status).toMatchObject({ version: 1, decisions: 5, label: 'workspace model v1 (5 decisions)', lessons: 'all' });
    expect(status.trainedAt).not.toBeNull();

    await call('mentions.suggest', { articleIds: [unseenId, decidedId] });
    const unseen = await names(unseenId);
    // The workspace model reads "Zorblat" as a name now; the registry gives it the type the analyst chose.
    expect(unseen.find((m) => m.quote === 'Zorblat')).toMatchObject({ type: 'organisation', reason: 'confirmed before in this workspace' });
    expect(quotes(unseen)).not.toContain('US/place');
    expect(unseen.filter((m) => m.quote !== 'Zorblat').map(suggestedBy)).toEqual([status.label]);
    // The rejected span stays rejected and is not suggested again at its place.
    const again = (await mentions(decidedId)).filter((m) => m.quote === 'US');
    expect(again.map((m) => m.status)).toEqual(['rejected']);
  });

  it('learns from what the decisions are now: undone ones are gone from the next training', async () => {
    // Undone: the suggestion run, the rejection and two hand marks of "Zorblat"; two marks are left.
    for (let i = 0; i < 4; i++) await call('history.undo', {});
    const status = await whenTrained((s) => s.decisions === 2);
    expect(status).toMatchObject({ using: 'workspace', label: `workspace model v${status.version} (2 decisions)` });
    expect(status.version).toBeGreaterThan(1);
    await call('mentions.suggest', { articleIds: [unseenId] });
    expect(quotes(await names(unseenId))).toContain('US/place');

    // The suggestion run just made, then the two marks left: no decision remains, so back to the shipped model.
    for (let i = 0; i < 3; i++) await call('history.undo', {});
    expect(await whenTrained((s) => s.using === 'shipped')).toMatchObject({ label: 'shipped model', decisions: 0 });
    await call('mentions.suggest', { articleIds: [unseenId] });
    const unseen = await names(unseenId);
    expect(quotes(unseen)).not.toContain('Zorblat/organisation');
    expect(unseen.every((m) => suggestedBy(m) === 'shipped model')).toBe(true);
  });

  it('goes back to the shipped model on reset, and learns only from decisions made after it', async () => {
    await markZorblat();
    expect(await whenTrained((s) => s.using === 'workspace')).toMatchObject({ decisions: 4 });

    const reset = await call('namesModel.reset', {});
    expect(reset).toMatchObject({ using: 'shipped', label: 'shipped model', pending: 0 });
    expect((await call('history.list', { limit: 1 })).entries[0]!.label).toMatch(/^Reset the name model/);
    await call('mentions.suggest', { articleIds: [unseenId] });
    const unseen = await names(unseenId);
    expect(unseen.every((m) => suggestedBy(m) === 'shipped model')).toBe(true);
    // The registry knows "Zorblat" (the marks are still there), but the shipped model does not read it as a name.
    expect(quotes(unseen)).not.toContain('Zorblat/organisation');

    // A training now has nothing to learn from: the decisions were made before the reset.
    await core.learner.trainNow();
    expect((await call('namesModel.status', {})).using).toBe('shipped');

    // A decision after the reset: the article it is in is learnt from again.
    const us = (await names(decidedId)).find((m) => m.quote === 'US' && m.status === 'suggested')!;
    await call('mentions.review', { id: us.id, action: 'reject', scope: 'this' });
    expect((await call('namesModel.status', {})).pending).toBe(1);
    await core.learner.trainNow();
    expect(await call('namesModel.status', {})).toMatchObject({ using: 'workspace', decisions: 5, pending: 0 });
  });
});
