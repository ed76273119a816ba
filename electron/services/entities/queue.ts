import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { CoreEvent } from '../../contract/index.js';
import type { Workspace } from '../workspace.js';
import { EXTRACTOR_VERSION } from './service.js';

const BATCH = 20;

/**
 * Suggests entities for every article not yet (or not with this extractor version) processed,
 * in small batches that yield to the event loop, so an import of 10,000 articles finishes at import
 * speed and suggestions follow.
 */
export class ExtractionQueue {
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly workspace: () => Workspace,
    private readonly emit: (event: CoreEvent) => void,
  ) {}

  start(): Promise<void> {
    this.stopped = false;
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  stop(): void {
    this.stopped = true;
  }

  /** Resolves when nothing is left to do (tests and the CLI wait for it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    let done = 0;
    let last = 0;
    while (!this.stopped) {
      const ws = this.workspace();
      const ids = ws.entities.mentions.notExtracted(EXTRACTOR_VERSION, BATCH);
      if (ids.length === 0) break;
      ws.entities.suggest(ids);
      // New mentions change what the entity and map-view filters match.
      ws.articles.touched();
      done += ids.length;
      if (Date.now() - last > 500) {
        last = Date.now();
        this.emit({ type: 'extract.progress', done, remaining: ws.entities.mentions.countNotExtracted(EXTRACTOR_VERSION) });
        this.emit({ type: 'changed', what: ['entities'] });
      }
      await yieldToEventLoop();
    }
    this.emit({ type: 'extract.progress', done, remaining: 0 });
    this.emit({ type: 'changed', what: ['entities', 'articles'] });
  }
}
