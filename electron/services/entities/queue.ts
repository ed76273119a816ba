import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { CoreEvent } from '../../contract/index.js';
import type { Workspace } from '../workspace.js';
import { modelParts, SHIPPED, type ExtractPool } from './extractPool.js';
import { readArticles, type ArticleToRead, type ReadResult } from './readArticles.js';
import { EXTRACTOR_VERSION } from './service.js';
import { TimedSlices } from '../timedSlices.js';
import { suggestionModel, withModelLabel } from './tagger/learner.js';

const BATCH = 20;

interface Batch {
  ws: Workspace;
  articles: ArticleToRead[];
  results: Promise<ReadResult[]>;
}

/**
 * Suggests entities for every article not yet (or not with this extractor version) processed. The
 * extraction workers read batches ahead while this thread stores the one they finished, so the core
 * stays free for the window's calls; without workers each batch is read here and the loop yields to
 * the event loop between batches.
 */
export class ExtractionQueue {
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly slices = new TimedSlices();

  constructor(
    private readonly workspace: () => Workspace,
    private readonly emit: (event: CoreEvent) => void,
    private readonly pool: ExtractPool | null = null,
  ) {}

  /**
   * Starts reading what is left, unless it runs already. Never rejects: the callers start it and go
   * on, so a failure here (a batch that could not be stored) would otherwise end the core. It is
   * said in the last progress event instead, and the articles left wait for the next start.
   */
  start(): Promise<void> {
    this.stopped = false;
    this.running ??= this.run()
      .catch((error: unknown) => this.failed(error))
      .finally(() => (this.running = null));
    return this.running;
  }

  private failed(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    console.error('Finding names stopped:', error);
    let remaining = 0;
    try {
      remaining = this.workspace().entities.mentions.countNotExtracted(EXTRACTOR_VERSION);
    } catch {
      // The workspace itself is unreadable (closed, or the disk is gone): the message says enough.
    }
    this.emit({ type: 'extract.progress', done: 0, remaining, failed: reason });
  }

  stop(): void {
    this.stopped = true;
  }

  /** Resolves when nothing is left to do (tests and the CLI wait for it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    await this.pool?.ready();
    let done = 0;
    let last = 0;
    let after = 0;
    const inFlight: Batch[] = [];
    while (!this.stopped) {
      const ws = this.workspace();
      // Workers read up to two batches ahead each; without workers one batch at a time, here.
      const ahead = Math.max(1, (this.pool?.size ?? 0) * 2);
      while (inFlight.length < ahead) {
        const ids = ws.entities.mentions.notExtracted(EXTRACTOR_VERSION, BATCH, after);
        if (ids.length === 0) break;
        after = ids.at(-1)!;
        inFlight.push(this.read(ws, ws.entities.articlesToRead(ids)));
      }
      if (inFlight.length === 0) {
        // Articles before the cursor may have been reset meanwhile (a new import reuses no ids, but
        // "Suggest again" and a workspace switch do): look once more from the start.
        if (after === 0 || ws.entities.mentions.notExtracted(EXTRACTOR_VERSION, 1).length === 0) break;
        after = 0;
        continue;
      }
      const batch = inFlight.shift()!;
      const results = await batch.results;
      // A batch read for a workspace that is no longer open is dropped: that file reads it when it is opened again.
      if (this.stopped || batch.ws !== this.workspace()) continue;
      // Stored in short transactions, so the window's calls are answered between them.
      const order = batch.articles.map((_, i) => i);
      // A slice refused as busy is tried again by TimedSlices; one that still fails ends this run (see start).
      await this.slices.run(order, (slice) => {
        if (batch.ws === this.workspace()) batch.ws.entities.storeSuggestions(slice.map((i) => batch.articles[i]!), slice.map((i) => results[i]!));
      });
      // New mentions change what the entity and map-view filters match.
      batch.ws.articles.touched('mentions');
      done += batch.articles.length;
      if (Date.now() - last > 500) {
        last = Date.now();
        this.emit({ type: 'extract.progress', done, remaining: batch.ws.entities.mentions.countNotExtracted(EXTRACTOR_VERSION) });
        this.emit({ type: 'changed', what: ['entities'] });
      }
      await yieldToEventLoop();
    }
    this.emit({ type: 'extract.progress', done, remaining: 0 });
    this.emit({ type: 'changed', what: ['entities', 'articles'] });
  }

  /**
   * Reads these articles now, in a worker when one is ready: "Suggest again" on the articles the
   * analyst chose, which took the core's thread for the tagger's 20–60 ms an article before.
   */
  readNow(ws: Workspace, articles: ArticleToRead[]): Promise<ReadResult[]> {
    return this.read(ws, articles).results;
  }

  private read(ws: Workspace, articles: ArticleToRead[]): Batch {
    const registry = ws.entities.registry();
    // The workspace's own name model when it has learnt one, as "Suggest again" uses; each suggestion says which.
    const names = suggestionModel(ws.db);
    const here = () => readArticles(articles, { gazetteer: ws.entities.gazetteer(), registry, namesModel: names.model });
    // Keyed by file and version: a worker keeps the model it has until another workspace's or version's comes.
    const key = `${ws.file}\u0000${names.label}`;
    const model = names.model ? { key, parts: () => modelParts(key, names.model!) } : SHIPPED;
    const read = this.pool && this.pool.size > 0 ? this.pool.extract(articles, registry, model).catch(here) : Promise.resolve().then(here);
    const results = read.then((all) => all.map((r) => ('suggestions' in r ? { ...r, suggestions: withModelLabel(r.suggestions, names.label) } : r)));
    return { ws, articles, results };
  }
}
