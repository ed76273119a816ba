import fs from 'node:fs';
import path from 'node:path';
import { ArticlesRepository } from '../../db/articles.js';
import { History } from '../../db/history.js';
import { copyWorkspace, openWorkspace, type Db } from '../../db/open.js';
import { purgeDeleted, type PurgeReport } from '../../db/purge.js';
import { RelationsRepository } from '../../db/relations.js';
import { selectionLinks } from '../../db/selection.js';
import { TagsRepository } from '../../db/tags.js';
import { ArticleQuery, type SelectionLinks, type SelectionRef, type WorkspaceInfo } from '../contract/index.js';
import { EntityService } from './entities/service.js';
import { UserError } from './errors.js';
import { EventService } from './events/service.js';
import { restoreArchive } from './exports/archive.js';
import { resolveOutputPath } from './output.js';
import { ScratchSpace } from './scratch.js';
import type { Gazetteer } from './gazetteer/gazetteer.js';
import { describeHolder, WorkspaceLock } from './workspaceLock.js';

export const WORKSPACE_EXTENSION = '.awb';

/** One open workspace file and its repositories. */
export class Workspace {
  readonly articles: ArticlesRepository;
  readonly tags: TagsRepository;
  readonly entities: EntityService;
  readonly events: EventService;
  readonly relations: RelationsRepository;
  /** Undo/redo and the audit trail (see db/history.ts). */
  readonly history: History;

  constructor(
    readonly file: string,
    readonly db: Db,
    gazetteer: () => Gazetteer,
    /** Why the workspace is open read-only (shown as a banner), or null when it can be written. */
    readonly readOnly: string | null = null,
    /** Releases what the workspace holds besides its connection: its lock, a temporary copy. */
    private readonly release: () => void = () => {},
  ) {
    this.articles = new ArticlesRepository(db);
    this.tags = new TagsRepository(db);
    this.entities = new EntityService(db, gazetteer);
    this.events = new EventService(db, gazetteer);
    this.relations = new RelationsRepository(db);
    this.history = new History(db, readOnly === null);
  }

  /** What a selected record is tied to, for every view to mark. */
  links(ref: SelectionRef): SelectionLinks {
    return selectionLinks(this.db, ref);
  }

  /** Refuses a change up front, with the reason, when the workspace is open read-only. */
  assertWritable(): void {
    if (this.readOnly) throw new UserError('read_only', `${this.readOnly} Changes cannot be saved.`);
  }

  /** Redacts deleted subjects from the change log, compacts the search index and rewrites the file. */
  purge(): PurgeReport {
    this.assertWritable();
    // The history's row images hold the text of deleted records too (it is the bin): redacted first, before the file is rewritten.
    const redactedRows = this.history.redactDeleted();
    const purged = purgeDeleted(this.db);
    const report = { ...purged, redactedChanges: purged.redactedChanges + redactedRows };
    this.articles.touched();
    return report;
  }

  close(): void {
    this.db.close();
    this.release();
  }
}

/**
 * Opens a workspace for a session. Read-only, with the reason, when the file or its folder cannot
 * be written (read-only media: WAL needs its -wal and -shm files beside the workspace) or when
 * another app instance holds it (with `lock`).
 */
export function openSessionWorkspace(file: string, create: boolean, lock: boolean, gazetteer: () => Gazetteer, dataDir: string): Workspace {
  const exists = fs.existsSync(file);
  const unwritable = exists ? writeProblem(file) : null;
  if (unwritable) return openReadOnly(file, gazetteer, unwritable, dataDir);
  const taken = lock ? WorkspaceLock.acquire(file) : null;
  if (taken && 'heldBy' in taken) {
    return openReadOnly(
      file,
      gazetteer,
      `This workspace is open in ${describeHolder(taken.heldBy)}, so it is shown here read-only. If no other Analyst Workbench is running, delete ${path.basename(file)}.lock beside it and open the workspace again.`,
      dataDir,
    );
  }
  try {
    return new Workspace(file, openWorkspace(file, { create }), gazetteer, null, () => taken?.release());
  } catch (error) {
    taken?.release();
    // A file that refuses writes only when SQLite tries (a read-only mount seen as writable).
    if (exists && isReadOnlyError(error)) return openReadOnly(file, gazetteer, 'This workspace file cannot be written, so it is shown read-only.', dataDir);
    throw error;
  }
}

const isReadOnlyError = (error: unknown) => String((error as { code?: unknown }).code).startsWith('SQLITE_READONLY');

/**
 * A WAL workspace is read through its -shm index beside it; where that cannot be created (a
 * read-only folder or medium), SQLite refuses even to read, so a temporary copy is read instead. The
 * copy goes to the app's private folder (mode 0700), never the shared temp folder, where a crash would
 * leave the analyst's material readable by others.
 */
function openReadOnly(file: string, gazetteer: () => Gazetteer, reason: string, dataDir: string): Workspace {
  try {
    return new Workspace(file, openWorkspace(file, { readOnly: true }), gazetteer, reason);
  } catch (error) {
    if (!isReadOnlyError(error)) throw error;
  }
  const { dir, release: remove } = new ScratchSpace(dataDir).reserve();
  try {
    const copy = path.join(dir, path.basename(file));
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    return new Workspace(file, openWorkspace(copy, { readOnly: true }), gazetteer, `${reason} It is read from a temporary copy.`, remove);
  } catch (error) {
    remove();
    throw error;
  }
}

function writeProblem(file: string): string | null {
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    return 'This workspace file is read-only (its permissions, or read-only media), so it is shown read-only.';
  }
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
  } catch {
    return 'The folder holding this workspace cannot be written (read-only media?), so the workspace is shown read-only.';
  }
  return null;
}

/** The recent list and the default workspace live in the user's data folder. */
export class WorkspaceSession {
  private workspace: Workspace;
  private readonly settingsFile: string;

  constructor(
    private readonly dataDir: string,
    initialFile: string | undefined,
    private readonly gazetteer: () => Gazetteer,
    /** Take the one-instance lock (the app and browser mode); the command line does not. */
    private readonly lock = true,
  ) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.settingsFile = path.join(dataDir, 'settings.json');
    const file = path.resolve(initialFile ?? path.join(dataDir, `default${WORKSPACE_EXTENSION}`));
    this.workspace = openSessionWorkspace(file, true, lock, gazetteer, dataDir);
    this.remember(file);
  }

  get current(): Workspace {
    return this.workspace;
  }

  info(): WorkspaceInfo {
    return {
      path: this.workspace.file,
      name: path.basename(this.workspace.file, WORKSPACE_EXTENSION),
      articles: this.workspace.articles.count(ArticleQuery.parse({})).total,
      recent: this.recent(),
      readOnly: this.workspace.readOnly,
    };
  }

  open(file: string): WorkspaceInfo {
    return this.switchTo(path.resolve(file), false);
  }

  create(file: string): WorkspaceInfo {
    const target = withExtension(path.resolve(file));
    if (fs.existsSync(target)) throw new UserError('exists', `${target} already exists: open it instead, or choose another name.`);
    return this.switchTo(target, true);
  }

  saveCopy(file: string): string {
    const target = withExtension(path.resolve(file));
    copyWorkspace(this.workspace.db, target);
    return target;
  }

  /** Unpacks an archive (checked against its manifest) into a new workspace file, then opens it. */
  restoreArchive(archive: string, file: string): WorkspaceInfo {
    // The restored workspace is a file the analyst names: a relative name goes to the documents folder, like an export.
    const target = withExtension(resolveOutputPath(file));
    restoreArchive(path.resolve(archive), target);
    return this.switchTo(target, false);
  }

  close(): void {
    this.workspace.close();
  }

  private switchTo(file: string, create: boolean): WorkspaceInfo {
    // Opening the workspace already open keeps it (and its lock) as it is; opened read-only, it is
    // tried again, since the other instance may have closed it meanwhile.
    if (file === this.workspace.file && !create && this.workspace.readOnly === null) return this.info();
    // Open the new one first: a file that fails to open leaves the current workspace untouched.
    const next = openSessionWorkspace(file, create, this.lock, this.gazetteer, this.dataDir);
    this.workspace.close();
    this.workspace = next;
    this.remember(file);
    return this.info();
  }

  private recent(): string[] {
    try {
      const data = JSON.parse(fs.readFileSync(this.settingsFile, 'utf8')) as { recent?: unknown };
      return Array.isArray(data.recent) ? data.recent.filter((f): f is string => typeof f === 'string') : [];
    } catch {
      return [];
    }
  }

  private remember(file: string): void {
    const recent = [file, ...this.recent().filter((f) => f !== file)].slice(0, 10);
    fs.writeFileSync(this.settingsFile, JSON.stringify({ recent }, null, 2));
  }
}

function withExtension(file: string): string {
  return path.extname(file) ? file : file + WORKSPACE_EXTENSION;
}
