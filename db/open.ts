import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrations } from './migrations/index.js';

export type Db = Database.Database;

export class WorkspaceFileError extends Error {}

/** Long enough for another process to store a whole import batch (250 articles) before we give up. */
export const BUSY_TIMEOUT_MS = 30_000;

/** Where Electron keeps a better-sqlite3 built for its own ABI (see scripts/start.mjs). */
function nativeBinding(): string | undefined {
  return process.env.AWB_SQLITE_BINDING || undefined;
}

export interface OpenOptions {
  /** Create the file when it does not exist. */
  create?: boolean;
  /** Open without writing anything, not even the journal mode: writes fail with SQLITE_READONLY. */
  readOnly?: boolean;
}

/**
 * Opens (creating if needed) a workspace file: WAL, foreign keys on, deleted content overwritten
 * (secure_delete), migrated to the newest schema. A file written by a newer version, or one that
 * is not a workspace, is refused before anything is written to it. Read-only, the file must
 * already be at the newest schema.
 */
export function openWorkspace(file: string, options: OpenOptions = {}): Db {
  const exists = fs.existsSync(file);
  if (!exists && (!options.create || options.readOnly)) throw new WorkspaceFileError(`No workspace at ${file}`);
  if (!exists) fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db;
  try {
    db = cacheStatements(new Database(file, { nativeBinding: nativeBinding(), readonly: options.readOnly ?? false, fileMustExist: exists }));
    // Reading the schema version is the first read of the file: it fails here when the file is not SQLite.
    db.pragma('user_version', { simple: true });
  } catch (error) {
    // A file SQLite cannot open read-only (WAL on read-only media) is a workspace all the same: the caller decides.
    if (String((error as { code?: unknown }).code).startsWith('SQLITE_READONLY')) throw error;
    throw new WorkspaceFileError(`${file} is not a workspace database (${(error as Error).message})`);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Checked before the journal mode is switched: a foreign SQLite file is refused untouched.
    assertOurs(db, file);
    if (!options.readOnly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // Freed pages and cells are zeroed, so deleted text does not linger in the file (see purge).
    db.pragma('secure_delete = ON');
    if (options.readOnly) assertCurrent(db, file);
    else migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const newestVersion = () => migrations.at(-1)?.version ?? 0;

/** The file is empty, or a workspace this version can read; anything else is refused. */
function assertOurs(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > newestVersion()) {
    throw new WorkspaceFileError(
      `${path.basename(file)} was written by a newer Analyst Workbench (schema ${current}; this one knows ${newestVersion()}).`,
    );
  }
  if (current > 0) {
    const row = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'article'").get();
    if (!row) throw new WorkspaceFileError(`${path.basename(file)} is not an Analyst Workbench workspace.`);
  } else if ((db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() as number) > 0) {
    throw new WorkspaceFileError(`${path.basename(file)} is an SQLite file but not an Analyst Workbench workspace.`);
  }
}

function assertCurrent(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current < newestVersion()) {
    throw new WorkspaceFileError(
      `${path.basename(file)} needs upgrading to this version's schema, which cannot be done while it is read-only. Open it where it can be written (or from a copy).`,
    );
  }
}

/**
 * Brings the file to the newest schema in one transaction. A workspace with data is copied to
 * `<file>.v<N>.bak` first; the copy is removed once the upgraded file passes an integrity check,
 * and kept (the error says where) when the upgrade or the check fails.
 */
export function migrate(db: Db, file: string): void {
  assertOurs(db, file);
  const before = db.pragma('user_version', { simple: true }) as number;
  if (before === newestVersion()) return;
  const backup = before > 0 ? backupBeforeMigration(db, file, before) : null;
  const kept = backup ? ` The copy taken before the upgrade is kept at ${backup}.` : '';
  try {
    writeTransaction(db, () => {
      // Read again under the write lock: another process may have upgraded the file meanwhile.
      const current = db.pragma('user_version', { simple: true }) as number;
      for (const m of migrations.filter((m) => m.version > current)) {
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
      }
    });
  } catch (error) {
    throw new WorkspaceFileError(`${path.basename(file)} could not be upgraded to schema ${newestVersion()} (${(error as Error).message}); it is unchanged.${kept}`);
  }
  const check = db.pragma('integrity_check', { simple: true });
  if (check !== 'ok') throw new WorkspaceFileError(`${path.basename(file)} failed its integrity check after the upgrade (${String(check)}).${kept}`);
  if (backup) fs.rmSync(backup, { force: true });
}

function backupBeforeMigration(db: Db, file: string, version: number): string {
  const target = `${file}.v${version}.bak`;
  if (fs.existsSync(target)) fs.rmSync(target);
  db.exec(`VACUUM INTO '${target.replaceAll("'", "''")}'`);
  return target;
}

/** A consistent copy of the open workspace (the "Save a copy" command). */
export function copyWorkspace(db: Db, target: string): void {
  if (fs.existsSync(target)) throw new WorkspaceFileError(`${target} already exists; choose a new name.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  db.exec(`VACUUM INTO '${target.replaceAll("'", "''")}'`);
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Makes `db.prepare` reuse compiled statements, keyed by their SQL. Repositories prepare at the call
 * site, which reads well, but compiling is not free: an INSERT into a table with triggers (the
 * history's TEMP triggers, the FTS and counter triggers) compiles every trigger body too, and the
 * extractor stores tens of mentions per article. A reused statement gets its default modes back
 * (not plucked, not raw, not expanded), as a fresh one would have. Least recently used goes first.
 */
function cacheStatements(db: Db): Db {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    const hit = cache.get(sql);
    if (hit && !hit.busy) {
      cache.delete(sql);
      cache.set(sql, hit);
      if (hit.reader) hit.pluck(false).expand(false).raw(false);
      return hit;
    }
    const statement = prepare(sql);
    cache.set(sql, statement);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return statement;
  }) as Db['prepare'];
  return db;
}

/**
 * Runs `fn` in a write transaction that takes the write lock at BEGIN (BEGIN IMMEDIATE). A
 * deferred transaction reads first and upgrades later; when another connection holds the lock
 * then, SQLite fails at once with "database is locked" instead of waiting for the busy timeout
 * (two imports into one workspace lost whole batches that way). Nested calls become savepoints.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

export function nowIso(): string {
  return new Date().toISOString();
}
