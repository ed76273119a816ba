import { writeTransaction } from '../../db/open.js';
import { writerJobRunning } from './writerJobs.js';
import type { Workspace } from './workspace.js';

/** Quiet time (no call from the window, no import or suggestion batch) before upkeep starts. */
export const QUIET_MS = 30_000;
/** Index pages one merge step may write: a few milliseconds, so a call arriving waits for little. */
const PAGES_PER_STEP = 64;

/**
 * Upkeep of the workspace file in idle time, after writes. FTS5 merges the segments of its two
 * indexes, the text's and the titles' trigrams (an import leaves one per batch, and every search
 * reads them all), then SQLite refreshes the query planner's statistics (PRAGMA optimize). Both
 * run only after a quiet spell, in steps of a few milliseconds with the event loop free between
 * them, and stop at the next sign of activity; what is left is picked up after the next quiet spell.
 */
export class IdleUpkeep {
  private timer: NodeJS.Timeout | null = null;
  /** Set by every write; cleared once upkeep has run to the end. */
  private dirty = false;
  /** Bumped by every activity: a running upkeep stops when it sees a newer one than it started in. */
  private activity = 0;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly workspace: () => Workspace | null,
    private readonly quietMs = QUIET_MS,
    private readonly pagesPerStep = PAGES_PER_STEP,
  ) {}

  /** Something happened (a call, an event): upkeep waits for the next quiet spell; `wrote` marks work to do. */
  notice(wrote = false): void {
    if (this.stopped) return;
    this.activity++;
    if (wrote) this.dirty = true;
    if (!this.dirty) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), this.quietMs);
    this.timer.unref();
  }

  /** Resolves when the upkeep under way (if any) has stopped. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): Promise<void> {
    this.timer = null;
    this.running ??= this.upkeep().finally(() => (this.running = null));
    return this.running;
  }

  private async upkeep(): Promise<void> {
    const started = this.activity;
    // A writer's job (writerJobs.ts) holds the write lock: a merge would wait for it on the core's thread.
    const interrupted = () => this.stopped || this.activity !== started || writerJobRunning();
    const ws = this.workspace();
    if (!ws || ws.readOnly) return;
    const db = ws.db;
    const changes = db.prepare('SELECT total_changes()').pluck();
    for (const index of ['article_fts', 'article_title_trigram']) {
      const merge = db.prepare(`INSERT INTO ${index} (${index}, rank) VALUES ('merge', -${this.pagesPerStep})`);
      for (;;) {
        if (interrupted() || this.workspace() !== ws) return;
        const before = changes.get() as number;
        writeTransaction(db, () => merge.run());
        // FTS5: fewer than two changes means the merge found nothing left to do.
        if ((changes.get() as number) - before < 2) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (interrupted() || this.workspace() !== ws) return;
    // A bounded ANALYZE: at a million articles an unbounded one would hold the core for seconds.
    db.pragma('analysis_limit = 1000');
    db.pragma('optimize');
    this.dirty = false;
  }
}
