import type { Db } from '../../../db/open.js';
import { StoryIndex } from '../../../db/stories.js';
import type { StoryGroupingProgress } from '../../contract/index.js';
import { UserError } from '../errors.js';
import { TimedSlices } from '../timedSlices.js';
import type { Workspace } from '../workspace.js';

export interface GroupingProgress {
  /** Articles checked for copies so far. */
  checked: number;
  /** Articles this run set out to check. */
  total: number;
}

export interface GroupingResult extends GroupingProgress {
  /** Stopped by Cancel before the end: `total - checked` articles are left for later (each import files some). */
  cancelled: boolean;
  /** Stories told by more than one article, and the articles telling them, in the whole workspace afterwards. */
  storiesWithCopies: number;
  copies: number;
}

/**
 * Groups every article stored before near-duplicates were kept (or put back by an undo) into its
 * story now, instead of a little with each import (BACKLOG_PER_BATCH): the analyst's one command
 * for an old workspace. Written in timed transactions with the event loop free between them, so
 * the window's calls are answered meanwhile; a Cancel stops between two slices and keeps what
 * was grouped.
 */
export async function groupStoredCopies(
  db: Db,
  options: { ids?: number[]; onProgress?: (progress: GroupingProgress) => void; stopped?: () => boolean } = {},
): Promise<GroupingResult> {
  const stories = new StoryIndex(db);
  const ids = options.ids ?? stories.unfiled();
  let checked = 0;
  options.onProgress?.({ checked, total: ids.length });
  // Checking an article costs about as much as storing it: start small and let the slices grow.
  const done = await new TimedSlices(undefined, 8, 2_000).run(
    ids,
    (slice) => {
      stories.fileArticles(slice);
      checked += slice.length;
      options.onProgress?.({ checked, total: ids.length });
    },
    options.stopped,
  );
  const { groups, members } = db
    .prepare('SELECT count(*) AS groups, coalesce(sum(n), 0) AS members FROM (SELECT count(*) AS n FROM story_copy GROUP BY story_id HAVING n > 1)')
    .get() as { groups: number; members: number };
  return { checked: done, total: ids.length, cancelled: done < ids.length, storiesWithCopies: groups, copies: members };
}

/**
 * The window's "Group copies in older articles" job: one at a time, in the background of the
 * core, its progress sent as events. Closing or switching the workspace stops it between two
 * slices, as Cancel does.
 */
export class CopyGrouping {
  private running: { cancelled: boolean } | null = null;

  constructor(
    private readonly report: (progress: StoryGroupingProgress) => void,
    private readonly finished: () => void,
  ) {}

  /** Starts grouping the workspace's unchecked articles; returns how many there are (0: nothing to do). */
  start(workspace: Workspace): number {
    workspace.assertWritable();
    if (this.running) throw new UserError('busy', 'Copies of stories are already being grouped: wait for it to finish, or cancel it.');
    const ids = new StoryIndex(workspace.db).unfiled();
    if (ids.length === 0) return 0;
    const job = { cancelled: false };
    this.running = job;
    const progress = (p: GroupingProgress) => this.report({ ...p, state: 'running', storiesWithCopies: null, copies: null, message: null });
    // The job is over before the window hears its end, so a new one can be started at once.
    const end = (last: StoryGroupingProgress) => {
      this.running = null;
      if (workspace.db.open) workspace.articles.touched();
      this.report(last);
      this.finished();
    };
    void groupStoredCopies(workspace.db, { ids, onProgress: progress, stopped: () => job.cancelled || !workspace.db.open }).then(
      (r) => end({ checked: r.checked, total: r.total, state: r.cancelled ? 'cancelled' : 'done', storiesWithCopies: r.storiesWithCopies, copies: r.copies, message: null }),
      (error: Error) => end({ checked: 0, total: ids.length, state: 'failed', storiesWithCopies: null, copies: null, message: error.message }),
    );
    return ids.length;
  }

  /** Stops the job between two slices; what was grouped stays grouped. */
  cancel(): void {
    if (this.running) this.running.cancelled = true;
  }
}
