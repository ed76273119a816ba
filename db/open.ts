import Database from 'better-sqlite3-multiple-ciphers';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { migrations } from './migrations/index.js';

export type Db = Database.Database;

export class WorkspaceFileError extends Error {}

/** Long enough for another process to store a whole import batch (250 articles) before we give up. */
export const BUSY_TIMEOUT_MS = 30_000;

/** Where Electron keeps the SQLite module built for its own ABI (built by scripts/electronSqlite.mjs). */
function nativeBinding(): string | undefined {
  return process.env.AWB_SQLITE_BINDING || undefined;
}

export interface OpenOptions {
  /** Create the file when it does not exist. */
  create?: boolean;
  /** Open without writing anything, not even the journal mode: writes fail with SQLITE_READONLY. */
  readOnly?: boolean;
  /**
   * The workspace's passphrase: needed to open an encrypted file, and makes a new file encrypted.
   * Ignored for a plain file, which opens exactly as it would without one.
   */
  passphrase?: string | null;
}

/**
 * Opens (creating if needed) a workspace file: WAL, foreign keys on, deleted content overwritten
 * (secure_delete), migrated to the newest schema. A file written by a newer version, or one that
 * is not a workspace, is refused before anything is written to it. Read-only, the file must
 * already be at the newest schema. An encrypted file needs its passphrase; without it, or with a
 * wrong one, a PassphraseError says so and the file is left as it was.
 */
export function openWorkspace(file: string, options: OpenOptions = {}): Db {
  const exists = fs.existsSync(file);
  if (!exists && (!options.create || options.readOnly)) throw new WorkspaceFileError(`No workspace at ${file}`);
  if (!exists) fs.mkdirSync(path.dirname(file), { recursive: true });
  const encrypted = exists && isEncryptedFile(file);
  if (encrypted && !options.passphrase) throw new PassphraseError('needed', `${path.basename(file)} is encrypted: enter its passphrase to open it.`);
  // A file with no page yet (new, or created empty) takes the passphrase; a plain workspace ignores it.
  const keyed = encrypted || (!!options.passphrase && (!exists || fs.statSync(file).size === 0));
  let db: Db | undefined;
  try {
    db = cacheStatements(new Database(file, { nativeBinding: nativeBinding(), readonly: options.readOnly ?? false, fileMustExist: exists }));
    if (keyed) useKey(db, options.passphrase!);
    // Reading the schema version is the first read of the file: it fails here when the file is not
    // SQLite, or when the key does not decrypt it (SQLITE_NOTADB; nothing has been written yet).
    db.pragma('user_version', { simple: true });
  } catch (error) {
    db?.close();
    const code = String((error as { code?: unknown }).code);
    // A file SQLite cannot open read-only (WAL on read-only media) is a workspace all the same: the caller decides.
    if (code.startsWith('SQLITE_READONLY')) throw error;
    if (keyed && code === 'SQLITE_NOTADB') throw new PassphraseError('wrong', 'The passphrase is wrong.');
    throw new WorkspaceFileError(`${file} is not a workspace database (${(error as Error).message})`);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Checked before the journal mode is switched: a foreign SQLite file is refused untouched.
    assertOurs(db, file);
    if (!options.readOnly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma(`cache_size = ${WRITER_CACHE_KIB}`);
    // Freed pages and cells are zeroed, so deleted text does not linger in the file (see purge).
    db.pragma('secure_delete = ON');
    // SQLite's own temporary files (sorts, the history's TEMP triggers, VACUUM) are not encrypted:
    // for an encrypted workspace they stay in memory.
    if (keyed) db.pragma('temp_store = MEMORY');
    if (!options.readOnly) removeLeftoverCopies(file);
    if (options.readOnly) assertCurrent(db, file);
    else migrate(db, file);
    if (keyed) {
      keyedConnections.add(db);
      // A new file's first pages are in its -wal: checkpointed now, the file itself shows it is
      // encrypted from the start (a crash before the first checkpoint would otherwise leave a file
      // that looks empty and plain).
      if (!exists && !options.readOnly) db.pragma('wal_checkpoint(TRUNCATE)');
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Why an encrypted workspace did not open: no passphrase was given, or it was not the right one. */
export class PassphraseError extends WorkspaceFileError {
  constructor(
    readonly reason: 'needed' | 'wrong',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The cipher: SQLCipher 4's format (AES-256-CBC with an HMAC-SHA512 on every page; the key derived
 * from the passphrase with PBKDF2-HMAC-SHA512, 256,000 iterations, and a random salt per file), so
 * an encrypted workspace opens in any SQLCipher 4 tool given its passphrase. SQLite3MultipleCiphers'
 * default (ChaCha20 with 64,007 iterations of PBKDF2-SHA256) would be faster to unlock but weaker
 * against guessing, and readable only by SQLite3MultipleCiphers.
 */
const CIPHER = { name: 'sqlcipher', legacy: 4, kdfIterations: 256_000 } as const;

/** Makes the connection read and write with the key derived from `passphrase` (a new file takes it). */
function useKey(db: Db, passphrase: string): void {
  chooseCipher(db);
  // Through sqlite3_key, not `PRAGMA key='…'`: the passphrase is never part of SQL text.
  db.key(Buffer.from(passphrase, 'utf8'));
}

function chooseCipher(db: Db): void {
  db.pragma(`cipher = '${CIPHER.name}'`);
  db.pragma(`legacy = ${CIPHER.legacy}`);
  db.pragma(`kdf_iter = ${CIPHER.kdfIterations}`);
}

/**
 * A second connection to an open workspace, for the background threads: keyed like the first, it
 * runs no migration and takes no lock. `setUp` fits it to its job.
 */
function openSecondConnection(file: string, passphrase: string | null, setUp: (db: Db) => void): Db {
  const db = new Database(file, { nativeBinding: nativeBinding(), fileMustExist: true });
  try {
    if (passphrase && isEncryptedFile(file)) {
      useKey(db, passphrase);
      // As for the core's connection: SQLite's temporary files (a large sort spills to one) are not encrypted.
      db.pragma('temp_store = MEMORY');
    }
    setUp(db);
    // The first read: fails here, not at the first use, when the key is wrong.
    db.pragma('user_version', { simple: true });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Page cache of a connection that writes (negative: KiB). SQLite's default of 2 MB holds little of
 * the full-text index and the eight indexes of the article table that every stored article
 * touches. With 100,000 articles stored, an import of 30,000 more ran at 810-881 articles/s with
 * it and 933-960/s with 64 MB; storing 20,000 alone, in the same short transactions, 726-794/s
 * against 912-942/s. A miss reads the page from the OS (and decrypts it, for an encrypted file).
 * The cache grows only as it is used: at most 64 MB on the core's connection and the writer's.
 */
const WRITER_CACHE_KIB = -65_536;

/** For the checkpointer (electron/services/checkpointer.ts): it never writes records, only moves the write-ahead log into the file. */
export function openCheckpointConnection(file: string, passphrase: string | null): Db {
  // A passive checkpoint never waits; the close at the end may, briefly.
  return openSecondConnection(file, passphrase, (db) => db.pragma('busy_timeout = 1000'));
}

/**
 * For long writes off the core's thread (electron/services/writerJobs.ts): set as the core's own
 * connection is, since the same triggers and foreign keys must hold for what it writes. It leaves
 * the log to the checkpointer or the core's next commit (a checkpoint inside its commit would
 * only lengthen the job).
 */
export function openWriterConnection(file: string, passphrase: string | null): Db {
  // Its statements are kept as the core's are: an undo puts rows back one by one where it must.
  return openSecondConnection(file, passphrase, (db) => {
    cacheStatements(db);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('secure_delete = ON');
    db.pragma('wal_autocheckpoint = 0');
    db.pragma(`cache_size = ${WRITER_CACHE_KIB}`);
  });
}

/**
 * For long reads off the core's thread (electron/services/orderReader.ts): it refuses writes, and in
 * WAL mode reads the last committed state while the core writes.
 */
export function openReaderConnection(file: string, passphrase: string | null): Db {
  return openSecondConnection(file, passphrase, (db) => {
    db.pragma('query_only = ON');
    // Its sorts of a million rows spill to temporary files under SQLite's default 2 MB.
    db.pragma('cache_size = -32768');
  });
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * An encrypted workspace starts with its salt where a plain SQLite file says "SQLite format 3", and
 * is made of whole pages; a file with neither is something else (refused as not a workspace).
 */
export function isEncryptedFile(file: string): boolean {
  const size = fs.statSync(file).size;
  if (size === 0 || size % 512 !== 0) return false;
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  return head.toString('latin1') !== SQLITE_HEADER;
}

const keyedConnections = new WeakSet<Db>();

/** Whether this connection reads and writes through a key (its file is encrypted). */
export function isEncrypted(db: Db): boolean {
  return keyedConnections.has(db);
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
 * and kept (the error says where) when the upgrade or the check fails. An upgrade whose migrations
 * only add (see `onlyAdds`) takes no copy and checks the tables it made.
 */
export function migrate(db: Db, file: string): void {
  assertOurs(db, file);
  const before = db.pragma('user_version', { simple: true }) as number;
  if (before === newestVersion()) return;
  const pending = migrations.filter((m) => m.version > before);
  const onlyAdds = pending.every((m) => m.onlyAdds);
  const backup = before > 0 && !onlyAdds ? backupBeforeMigration(db, file, before) : null;
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
  const check = onlyAdds ? checkTablesMade(db, pending) : db.pragma('integrity_check', { simple: true });
  if (check !== 'ok') throw new WorkspaceFileError(`${path.basename(file)} failed its integrity check after the upgrade (${String(check)}).${kept}`);
  if (backup) fs.rmSync(backup, { force: true });
}

/** The integrity check of each table these migrations create, with its indexes: 'ok' or the first fault. */
function checkTablesMade(db: Db, made: readonly { sql: string }[]): unknown {
  for (const { sql } of made) {
    for (const [, table] of sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(\w+)/gi)) {
      const check = db.pragma(`integrity_check(${table!})`, { simple: true });
      if (check !== 'ok') return check;
    }
  }
  return 'ok';
}

function backupBeforeMigration(db: Db, file: string, version: number): string {
  const target = `${file}.v${version}.bak`;
  if (fs.existsSync(target)) fs.rmSync(target);
  db.exec(`VACUUM INTO '${target.replaceAll("'", "''")}'`);
  return target;
}

/**
 * A consistent copy of the open workspace (the "Save a copy" command), with a workspace UUID of
 * its own: the two files go separate ways from here, and their exports must not name their
 * records with the same ids (see db/identity.ts). An encrypted copy has the same passphrase.
 */
export function copyWorkspace(db: Db, target: string): void {
  if (fs.existsSync(target)) throw new WorkspaceFileError(`${target} already exists; choose a new name.`);
  const encrypted = isEncrypted(db);
  // A read-only connection cannot write the copy it makes, and only this connection holds the key.
  if (db.readonly && encrypted) {
    throw new WorkspaceFileError('This encrypted workspace is open read-only, so a copy of it cannot be given its own identity here. Open it where it can be written, then save the copy.');
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  try {
    db.exec(`VACUUM INTO '${target.replaceAll("'", "''")}'`);
    const identity = [crypto.randomUUID(), nowIso()];
    if (db.readonly) {
      const copy = new Database(target, { nativeBinding: nativeBinding(), fileMustExist: true });
      try {
        copy.prepare('UPDATE workspace_identity SET uuid = ?, created_at = ?').run(...identity);
      } finally {
        copy.close();
      }
    } else {
      // Attached, the copy is read and written with this connection's key.
      db.prepare('ATTACH DATABASE ? AS awb_copy').run(target);
      try {
        db.prepare('UPDATE awb_copy.workspace_identity SET uuid = ?, created_at = ?').run(...identity);
      } finally {
        db.exec('DETACH DATABASE awb_copy');
      }
    }
  } catch (error) {
    removeCopy(target);
    throw error;
  }
}

/**
 * Writes the workspace again under a new passphrase (`next`; null leaves it plain), given the one it
 * has now (`current`; null for a plain file, checked as the copy is opened). Safe if interrupted: a
 * complete, checked copy is written beside the file (`<file>.rekey-<pid>.tmp`) and renamed over it
 * in one step, so a crash or a kill at any moment leaves either the old file or the new one, never
 * half of each. (Rekeying in place is not supported in WAL mode by this SQLite3MultipleCiphers, and
 * would rewrite the only copy page by page.) A copy left by a killed run is removed when the
 * workspace next opens. On success `db` is closed and the caller reopens the file with `next`; on a
 * failure before the swap it is left open and the file unchanged; after (the rename refused) it is
 * closed, the file still the old one.
 */
export function rekeyWorkspace(db: Db, file: string, current: string | null, next: string | null): void {
  const encrypted = isEncrypted(db);
  if (!encrypted && next === null) throw new WorkspaceFileError(`${path.basename(file)} has no passphrase to remove.`);
  if (encrypted && !current) throw new PassphraseError('needed', 'Enter the current passphrase first.');
  const copy = `${file}.rekey-${process.pid}.tmp`;
  removeCopy(copy);
  takeWholeFile(db, file);
  try {
    // The copy has the workspace's encryption (or none); it is then keyed anew, in a file no one else uses.
    db.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`);
    const target = new Database(copy, { nativeBinding: nativeBinding(), fileMustExist: true });
    try {
      if (encrypted) useKey(target, current!);
      else chooseCipher(target);
      try {
        target.pragma('user_version', { simple: true });
      } catch (error) {
        if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') throw new PassphraseError('wrong', 'The current passphrase is wrong.');
        throw error;
      }
      target.rekey(Buffer.from(next ?? '', 'utf8'));
      const check = target.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new WorkspaceFileError(`The re-encrypted copy failed its check (${String(check)}); the workspace is unchanged.`);
    } finally {
      target.close();
    }
    syncFile(copy);
  } catch (error) {
    removeCopy(copy);
    releaseWholeFile(db);
    throw error;
  }
  // The last connection closing folds the -wal into the file and removes it: nothing of the old file outlives the swap.
  db.close();
  try {
    fs.renameSync(copy, file);
  } catch (error) {
    removeCopy(copy);
    throw new WorkspaceFileError(`The re-encrypted copy could not replace ${path.basename(file)} (${(error as Error).message}); the workspace is unchanged.`);
  }
  syncFolder(path.dirname(file));
}

/**
 * Keeps every other connection out until `db` closes (exclusive locking mode): no write may land
 * between the copy and the swap, and another program with the file open is a reason to stop, said
 * at once rather than after the busy timeout.
 */
function takeWholeFile(db: Db, file: string): void {
  db.pragma('busy_timeout = 2000');
  db.pragma('locking_mode = EXCLUSIVE');
  try {
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    releaseWholeFile(db);
    if (isBusyError(error)) {
      throw new WorkspaceFileError(`Another program has ${path.basename(file)} open (another window, or the command line): close it there and try again.`);
    }
    throw error;
  }
}

function releaseWholeFile(db: Db): void {
  db.pragma('locking_mode = NORMAL');
  // The exclusive lock is let go at the next access in normal mode.
  db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

function removeCopy(copy: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes the rename itself durable; a folder cannot be opened for syncing on every system (Windows). */
function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not supported here: the rename is still atomic, only its durability is the file system's.
  }
}

/** Removes the copies a killed re-encryption left beside the workspace (a plain one may hold its text). */
function removeLeftoverCopies(file: string): void {
  const base = path.basename(file);
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(`${base}.rekey-`)) continue;
    const pid = /^\.rekey-(\d+)\.tmp(?:-journal|-wal|-shm)?$/.exec(name.slice(base.length))?.[1];
    if (pid && (Number(pid) === process.pid || !isRunning(Number(pid)))) fs.rmSync(path.join(path.dirname(file), name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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

/** "database is locked" in any of its forms (SQLITE_BUSY, _SNAPSHOT, _RECOVERY, _TIMEOUT): another connection had the lock. */
export function isBusyError(error: unknown): boolean {
  return String((error as { code?: unknown } | null)?.code).startsWith('SQLITE_BUSY');
}

/**
 * Changes whenever the workspace may have: a write on this connection (total_changes counts every
 * row written, by triggers too, and never goes back) or a commit by another (data_version).
 */
export function changeStamp(db: Db): string {
  return `${String(db.pragma('data_version', { simple: true }))}:${String(db.prepare('SELECT total_changes()').pluck().get())}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
