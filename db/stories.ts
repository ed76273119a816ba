import type { CopyRef } from '../electron/contract/articles.js';
import { areCopies, estimatedJaccard, mayBeCopies, storySignature, storyTextOf, type StorySignature, type StoryText } from '../electron/services/duplicates/nearDuplicates.js';
import { writeTransaction, type Db } from './open.js';

/**
 * Older articles (stored before near-duplicates were kept, or put back by an undo) checked per
 * import batch: the check costs about as much as storing an article, so a backlog is worked off a
 * little with every import instead of stalling one, and the import rate stays what it was.
 */
export const BACKLOG_PER_BATCH = 100;

/** After the backlog was found empty, how long before it is counted again: counting is a scan of two tables. */
const BACKLOG_RECHECK_MS = 60_000;

/**
 * At most this many candidates are checked exactly per article, most alike first (by the MinHash
 * estimate): a story told a hundred times is joined through its first matching copy, and
 * candidates from stories already joined are skipped.
 */
const MAX_CHECKS = 16;

/**
 * Groups articles that tell the same story, as they are stored (see
 * electron/services/duplicates/nearDuplicates.ts for how copies are recognised). A story is named
 * by its first article's id; a new article that copies two stories joins them.
 */
export class StoryIndex {
  /** Texts of the articles filed in this write, so copies within one batch are not re-read. */
  private recent = new Map<number, StoryText>();
  /** When the backlog was last found empty (0: not since this index was made). */
  private backlogEmptyAt = 0;
  /**
   * Where the next look for the backlog starts: every article below it was found filed (0: not
   * looked yet). An import looks at the start of every write while a backlog is left; looking from
   * the first article each time walks every filed one (0.75 s at a million articles), and counting
   * both tables to see whether any is left costs another 25 ms.
   */
  private backlogFrom = 0;

  constructor(private readonly db: Db) {}

  /**
   * Files a stored article under its story and returns the story's id. Call inside the write
   * transaction that stored it; `signature`, when given, is the body's (made as its file was parsed).
   */
  file(articleId: number, body: string, signature: StorySignature = storySignature(body)): number {
    if (this.recent.size >= 2_000) this.recent.clear();
    this.recent.set(articleId, signature.text);
    const story = this.storyOf(articleId, signature);
    const minHash = signature.minHash ? Buffer.from(signature.minHash.buffer, signature.minHash.byteOffset, signature.minHash.byteLength) : null;
    this.db
      .prepare('INSERT INTO story_copy (article_id, story_id, signature, shingles) VALUES (?, ?, ?, ?)')
      .run(articleId, story, minHash, signature.text.shingles.length);
    const band = this.db.prepare('INSERT OR IGNORE INTO story_band (band, article_id) VALUES (?, ?)');
    for (const key of signature.bands) band.run(key, articleId);
    return story;
  }

  /**
   * Opens a write: texts kept from an earlier write are dropped (a rolled-back write leaves ids that
   * will be used again), then a part of the backlog is filed, at most as many as the write stores
   * (so a short write stays short). Call first in the write transaction.
   */
  startWrite(articles = BACKLOG_PER_BATCH): void {
    this.recent.clear();
    if (this.backlogEmptyAt && Date.now() - this.backlogEmptyAt < BACKLOG_RECHECK_MS) return;
    if (this.fileBacklog(Math.max(1, Math.min(BACKLOG_PER_BATCH, articles))) === 0) this.backlogEmptyAt = Date.now();
  }

  /** Forgets the texts kept during a write. */
  endWrite(): void {
    this.recent.clear();
  }

  /** Checks up to `limit` articles that have no story yet, oldest first; returns how many. */
  fileBacklog(limit = BACKLOG_PER_BATCH): number {
    const unfiledFrom = this.db.prepare(
      `SELECT a.id, b.body FROM article a JOIN article_body b ON b.article_id = a.id
       WHERE a.id >= ? AND NOT EXISTS (SELECT 1 FROM story_copy c WHERE c.article_id = a.id) ORDER BY a.id LIMIT ?`,
    );
    let backlog = (this.backlogFrom > 0 ? unfiledFrom.all(this.backlogFrom, limit) : []) as { id: number; body: string }[];
    if (backlog.length === 0) {
      const one = (sql: string) => (this.db.prepare(sql).pluck().get() as number | null) ?? 0;
      if (one('SELECT count(*) FROM article') === one('SELECT count(*) FROM story_copy')) {
        this.backlogFrom = one('SELECT max(id) FROM article') + 1;
        return 0;
      }
      // Nothing past the mark, yet some article has no story: put back below it (an undo) or never looked at.
      backlog = unfiledFrom.all(0, limit) as { id: number; body: string }[];
    }
    for (const { id, body } of backlog) this.file(id, body);
    if (backlog.length > 0) this.backlogFrom = backlog[backlog.length - 1]!.id + 1;
    return backlog.length;
  }

  /** Ids of the articles not yet checked for copies, oldest first: the backlog fileBacklog works off. */
  unfiled(): number[] {
    return this.db.prepare('SELECT a.id FROM article a WHERE NOT EXISTS (SELECT 1 FROM story_copy c WHERE c.article_id = a.id) ORDER BY a.id').pluck().all() as number[];
  }

  /**
   * Files these articles (of the backlog) under their stories, in one write transaction; an
   * article deleted or filed meanwhile is skipped. Returns how many were filed.
   */
  fileArticles(ids: readonly number[]): number {
    const read = this.db.prepare(
      'SELECT b.body FROM article_body b WHERE b.article_id = ? AND NOT EXISTS (SELECT 1 FROM story_copy c WHERE c.article_id = b.article_id)',
    ).pluck();
    try {
      return writeTransaction(this.db, () => {
        let n = 0;
        for (const id of ids) {
          const body = read.get(id) as string | undefined;
          if (body === undefined) continue;
          this.file(id, body);
          n++;
        }
        return n;
      });
    } finally {
      this.endWrite();
    }
  }

  /** The other articles of an article's story, first imported first. */
  copiesOf(articleId: number): CopyRef[] {
    return this.db
      .prepare(
        `SELECT a.id, a.title, a.source, a.published FROM story_copy me
         JOIN story_copy c ON c.story_id = me.story_id AND c.article_id <> me.article_id
         JOIN article a ON a.id = c.article_id
         WHERE me.article_id = ? ORDER BY a.id`,
      )
      .all(articleId) as CopyRef[];
  }

  private storyOf(articleId: number, signature: StorySignature): number {
    if (!signature.minHash) return articleId;
    const own = signature.minHash;
    // One index lookup per band: a handful of rows, where an IN over all bands made SQLite sort them.
    const inBand = this.db.prepare('SELECT article_id FROM story_band WHERE band = ?').pluck();
    const seen = new Set<number>();
    for (const key of signature.bands) for (const id of inBand.all(key) as number[]) if (id !== articleId) seen.add(id);
    const copyOf = this.db.prepare('SELECT story_id AS story, signature, shingles FROM story_copy WHERE article_id = ?');
    const candidates = [...seen]
      .flatMap((id) => {
        const c = copyOf.get(id) as { story: number; signature: Buffer | null; shingles: number } | undefined;
        const estimate = c?.signature ? estimatedJaccard(own, minHashFrom(c.signature)) : 0;
        return c && mayBeCopies(estimate, signature.text.shingles.length, c.shingles) ? [{ id, story: c.story, estimate }] : [];
      })
      .sort((a, b) => b.estimate - a.estimate || a.id - b.id);
    const joined = new Set<number>();
    let checks = 0;
    for (const candidate of candidates) {
      if (joined.has(candidate.story)) continue;
      if (checks++ >= MAX_CHECKS) break;
      if (areCopies(signature.text, this.storyText(candidate.id))) joined.add(candidate.story);
    }
    if (joined.size === 0) return articleId;
    const story = Math.min(...joined);
    const others = [...joined].filter((s) => s !== story);
    if (others.length > 0) {
      this.db.prepare('UPDATE story_copy SET story_id = ? WHERE story_id IN (SELECT value FROM json_each(?))').run(story, JSON.stringify(others));
    }
    return story;
  }

  private storyText(articleId: number): StoryText {
    const kept = this.recent.get(articleId);
    if (kept) return kept;
    const body = this.db.prepare('SELECT body FROM article_body WHERE article_id = ?').pluck().get(articleId) as string | undefined;
    return storyTextOf(body ?? '');
  }
}

/** A stored signature (a copy: SQLite's buffers need not be aligned for a Uint32Array view). */
function minHashFrom(blob: Buffer): Uint32Array {
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Uint32Array(copy.buffer);
}
