import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrations } from './migrations/index.js';

export type Db = Database.Database;

export class WorkspaceFileError extends Error {}

/** Where Electron keeps a better-sqlite3 built for its own ABI (see scripts/start.mjs). */
function nativeBinding(): string | undefined {
  return process.env.AWB_SQLITE_BINDING || undefined;
}

/**
 * Opens (creating if needed) a workspace file: WAL, foreign keys on, migrated to the newest
 * schema. A file written by a newer version, or one that is not a workspace, is refused.
 */
export function openWorkspace(file: string, options: { create?: boolean } = {}): Db {
  const exists = fs.existsSync(file);
  if (!exists && !options.create) throw new WorkspaceFileError(`No workspace at ${file}`);
  if (!exists) fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, { nativeBinding: nativeBinding() });
    db.pragma('journal_mode = WAL');
  } catch (error) {
    throw new WorkspaceFileError(`${file} is not a workspace database (${(error as Error).message})`);
  }
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function migrate(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new WorkspaceFileError(
      `${path.basename(file)} was written by a newer Analyst Workbench (schema ${current}; this one knows ${newest}).`,
    );
  }
  if (current > 0) assertIsWorkspace(db, file);
  else if (hasForeignTables(db)) {
    throw new WorkspaceFileError(`${path.basename(file)} is an SQLite file but not an Analyst Workbench workspace.`);
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  if (current > 0) backupBeforeMigration(db, file, current);
  const run = db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  run();
}

function hasForeignTables(db: Db): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
  return row.n > 0;
}

function assertIsWorkspace(db: Db, file: string): void {
  const row = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'article'").get();
  if (!row) throw new WorkspaceFileError(`${path.basename(file)} is not an Analyst Workbench workspace.`);
}

function backupBeforeMigration(db: Db, file: string, version: number): void {
  const target = `${file}.v${version}.bak`;
  if (fs.existsSync(target)) fs.rmSync(target);
  db.exec(`VACUUM INTO '${target.replaceAll("'", "''")}'`);
}

/** A consistent copy of the open workspace (the "Save a copy" command). */
export function copyWorkspace(db: Db, target: string): void {
  if (fs.existsSync(target)) throw new WorkspaceFileError(`${target} already exists; choose a new name.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  db.exec(`VACUUM INTO '${target.replaceAll("'", "''")}'`);
}

export function nowIso(): string {
  return new Date().toISOString();
}
