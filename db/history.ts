import crypto from 'node:crypto';
import os from 'node:os';
import { MentionCounts } from './mentionCounts.js';
import { nowIso, writeTransaction, type Db } from './open.js';

/**
 * Undo/redo and the audit trail, built once for every analyst action, on SQLite's own pattern
 * (sqlite.org/undoredo.html): TEMP triggers on this connection copy each changed row of the
 * analyst tables into `command_row` as JSON images (old and new), but only while a command is
 * open (a row in the one-row temp table `awb_command`), so imports and background suggestions
 * pay one empty-table lookup per row. Undo applies a command's rows in reverse as a new command,
 * so undo is itself on the record and redo is the undo of an undo. Each command is sealed with a
 * sha256 over the previous command's hash, the digests of its label and detail and of each row:
 * an edited, inserted or deleted record breaks the chain (`verify`).
 */

/** The analyst tables whose rows a command captures (tables a later schema lacks are skipped). */
export const TRACKED_TABLES = [
  'article',
  'article_body',
  'tag',
  'article_tag',
  'entity',
  'entity_alias',
  'mention',
  'custom_place',
  'extraction_state',
  'event',
  'event_associate',
  'event_evidence',
  'relation',
  'relation_evidence',
] as const;

/**
 * Columns kept up to date by triggers of their own (mention counts on the entity): never
 * captured, never restored, recounted after an undo. Restoring them would count twice, since
 * re-inserting a mention increments them again.
 */
const DERIVED: Record<string, readonly string[]> = { entity: ['mention_count', 'accepted_count'] };

const GENESIS = '0'.repeat(64);

export class HistoryError extends Error {}

export type CommandKind = 'do' | 'undo' | 'redo' | 'record';

export interface CommandEntry {
  id: number;
  at: string;
  user: string;
  name: string;
  label: string;
  kind: CommandKind;
  reverts: number | null;
  rows: number;
  /** For do/redo: its effect has been undone since. */
  undone: boolean;
  /** Its text was removed by "Empty the bin" (purge); it can no longer be undone. */
  redacted: boolean;
}

export interface CommandRowEntry {
  table: string;
  op: 'insert' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  redacted: boolean;
}

export interface VerifyReport {
  ok: boolean;
  commands: number;
  rows: number;
  /** The hash of the newest command: note it down to detect a later truncation of the log. */
  head: string;
  problems: { commandId: number; problem: string }[];
}

interface CommandRecord {
  id: number;
  at: string;
  user: string;
  name: string;
  label: string;
  kind: CommandKind;
  reverts: number | null;
  detail: string | null;
  row_count: number;
  prev_hash: string;
  hash: string;
  digest: string;
  redacted: number;
}

interface RowRecord {
  id: number;
  command_id: number;
  tbl: string;
  op: 'insert' | 'update' | 'delete';
  old: string | null;
  new: string | null;
  digest: string | null;
  redacted: number;
}

interface TableShape {
  columns: string[];
  key: string[];
}

// One-shot: a command of 100,000 rows hashes each of them, and the hash object per call cost twice as much.
const sha256 = (text: string) => crypto.hash('sha256', text, 'hex');
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const path = (column: string) => `'$.${ident(column).replaceAll("'", "''")}'`;

/** The SQL function that digests a captured row where it is stored (rowDigest, with the row's columns). */
const ROW_DIGEST = 'awb_row_digest';

/** The digest of one captured row: its position, table, operation and both images as stored. */
export function rowDigest(r: Pick<RowRecord, 'id' | 'command_id' | 'tbl' | 'op' | 'old' | 'new'>): string {
  return sha256(JSON.stringify([r.id, r.command_id, r.tbl, r.op, r.old, r.new]));
}

/** The digest of a command's words (label and detail), kept when purge redacts them. */
function textDigest(label: string, detail: string | null): string {
  return sha256(JSON.stringify([label, detail]));
}

/** A command's link in the chain. */
export function commandHash(prev: string, c: Pick<CommandRecord, 'id' | 'at' | 'user' | 'name' | 'kind' | 'reverts' | 'digest'>, rowDigests: string[]): string {
  return sha256(`${prev}\n${JSON.stringify([c.id, c.at, c.user, c.name, c.kind, c.reverts, c.digest, rowDigests])}`);
}

/** Who is at the keyboard: the OS account running the app or the command line. */
export function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** Keeps ids, numbers and flags and drops every text value (what purge leaves of deleted records). */
function redactImage(value: unknown): unknown {
  if (typeof value === 'string') return null;
  if (Array.isArray(value)) return value.map(redactImage);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactImage(v)]));
  return value;
}

export class History {
  private readonly shapes = new Map<string, TableShape>();
  private readonly user = osUser();

  constructor(
    private readonly db: Db,
    writable: boolean,
  ) {
    for (const table of TRACKED_TABLES) {
      const info = db.pragma(`table_info(${ident(table)})`) as { name: string; pk: number }[];
      if (info.length === 0) continue;
      const derived = DERIVED[table] ?? [];
      this.shapes.set(table, {
        columns: info.map((c) => c.name).filter((c) => !derived.includes(c)),
        key: info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      });
    }
    if (writable) {
      this.installCapture();
      db.function(ROW_DIGEST, { deterministic: true }, (rowId, commandId, tbl, op, old, neu) =>
        rowDigest({ id: rowId as number, command_id: commandId as number, tbl: tbl as string, op: op as RowRecord['op'], old: old as string | null, new: neu as string | null }),
      );
    }
  }

  /** TEMP objects live with this connection only: another process writing the file is not captured here (nor meant to be). */
  private installCapture(): void {
    const statements = ['CREATE TEMP TABLE IF NOT EXISTS awb_command (id INTEGER NOT NULL)'];
    const active = 'EXISTS (SELECT 1 FROM temp.awb_command)';
    for (const [table, { columns }] of this.shapes) {
      const image = (row: 'old' | 'new') => `json_object(${columns.map((c) => `'${c}', ${row}.${ident(c)}`).join(', ')})`;
      const changed = columns.map((c) => `old.${ident(c)} IS NOT new.${ident(c)}`).join(' OR ');
      const t = ident(table);
      const capture = (op: string, old: string, neu: string) =>
        `INSERT INTO main.command_row (command_id, tbl, op, old, new) SELECT id, '${table}', '${op}', ${old}, ${neu} FROM temp.awb_command;`;
      statements.push(
        `DROP TRIGGER IF EXISTS temp.${ident(`awb_${table}_ins`)}`,
        `DROP TRIGGER IF EXISTS temp.${ident(`awb_${table}_upd`)}`,
        `DROP TRIGGER IF EXISTS temp.${ident(`awb_${table}_del`)}`,
        `CREATE TEMP TRIGGER ${ident(`awb_${table}_ins`)} AFTER INSERT ON ${t} WHEN ${active} BEGIN ${capture('insert', 'NULL', image('new'))} END`,
        `CREATE TEMP TRIGGER ${ident(`awb_${table}_upd`)} AFTER UPDATE ON ${t} WHEN ${active} AND (${changed}) BEGIN ${capture('update', image('old'), image('new'))} END`,
        `CREATE TEMP TRIGGER ${ident(`awb_${table}_del`)} AFTER DELETE ON ${t} WHEN ${active} BEGIN ${capture('delete', image('old'), 'NULL')} END`,
      );
    }
    for (const sql of statements) this.db.exec(sql);
  }

  /** The command open on this connection, if any. */
  private activeCommand(): number | null {
    return (this.db.prepare('SELECT id FROM temp.awb_command').pluck().get() as number | undefined) ?? null;
  }

  /**
   * A link table's shape (every column part of its key, as article_tag): a row is there or it is
   * not, so a set of them is added, removed, captured and reverted as a set.
   */
  private linkShape(table: string): TableShape | null {
    const shape = this.shapes.get(table);
    return shape && shape.columns.length === shape.key.length ? shape : null;
  }

  /**
   * Runs `fn` with the capture triggers stood aside: the caller captures what it changes as a set.
   * Only for changes that fire no trigger writing another tracked table (links do not).
   */
  private capturedAsSet<T>(fn: (command: number | null) => T): T {
    const command = this.activeCommand();
    if (command === null) return fn(null);
    this.db.prepare('DELETE FROM temp.awb_command').run();
    try {
      return fn(command);
    } finally {
      this.db.prepare('INSERT INTO temp.awb_command (id) VALUES (?)').run(command);
    }
  }

  /** A scratch table of a link table's columns, empty, for one set at a time. */
  private scratchOf(table: string, shape: TableShape): string {
    const scratch = ident(`awb_set_${table}`);
    this.db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${scratch} AS SELECT ${shape.columns.map(ident).join(', ')} FROM main.${ident(table)} LIMIT 0`);
    this.db.prepare(`DELETE FROM temp.${scratch}`).run();
    return `temp.${scratch}`;
  }

  /**
   * Adds the links `select` gives (columns named as the table's) that are not there yet, captured
   * as one set with the command open: the same rows, in the same order, as the row triggers would
   * capture, at a fraction of their cost (tagging 100,000 articles spent a second in them).
   * Returns how many were added. For callers inside a write transaction.
   */
  linkSet(table: string, select: string, ...params: unknown[]): number {
    const shape = this.linkShape(table);
    if (!shape) throw new Error(`${table} is not a link table`);
    const t = ident(table);
    const columns = shape.columns.map(ident).join(', ');
    const keyed = shape.key.map((k) => `l.${ident(k)} = s.${ident(k)}`).join(' AND ');
    return this.capturedAsSet((command) => {
      const scratch = this.scratchOf(table, shape);
      this.db.prepare(`INSERT INTO ${scratch} (${columns}) SELECT DISTINCT ${columns} FROM (${select}) s WHERE NOT EXISTS (SELECT 1 FROM main.${t} l WHERE ${keyed})`).run(...params);
      const added = this.db.prepare(`INSERT INTO main.${t} (${columns}) SELECT ${columns} FROM ${scratch} ORDER BY rowid`).run().changes;
      if (command !== null) {
        this.db.prepare(`INSERT INTO main.command_row (command_id, tbl, op, old, new) SELECT ?, ?, 'insert', NULL, ${this.imageOf(shape)} FROM ${scratch} ORDER BY rowid`).run(command, table);
      }
      this.db.prepare(`DELETE FROM ${scratch}`).run();
      return added;
    });
  }

  /** Removes the links `select` gives (columns named as the table's) that are there, captured as one set (see linkSet). */
  unlinkSet(table: string, select: string, ...params: unknown[]): number {
    const shape = this.linkShape(table);
    if (!shape) throw new Error(`${table} is not a link table`);
    const t = ident(table);
    const columns = shape.columns.map(ident).join(', ');
    const keys = shape.key.map(ident).join(', ');
    const keyed = shape.key.map((k) => `l.${ident(k)} = s.${ident(k)}`).join(' AND ');
    return this.capturedAsSet((command) => {
      const scratch = this.scratchOf(table, shape);
      // CROSS JOIN keeps the given order (SQLite does not reorder it), as the row by row way would capture.
      this.db.prepare(`INSERT INTO ${scratch} (${columns}) SELECT DISTINCT ${shape.columns.map((c) => `l.${ident(c)}`).join(', ')} FROM (${select}) s CROSS JOIN main.${t} l ON ${keyed}`).run(...params);
      if (command !== null) {
        this.db.prepare(`INSERT INTO main.command_row (command_id, tbl, op, old, new) SELECT ?, ?, 'delete', ${this.imageOf(shape)}, NULL FROM ${scratch} ORDER BY rowid`).run(command, table);
      }
      const removed = this.db.prepare(`DELETE FROM main.${t} WHERE (${keys}) IN (SELECT ${keys} FROM ${scratch})`).run().changes;
      this.db.prepare(`DELETE FROM ${scratch}`).run();
      return removed;
    });
  }

  /**
   * Runs `fn` as one command, in one write transaction with the change it makes. A `do` command
   * that changed no row is not kept (nothing to undo, nothing happened). Inside another command,
   * `fn` simply joins it.
   */
  run<T>(spec: { name: string; label: string | (() => string); detail?: unknown; kind?: CommandKind; reverts?: number | null }, fn: () => T): T {
    return writeTransaction(this.db, () => {
      if (this.activeCommand() !== null) return fn();
      const kind = spec.kind ?? 'do';
      const label = typeof spec.label === 'function' ? spec.label() : spec.label;
      const id = this.insertCommand(spec.name, label, kind, spec.reverts ?? null, spec.detail);
      this.db.prepare('INSERT INTO temp.awb_command (id) VALUES (?)').run(id);
      let result: T;
      try {
        result = fn();
      } finally {
        this.db.prepare('DELETE FROM temp.awb_command').run();
      }
      if (result instanceof Promise) throw new Error(`${spec.name} must finish its change synchronously to be one command`);
      this.seal(id, kind !== 'record');
      return result;
    });
  }

  /** Puts something on the record that is not undoable: an import, an export, a purge. */
  record(name: string, label: string, detail?: unknown): number {
    return writeTransaction(this.db, () => {
      const id = this.insertCommand(name, label, 'record', null, detail);
      this.seal(id, false);
      return id;
    });
  }

  private insertCommand(name: string, label: string, kind: CommandKind, reverts: number | null, detail: unknown): number {
    const detailText = detail === undefined ? null : JSON.stringify(detail);
    return Number(
      this.db
        .prepare("INSERT INTO command (at, user, name, label, kind, reverts, detail, digest, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '')")
        .run(nowIso(), this.user, name, label, kind, reverts, detailText, textDigest(label, detailText)).lastInsertRowid,
    );
  }

  /** Digests the command's rows and links it into the chain; drops an empty command when asked. */
  private seal(id: number, dropIfEmpty: boolean): void {
    // In one statement: the rows' text (a deleted article's whole body) stays in SQLite, and a
    // command of 100,000 rows spent half its sealing reading them out and writing each digest back.
    this.db.prepare(`UPDATE command_row SET digest = ${ROW_DIGEST}(id, command_id, tbl, op, old, new) WHERE command_id = ?`).run(id);
    const digests = this.db.prepare('SELECT digest FROM command_row WHERE command_id = ? ORDER BY id').pluck().all(id) as string[];
    if (digests.length === 0 && dropIfEmpty) {
      this.db.prepare('DELETE FROM command WHERE id = ?').run(id);
      return;
    }
    const c = this.db.prepare('SELECT * FROM command WHERE id = ?').get(id) as CommandRecord;
    const prev = (this.db.prepare('SELECT hash FROM command WHERE id < ? ORDER BY id DESC LIMIT 1').pluck().get(id) as string | undefined) ?? GENESIS;
    this.db.prepare('UPDATE command SET row_count = ?, prev_hash = ?, hash = ? WHERE id = ?').run(digests.length, prev, commandHash(prev, c, digests), id);
  }

  /** The newest do/redo whose effect is live: what Ctrl+Z undoes. One emptied from the bin (purged) is passed over. */
  undoTarget(): CommandRecord | null {
    return (
      (this.db
        .prepare("SELECT * FROM command c WHERE kind IN ('do', 'redo') AND redacted = 0 AND NOT EXISTS (SELECT 1 FROM command u WHERE u.reverts = c.id) ORDER BY id DESC LIMIT 1")
        .get() as CommandRecord | undefined) ?? null
    );
  }

  /** The newest undo not yet redone, unless an action was done since (which ends the redo chain). */
  redoTarget(): CommandRecord | null {
    return (
      (this.db
        .prepare(
          `SELECT * FROM command c WHERE kind = 'undo' AND redacted = 0 AND NOT EXISTS (SELECT 1 FROM command r WHERE r.reverts = c.id)
             AND NOT EXISTS (SELECT 1 FROM command d WHERE d.kind = 'do' AND d.id > c.id)
           ORDER BY id DESC LIMIT 1`,
        )
        .get() as CommandRecord | undefined) ?? null
    );
  }

  /** What Ctrl+Z and Ctrl+Shift+Z would do now, in the analyst's words. */
  next(): { undo: { id: number; label: string } | null; redo: { id: number; label: string } | null } {
    const u = this.undoTarget();
    const r = this.redoTarget();
    return { undo: u && { id: u.id, label: this.originalLabel(u) }, redo: r && { id: r.id, label: this.originalLabel(r) } };
  }

  /** Undoes the newest live action; null when there is nothing to undo. */
  undo(): CommandEntry | null {
    return this.step('undo', () => this.undoTarget());
  }

  /** Redoes the newest undone action; null when there is nothing to redo. */
  redo(): CommandEntry | null {
    return this.step('redo', () => this.redoTarget());
  }

  /** Undo and redo alike revert their target, as a new command of their own kind. */
  private step(kind: 'undo' | 'redo', find: () => ReturnType<History['undoTarget']>): CommandEntry | null {
    return writeTransaction(this.db, () => {
      const target = find();
      if (!target) return null;
      const label = `${kind === 'undo' ? 'Undo' : 'Redo'}: ${this.originalLabel(target)}`;
      const id = this.run({ name: `history.${kind}`, label, kind, reverts: target.id, detail: { command: target.id } }, () => {
        this.revert(target);
        return this.activeCommand()!;
      });
      return this.entry(id);
    });
  }

  /** Undoes every live action from the newest back to `commandId` (included), as one transaction. */
  undoTo(commandId: number): number {
    return writeTransaction(this.db, () => {
      const c = this.db.prepare('SELECT kind FROM command WHERE id = ?').get(commandId) as { kind: CommandKind } | undefined;
      if (!c) throw new HistoryError(`There is no change ${commandId} in the history.`);
      let undone = 0;
      for (let t = this.undoTarget(); t && t.id >= commandId; t = this.undoTarget()) {
        this.undo();
        undone++;
      }
      return undone;
    });
  }

  /** "Reject mention X", not "Undo: Redo: Undo: Reject mention X". */
  private originalLabel(c: CommandRecord): string {
    let at: CommandRecord = c;
    for (let guard = 0; at.reverts !== null && guard < 10_000; guard++) {
      at = this.db.prepare('SELECT * FROM command WHERE id = ?').get(at.reverts) as CommandRecord;
    }
    return at.label;
  }

  /**
   * Applies the inverse of a command's rows, newest first. Each row must still be as the command
   * left it: a change made since by something that is not undone (an import, the background
   * suggester, another program) stops the undo with a reason rather than overwriting it.
   */
  private revert(c: CommandRecord): void {
    // A link's images are not read here: runs of links are put back in SQL (revertLinks).
    const links = [...this.shapes.keys()].filter((table) => this.linkShape(table)).map((table) => `'${table}'`).join(', ') || 'NULL';
    const unlessLink = (column: 'old' | 'new') => `CASE WHEN tbl IN (${links}) AND op <> 'update' THEN NULL ELSE ${column} END AS ${column}`;
    const rows = this.db.prepare(`SELECT id, command_id, tbl, op, ${unlessLink('old')}, ${unlessLink('new')}, redacted FROM command_row WHERE command_id = ? ORDER BY id DESC`).all(c.id) as RowRecord[];
    if (rows.some((r) => r.redacted)) throw new HistoryError(`“${c.label}” cannot be undone: what it changed was purged when the bin was emptied.`);
    // Rows come back in reverse order, but a re-inserted child may precede its parent: checked at commit.
    this.db.pragma('defer_foreign_keys = ON');
    const entities = new Set<number>();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const shape = this.shapes.get(r.tbl);
      if (!shape) throw new HistoryError(`“${c.label}” cannot be undone: table ${r.tbl} is no longer in this workspace.`);
      if (r.op !== 'update' && this.linkShape(r.tbl)) {
        // A run of links added or removed together (a tagged search) is put back as one set.
        let last = i;
        while (last + 1 < rows.length && rows[last + 1]!.tbl === r.tbl && rows[last + 1]!.op === r.op) last++;
        this.revertLinks(c, r.tbl, shape, r.op, rows[last]!.id, r.id);
        i = last;
        continue;
      }
      if (r.op !== 'update') {
        // A run of rows deleted or inserted together (a deleted article's mentions) is put back or taken away in one statement.
        let last = i;
        while (last + 1 < rows.length && rows[last + 1]!.tbl === r.tbl && rows[last + 1]!.op === r.op) last++;
        const revertRun = r.op === 'delete' ? this.revertDeletes : this.revertInserts;
        if (last > i && revertRun.call(this, c, r.tbl, shape, rows[last]!.id, r.id, entities)) {
          i = last;
          continue;
        }
      }
      if (r.op === 'update') {
        // A run of rows changed together (a confidence's suggestions accepted) is put back in one statement.
        let last = i;
        while (last + 1 < rows.length && rows[last + 1]!.tbl === r.tbl && rows[last + 1]!.op === 'update') last++;
        if (last > i && this.revertUpdates(c, r.tbl, shape, rows[last]!.id, r.id, entities)) {
          i = last;
          continue;
        }
      }
      const old = r.old === null ? null : (JSON.parse(r.old) as Record<string, unknown>);
      const neu = r.new === null ? null : (JSON.parse(r.new) as Record<string, unknown>);
      for (const image of [old, neu]) {
        if (r.tbl === 'entity' && typeof image?.id === 'number') entities.add(image.id);
        if (r.tbl === 'mention' && typeof image?.entity_id === 'number') entities.add(image.entity_id);
      }
      const keyed = (neu ?? old)!;
      const where = shape.key.map((k) => `${ident(k)} = json_extract(?, ${path(k)})`).join(' AND ');
      const keyArgs = shape.key.map(() => JSON.stringify(keyed));
      const current = this.db.prepare(`SELECT ${this.imageOf(shape)} FROM ${ident(r.tbl)} WHERE ${where}`).pluck().get(...keyArgs) as string | undefined;
      const conflict = () => new HistoryError(`“${c.label}” cannot be undone: ${describeRow(r.tbl, keyed)} has changed since (by a later change that is still in place).`);
      if (r.op === 'delete') {
        if (current !== undefined) throw conflict();
        const columns = Object.keys(old!).filter((k) => shape.columns.includes(k));
        const text = JSON.stringify(old);
        this.db.prepare(`INSERT INTO ${ident(r.tbl)} (${columns.map(ident).join(', ')}) SELECT ${columns.map((k) => `json_extract(?, ${path(k)})`).join(', ')}`).run(...columns.map(() => text));
        continue;
      }
      if (current === undefined || !sameImage(JSON.parse(current) as Record<string, unknown>, neu!)) throw conflict();
      if (r.op === 'insert') {
        this.db.prepare(`DELETE FROM ${ident(r.tbl)} WHERE ${where}`).run(...keyArgs);
        continue;
      }
      const columns = Object.keys(old!).filter((k) => shape.columns.includes(k));
      const text = JSON.stringify(old);
      this.db
        .prepare(`UPDATE ${ident(r.tbl)} SET ${columns.map((k) => `${ident(k)} = json_extract(?, ${path(k)})`).join(', ')} WHERE ${where}`)
        .run(...columns.map(() => text), ...keyArgs);
    }
    const recount = this.db.prepare(
      `UPDATE entity SET
         mention_count = (SELECT count(*) FROM mention m WHERE m.entity_id = entity.id AND m.status <> 'rejected'),
         accepted_count = (SELECT count(*) FROM mention m WHERE m.entity_id = entity.id AND m.status = 'accepted')
       WHERE id = ?`,
    );
    for (const id of entities) recount.run(id);
  }

  /**
   * Reverts the command's links with row ids lo…hi (one table, one operation) as a set: the same
   * checks, the same rows and the same captured images, newest first, as the row by row way.
   */
  private revertLinks(c: CommandRecord, table: string, shape: TableShape, op: 'insert' | 'delete', lo: number, hi: number): void {
    const t = ident(table);
    const image = op === 'insert' ? 'new' : 'old';
    const run = 'main.command_row r WHERE r.command_id = ? AND r.id BETWEEN ? AND ?';
    const keyed = shape.key.map((k) => `l.${ident(k)} = json_extract(r.${image}, ${path(k)})`).join(' AND ');
    const columns = shape.columns.map(ident).join(', ');
    const fromImage = shape.columns.map((k) => `json_extract(r.${image}, ${path(k)})`).join(', ');
    const current = `json_object(${shape.columns.map((k) => `'${k}', l.${ident(k)}`).join(', ')})`;
    // An added link must still be there, a removed one still gone; the newest that is not names the conflict.
    const conflict = this.db
      .prepare(`SELECT r.${image} FROM ${run} AND ${op === 'insert' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM main.${t} l WHERE ${keyed}) ORDER BY r.id DESC LIMIT 1`)
      .pluck()
      .get(c.id, lo, hi) as string | undefined;
    if (conflict !== undefined) {
      throw new HistoryError(`“${c.label}” cannot be undone: ${describeRow(table, JSON.parse(conflict) as Record<string, unknown>)} has changed since (by a later change that is still in place).`);
    }
    const capture = (as: 'insert' | 'delete', command: number) =>
      this.db
        .prepare(`INSERT INTO main.command_row (command_id, tbl, op, old, new) SELECT ?, ?, '${as}', ${as === 'delete' ? `${current}, NULL` : `NULL, ${current}`} FROM ${run.replace(' WHERE', ` JOIN main.${t} l ON ${keyed} WHERE`)} ORDER BY r.id DESC`)
        .run(command, table, c.id, lo, hi);
    this.capturedAsSet((command) => {
      if (op === 'insert') {
        if (command !== null) capture('delete', command);
        this.db.prepare(`DELETE FROM main.${t} WHERE (${shape.key.map(ident).join(', ')}) IN (SELECT ${shape.key.map((k) => `json_extract(r.new, ${path(k)})`).join(', ')} FROM ${run})`).run(c.id, lo, hi);
      } else {
        this.db.prepare(`INSERT INTO main.${t} (${columns}) SELECT ${fromImage} FROM ${run} ORDER BY r.id DESC`).run(c.id, lo, hi);
        if (command !== null) capture('insert', command);
      }
    });
  }

  /**
   * Puts back the command's deleted rows with row ids lo…hi (one table) in one INSERT … SELECT, newest
   * first: the row triggers fire and capture as they do row by row, and the same newest conflict is
   * named. A mention's counts and entity articles are written once per entity and pair
   * (MentionCounts). Returns false, having changed nothing, when an image lacks a column the table
   * has now (a row deleted before a migration): those go row by row, which leaves such columns to their defaults.
   */
  private revertDeletes(c: CommandRecord, table: string, shape: TableShape, lo: number, hi: number, entities: Set<number>): boolean {
    const t = ident(table);
    const run = 'main.command_row r WHERE r.command_id = ? AND r.id BETWEEN ? AND ?';
    const args = [c.id, lo, hi] as const;
    const lacking = shape.columns.map((k) => `json_type(r.old, ${path(k)}) IS NULL`).join(' OR ');
    if (this.db.prepare(`SELECT 1 FROM ${run} AND (${lacking}) LIMIT 1`).get(...args)) return false;
    const keyed = shape.key.map((k) => `l.${ident(k)} = json_extract(r.old, ${path(k)})`).join(' AND ');
    const conflict = this.db.prepare(`SELECT r.old FROM ${run} AND EXISTS (SELECT 1 FROM main.${t} l WHERE ${keyed}) ORDER BY r.id DESC LIMIT 1`).pluck().get(...args) as string | undefined;
    if (conflict !== undefined) {
      throw new HistoryError(`“${c.label}” cannot be undone: ${describeRow(table, JSON.parse(conflict) as Record<string, unknown>)} has changed since (by a later change that is still in place).`);
    }
    const insert = this.db.prepare(
      `INSERT INTO main.${t} (${shape.columns.map(ident).join(', ')}) SELECT ${shape.columns.map((k) => `json_extract(r.old, ${path(k)})`).join(', ')} FROM ${run} ORDER BY r.id DESC`,
    );
    this.changeRun(table, 'old', insert, args, entities);
    return true;
  }

  /**
   * Takes away the command's inserted rows with row ids lo…hi (one table) in one DELETE, when every
   * one is still exactly as inserted (its image as it is now equals the captured one). Otherwise
   * returns false, having changed nothing, and they go row by row, which names the conflict or
   * passes over columns added since. The rows are captured by key order, not newest first.
   */
  private revertInserts(c: CommandRecord, table: string, shape: TableShape, lo: number, hi: number, entities: Set<number>): boolean {
    const t = ident(table);
    const run = 'main.command_row r WHERE r.command_id = ? AND r.id BETWEEN ? AND ?';
    const args = [c.id, lo, hi] as const;
    const keyed = shape.key.map((k) => `l.${ident(k)} = json_extract(r.new, ${path(k)})`).join(' AND ');
    const current = `json_object(${shape.columns.map((k) => `'${k}', l.${ident(k)}`).join(', ')})`;
    if (this.db.prepare(`SELECT 1 FROM ${run} AND NOT EXISTS (SELECT 1 FROM main.${t} l WHERE ${keyed} AND ${current} = r.new) LIMIT 1`).get(...args)) return false;
    const keys = shape.key.map(ident).join(', ');
    const remove = this.db.prepare(`DELETE FROM main.${t} WHERE (${keys}) IN (SELECT ${shape.key.map((k) => `json_extract(r.new, ${path(k)})`).join(', ')} FROM ${run})`);
    this.changeRun(table, 'new', remove, args, entities);
    return true;
  }

  /**
   * Puts back the old values of the command's updated rows with row ids lo…hi (one table) in one
   * UPDATE … FROM, when each row was changed once in the run and kept its key, every old image holds
   * every column the table has now, and every row is exactly as the command left it (its image now
   * equals the captured one). Otherwise returns false, having changed nothing, and they go row by
   * row, which names the conflict. The row triggers fire and capture as they do row by row, in the
   * order SQLite updates the rows rather than newest first.
   */
  private revertUpdates(c: CommandRecord, table: string, shape: TableShape, lo: number, hi: number, entities: Set<number>): boolean {
    const t = ident(table);
    const run = 'main.command_row r WHERE r.command_id = ? AND r.id BETWEEN ? AND ?';
    const args = [c.id, lo, hi] as const;
    const key = (image: 'old' | 'new') => shape.key.map((k) => `json_extract(r.${image}, ${path(k)})`);
    const lacking = shape.columns.map((k) => `json_type(r.old, ${path(k)}) IS NULL`);
    const moved = key('old').map((k, i) => `${k} IS NOT ${key('new')[i]!}`);
    if (this.db.prepare(`SELECT 1 FROM ${run} AND (${[...lacking, ...moved].join(' OR ')}) LIMIT 1`).get(...args)) return false;
    if (this.db.prepare(`SELECT 1 FROM ${run} GROUP BY ${key('new').join(', ')} HAVING count(*) > 1 LIMIT 1`).get(...args)) return false;
    const keyed = shape.key.map((k) => `l.${ident(k)} = json_extract(r.new, ${path(k)})`).join(' AND ');
    const current = `json_object(${shape.columns.map((k) => `'${k}', l.${ident(k)}`).join(', ')})`;
    if (this.db.prepare(`SELECT 1 FROM ${run} AND NOT EXISTS (SELECT 1 FROM main.${t} l WHERE ${keyed} AND ${current} = r.new) LIMIT 1`).get(...args)) return false;
    const noted = table === 'entity' ? ['id'] : table === 'mention' ? ['entity_id'] : [];
    for (const column of noted) {
      const ids = this.db.prepare(`SELECT json_extract(r.old, '$.${column}'), json_extract(r.new, '$.${column}') FROM ${run}`).raw().all(...args) as (number | null)[][];
      for (const pair of ids) for (const id of pair) if (typeof id === 'number') entities.add(id);
    }
    const sets = shape.columns.filter((k) => !shape.key.includes(k)).map((k) => `${ident(k)} = json_extract(r.old, ${path(k)})`);
    if (sets.length === 0) return false;
    this.db.prepare(`UPDATE main.${t} AS l SET ${sets.join(', ')} FROM (SELECT r.old, r.new FROM ${run}) AS r WHERE ${keyed}`).run(...args);
    return true;
  }

  /**
   * Runs the statement that puts back (image 'old') or takes away (image 'new') a run of captured
   * rows, noting the entities to recount. Mentions tell MentionCounts, so that their entities'
   * counts and articles change once per entity and pair rather than once per mention.
   */
  private changeRun(table: string, image: 'old' | 'new', statement: { run(...params: unknown[]): unknown }, args: readonly [number, number, number], entities: Set<number>): void {
    const run = 'main.command_row r WHERE r.command_id = ? AND r.id BETWEEN ? AND ?';
    if (table === 'entity') {
      for (const id of this.db.prepare(`SELECT json_extract(r.${image}, '$.id') FROM ${run}`).pluck().all(...args) as number[]) entities.add(id);
    }
    if (table !== 'mention') {
      statement.run(...args);
      return;
    }
    const counts = new MentionCounts(this.db);
    const mentions = this.db
      .prepare(`SELECT json_extract(r.${image}, '$.entity_id') AS entity, json_extract(r.${image}, '$.status') AS status, json_extract(r.${image}, '$.article_id') AS article FROM ${run}`)
      .all(...args) as { entity: number | null; status: Parameters<MentionCounts['inserted']>[1]; article: number }[];
    for (const m of mentions) {
      if (image === 'old') counts.inserted(m.entity, m.status, m.article);
      else counts.deleted(m.entity, m.status, m.article);
      if (m.entity !== null) entities.add(m.entity);
    }
    statement.run(...args);
    counts.apply();
  }

  private imageOf(shape: TableShape): string {
    return `json_object(${shape.columns.map((c) => `'${c}', ${ident(c)}`).join(', ')})`;
  }

  private entry(id: number): CommandEntry {
    return this.list({ limit: 1, beforeId: id + 1 })[0]!;
  }

  /** The history, newest first, `limit` at a time (`beforeId` pages back). */
  list({ limit, beforeId }: { limit: number; beforeId?: number | null }): CommandEntry[] {
    const rows = this.db
      .prepare(
        `SELECT c.*, EXISTS (SELECT 1 FROM command u WHERE u.reverts = c.id) AS reverted
         FROM command c WHERE c.id < ? ORDER BY c.id DESC LIMIT ?`,
      )
      .all(beforeId ?? Number.MAX_SAFE_INTEGER, limit) as (CommandRecord & { reverted: number })[];
    return rows.map((c) => ({
      id: c.id,
      at: c.at,
      user: c.user,
      name: c.name,
      label: c.label,
      kind: c.kind,
      reverts: c.reverts,
      rows: c.row_count,
      undone: (c.kind === 'do' || c.kind === 'redo') && c.reverted === 1,
      redacted: c.redacted === 1,
    }));
  }

  /** What one command changed: each row before and after. */
  rows(commandId: number, limit = 500): CommandRowEntry[] {
    const rows = this.db.prepare('SELECT * FROM command_row WHERE command_id = ? ORDER BY id LIMIT ?').all(commandId, limit) as RowRecord[];
    return rows.map((r) => ({
      table: r.tbl,
      op: r.op,
      before: r.old === null ? null : (JSON.parse(r.old) as Record<string, unknown>),
      after: r.new === null ? null : (JSON.parse(r.new) as Record<string, unknown>),
      redacted: r.redacted === 1,
    }));
  }

  /** Checks the whole chain: every command's link, words and rows against their digests. */
  verify(): VerifyReport {
    const problems: VerifyReport['problems'] = [];
    let prev = GENESIS;
    let commands = 0;
    let rowsSeen = 0;
    const rowsOf = this.db.prepare('SELECT * FROM command_row WHERE command_id = ? ORDER BY id');
    for (const c of this.db.prepare('SELECT * FROM command ORDER BY id').iterate() as IterableIterator<CommandRecord>) {
      commands++;
      if (c.prev_hash !== prev) problems.push({ commandId: c.id, problem: 'its link to the previous record does not match (a record before it was removed, added or changed)' });
      if (!c.redacted && textDigest(c.label, c.detail) !== c.digest) problems.push({ commandId: c.id, problem: 'its label or detail was changed' });
      const digests: string[] = [];
      for (const r of rowsOf.iterate(c.id) as IterableIterator<RowRecord>) {
        rowsSeen++;
        if (!r.redacted && rowDigest(r) !== r.digest) problems.push({ commandId: c.id, problem: `row ${r.id} (${r.tbl}) was changed` });
        digests.push(r.digest ?? '');
      }
      if (digests.length !== c.row_count) problems.push({ commandId: c.id, problem: `it holds ${digests.length} rows where ${c.row_count} were recorded` });
      if (commandHash(c.prev_hash, c, digests) !== c.hash) problems.push({ commandId: c.id, problem: 'its contents do not match its hash' });
      prev = c.hash;
    }
    return { ok: problems.length === 0, commands, rows: rowsSeen, head: prev, problems };
  }

  /**
   * For "Empty the bin" (purge): a captured row about deleted data keeps its ids and numbers but
   * loses its text, and the command holding it loses its label and detail (they name what was
   * deleted). A row is about deleted data when its record is gone and it holds text, or when it
   * belongs to an article that is gone (a tag link, a mention). Digests stay, so the chain still
   * verifies; those commands can no longer be undone.
   */
  redactDeleted(): number {
    return writeTransaction(this.db, () => {
      const update = this.db.prepare('UPDATE command_row SET old = ?, new = ?, redacted = 1 WHERE id = ?');
      const articleGone = this.db.prepare('SELECT NOT EXISTS (SELECT 1 FROM article WHERE id = ?)').pluck();
      const page = this.db.prepare('SELECT id, command_id, tbl, old, new FROM command_row WHERE redacted = 0 AND id > ? ORDER BY id LIMIT 5000');
      const exists = new Map(
        [...this.shapes].map(([table, shape]) => [
          table,
          this.db.prepare(`SELECT EXISTS (SELECT 1 FROM ${ident(table)} WHERE ${shape.key.map((k) => `${ident(k)} = json_extract(?, ${path(k)})`).join(' AND ')})`).pluck(),
        ]),
      );
      const redact = (text: string | null) => (text === null ? null : JSON.stringify(redactImage(JSON.parse(text))));
      const touched = new Set<number>();
      let redacted = 0;
      for (let after = 0; ; ) {
        const rows = page.all(after) as Pick<RowRecord, 'id' | 'command_id' | 'tbl' | 'old' | 'new'>[];
        if (rows.length === 0) break;
        after = rows.at(-1)!.id;
        for (const r of rows) {
          const text = (r.new ?? r.old)!;
          const image = JSON.parse(text) as Record<string, unknown>;
          const check = exists.get(r.tbl);
          const gone = check !== undefined && check.get(...this.shapes.get(r.tbl)!.key.map(() => text)) === 0;
          const hasText = Object.values(image).some((v) => typeof v === 'string');
          const ofDeletedArticle = typeof image.article_id === 'number' && articleGone.get(image.article_id) === 1;
          if (!((gone && hasText) || ofDeletedArticle)) continue;
          update.run(redact(r.old), redact(r.new), r.id);
          touched.add(r.command_id);
          redacted++;
        }
      }
      const redactCommand = this.db.prepare("UPDATE command SET label = name || ' (details purged)', detail = NULL, redacted = 1 WHERE id = ?");
      for (const id of touched) redactCommand.run(id);
      // Undo and redo commands repeat the label of what they reverse.
      const followers = this.db.prepare(
        "UPDATE command SET label = name || ' (details purged)', detail = NULL, redacted = 1 WHERE redacted = 0 AND reverts IN (SELECT id FROM command WHERE redacted = 1)",
      );
      while (followers.run().changes > 0);
      return redacted;
    });
  }
}

function sameImage(current: Record<string, unknown>, expected: Record<string, unknown>): boolean {
  return Object.entries(expected).every(([k, v]) => !(k in current) || current[k] === v);
}

function describeRow(table: string, image: Record<string, unknown>): string {
  const what = table.replaceAll('_', ' ');
  return typeof image.id === 'number' ? `${what} ${image.id}` : `a ${what} record`;
}
