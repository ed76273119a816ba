import { nowIso, writeTransaction, type Db } from './open.js';

/** The workspace's own name model as stored (migration 011). */
export interface AdaptedModelRecord {
  version: number;
  /** Whether a trained model is stored (else the shipped model is in use); its bytes: `modelBytes`. */
  hasModel: boolean;
  baseSha256: string | null;
  decisions: number;
  sentences: number;
  /** Which lessons of the decisions the model kept (tagger/lessons.ts); null before a training. */
  lessons: string | null;
  trainedAt: string | null;
  seenCommand: number;
  resetAt: string | null;
}

/** A mention as the learner needs it. */
export interface MentionForLearning {
  start: number;
  end: number;
  type: 'person' | 'organisation' | 'place' | 'group' | 'date';
  status: 'suggested' | 'accepted' | 'rejected';
  origin: 'auto' | 'analyst';
}

interface Row {
  version: number;
  has_model: number;
  base_sha256: string | null;
  decisions: number;
  sentences: number;
  lessons: string | null;
  trained_at: string | null;
  seen_command: number;
  reset_at: string | null;
}

/** A name decision: an accepted, rejected or hand-made mention that is not a date. */
// A nationality adjective ("Russian" of Russia) is no name for the tagger to learn.
const NAME_DECISION = "type <> 'date' AND adjectival = 0 AND (status <> 'suggested' OR origin = 'analyst')";

export class AdaptedModelStore {
  constructor(private readonly db: Db) {}

  get(): AdaptedModelRecord | null {
    const r = this.db
      .prepare('SELECT version, model IS NOT NULL AS has_model, base_sha256, decisions, sentences, lessons, trained_at, seen_command, reset_at FROM adapted_model WHERE id = 1')
      .get() as Row | undefined;
    if (!r) return null;
    return {
      version: r.version,
      hasModel: r.has_model === 1,
      baseSha256: r.base_sha256,
      decisions: r.decisions,
      sentences: r.sentences,
      lessons: r.lessons,
      trainedAt: r.trained_at,
      seenCommand: r.seen_command,
      resetAt: r.reset_at,
    };
  }

  /** The encoded model, or null when the shipped model is in use. */
  modelBytes(): Uint8Array | null {
    return (this.db.prepare('SELECT model FROM adapted_model WHERE id = 1').pluck().get() as Uint8Array | null | undefined) ?? null;
  }

  /** The stored version (0 before the first training): cheap, read before every suggestion run. */
  version(): number {
    return (this.db.prepare('SELECT version FROM adapted_model WHERE id = 1').pluck().get() as number | undefined) ?? 0;
  }

  /**
   * Stores a trained model as the next version, unless the model changed since the training began
   * (a reset meanwhile): then the result is dropped and false returned.
   */
  save(startedAtVersion: number, trained: { model: Uint8Array | null; baseSha256: string; decisions: number; sentences: number; lessons: string | null; seenCommand: number }): boolean {
    return writeTransaction(this.db, () => {
      const current = this.get();
      if ((current?.version ?? 0) !== startedAtVersion) return false;
      this.db
        .prepare(
          `INSERT INTO adapted_model (id, version, model, base_sha256, decisions, sentences, lessons, trained_at, seen_command, reset_at)
           VALUES (1, @version, @model, @base, @decisions, @sentences, @lessons, @at, @seen, @reset)
           ON CONFLICT (id) DO UPDATE SET version = excluded.version, model = excluded.model, base_sha256 = excluded.base_sha256,
             decisions = excluded.decisions, sentences = excluded.sentences, lessons = excluded.lessons, trained_at = excluded.trained_at, seen_command = excluded.seen_command`,
        )
        .run({
          version: startedAtVersion + 1,
          model: trained.model,
          base: trained.baseSha256,
          decisions: trained.decisions,
          sentences: trained.sentences,
          lessons: trained.lessons,
          at: nowIso(),
          seen: trained.seenCommand,
          reset: current?.resetAt ?? null,
        });
      return true;
    });
  }

  /** Notes that every command up to `seenCommand` has been looked at, when nothing was there to learn. */
  markSeen(seenCommand: number): void {
    writeTransaction(this.db, () => {
      this.db
        .prepare('INSERT INTO adapted_model (id, version, seen_command) VALUES (1, 0, ?) ON CONFLICT (id) DO UPDATE SET seen_command = excluded.seen_command')
        .run(seenCommand);
    });
  }

  /** Back to the shipped model; articles decided on so far are not learnt from again (unless decided on anew). */
  reset(seenCommand: number): void {
    writeTransaction(this.db, () => {
      const version = this.version() + 1;
      this.db
        .prepare(
          `INSERT INTO adapted_model (id, version, model, base_sha256, decisions, sentences, trained_at, seen_command, reset_at)
           VALUES (1, @version, NULL, NULL, 0, 0, NULL, @seen, @at)
           ON CONFLICT (id) DO UPDATE SET version = excluded.version, model = NULL, base_sha256 = NULL, decisions = 0, sentences = 0, lessons = NULL,
             trained_at = NULL, seen_command = excluded.seen_command, reset_at = excluded.reset_at`,
        )
        .run({ version, seen: seenCommand, at: nowIso() });
    });
  }

  /** The newest command of the history (0 when there is none). */
  newestCommand(): number {
    return (this.db.prepare('SELECT max(id) FROM command').pluck().get() as number | null) ?? 0;
  }

  /**
   * Commands after `commandId` that changed a mention, other than suggestion runs: each accept,
   * reject, retype, span change or hand-made mark, and each undo or redo of one.
   */
  decisionsSince(commandId: number): number {
    const seen = decisionCommands(this.db);
    let low = 0;
    let high = seen.ids.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (seen.ids[mid]! > commandId) high = mid;
      else low = mid + 1;
    }
    return seen.ids.length - low;
  }

  /**
   * Articles holding a name decision (made after `since`, when given), the most recently decided
   * first, at most `limit`.
   */
  articlesWithDecisions(since: string | null, limit: number): number[] {
    return this.db
      .prepare(
        `SELECT article_id FROM mention WHERE ${NAME_DECISION} AND (@since IS NULL OR updated_at > @since)
         GROUP BY article_id ORDER BY max(updated_at) DESC, article_id LIMIT @limit`,
      )
      .pluck()
      .all({ since, limit }) as number[];
  }

  /** An article's text and every mention in it (suggestions too: they mark what is still open). */
  articleForLearning(articleId: number): { body: string; mentions: MentionForLearning[] } | null {
    const body = this.db.prepare('SELECT body FROM article_body WHERE article_id = ?').pluck().get(articleId) as string | undefined;
    if (body === undefined) return null;
    const mentions = this.db.prepare('SELECT start, end, type, status, origin FROM mention WHERE article_id = ? AND adjectival = 0 ORDER BY start').all(articleId) as MentionForLearning[];
    return { body, mentions };
  }
}

/**
 * The decision commands of a workspace, read once and then only past the newest already read. Asked
 * after every write call, the count read every command since the last training, each command's rows
 * included: a tagging of 100,000 articles made every later call pay for reading its 100,000 rows
 * (70 ms at 100,000 articles, growing with the history). Commands are only ever added (undo is a
 * new command), so what was read stays true.
 */
const decisionMemo = new WeakMap<Db, { upTo: number; ids: number[] }>();

function decisionCommands(db: Db): { upTo: number; ids: number[] } {
  // Inside a transaction a command read may yet be rolled back, or dropped as empty and its id reused.
  if (db.inTransaction) return { upTo: 0, ids: readDecisions(db, 0).filter((c) => c.decision).map((c) => c.id) };
  let seen = decisionMemo.get(db);
  if (!seen) decisionMemo.set(db, (seen = { upTo: 0, ids: [] }));
  const newer = readDecisions(db, seen.upTo);
  for (const c of newer) if (c.decision) seen.ids.push(c.id);
  if (newer.length > 0) seen.upTo = newer.at(-1)!.id;
  return seen;
}

function readDecisions(db: Db, after: number): { id: number; decision: number }[] {
  return db
    .prepare(
      `SELECT c.id, c.name <> 'mentions.suggest' AND EXISTS (SELECT 1 FROM command_row r WHERE r.command_id = c.id AND r.tbl = 'mention') AS decision
         FROM command c WHERE c.id > ? ORDER BY c.id`,
    )
    .all(after) as { id: number; decision: number }[];
}
