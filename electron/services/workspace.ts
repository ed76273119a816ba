import fs from 'node:fs';
import path from 'node:path';
import { ArticlesRepository, SupersededRead } from '../../db/articles.js';
import { MAP_LABELS } from '../../db/entities.js';
import { History } from '../../db/history.js';
import { copyWorkspace, isEncrypted, openWorkspace, PassphraseError, rekeyWorkspace, writeTransaction, type Db } from '../../db/open.js';
import { purgeDeleted, type PurgeReport } from '../../db/purge.js';
import { RelationsRepository } from '../../db/relations.js';
import { selectionLinks } from '../../db/selection.js';
import { TagsRepository } from '../../db/tags.js';
import {
  ArticleQuery,
  type ArticlePatch,
  DEFAULT_IDLE_LOCK_MINUTES,
  PASSPHRASE_NEEDED,
  PASSPHRASE_WRONG,
  WORKSPACE_LOCKED,
  type MapLayer,
  type SelectionLinks,
  type SelectionRef,
  type WorkspaceInfo,
} from '../contract/index.js';
import { EntityService } from './entities/service.js';
import { UserError } from './errors.js';
import { EventService } from './events/service.js';
import { restoreArchive } from './exports/archive.js';
import { resolveOutputPath } from './output.js';
import { ScratchSpace } from './scratch.js';
import { Checkpointer } from './checkpointer.js';
import { OrderReader } from './orderReader.js';
import { WriterJobs } from './writerJobs.js';
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
  /** The file is encrypted: this connection reads it through the key derived from its passphrase. */
  readonly encrypted: boolean;
  private checkpointer: Checkpointer | null = null;
  private reader: OrderReader | null = null;
  /** Long writes (undo, redo) on a connection of their own, or null: they run on the core's thread (see writerJobs.ts). */
  writer: WriterJobs | null = null;

  constructor(
    readonly file: string,
    readonly db: Db,
    private readonly gazetteer: () => Gazetteer,
    /** Why the workspace is open read-only (shown as a banner), or null when it can be written. */
    readonly readOnly: string | null = null,
    /** Releases what the workspace holds besides its connection: its lock, a temporary copy. */
    private readonly release: () => void = () => {},
    /** Checkpoints off the core's thread (see checkpointer.ts), with the built worker and the file's passphrase. */
    private readonly background: Background = NO_BACKGROUND,
  ) {
    this.articles = new ArticlesRepository(db);
    this.entities = new EntityService(db, gazetteer);
    this.events = new EventService(db, gazetteer);
    this.relations = new RelationsRepository(db);
    this.history = new History(db, readOnly === null);
    this.tags = new TagsRepository(db, this.history);
    this.encrypted = isEncrypted(db);
    this.startBackground();
  }

  /**
   * Edits an article's details. A new publication date moves the relative dates read against it
   * ("on Sunday" is the Sunday before it) in the same transaction. False: no such article.
   */
  editArticle(id: number, patch: ArticlePatch): boolean {
    return writeTransaction(this.db, () => {
      if (!this.articles.update(id, patch)) return false;
      if (patch.published !== undefined) this.entities.redate(id);
      return true;
    });
  }

  /** Starts the background threads' connections to the file (none for a read-only workspace). */
  private startBackground(): void {
    if (this.readOnly !== null) return;
    this.checkpointer = Checkpointer.start(this.background.checkpointWorker, this.file, this.db, this.background.passphrase);
    this.reader = OrderReader.start(this.background.readerWorker, this.file, this.db, this.background.passphrase);
    this.articles.useReader(this.reader);
    this.writer = WriterJobs.start(this.background.writerWorker ?? null, this.file, this.db, this.background.passphrase, this.background.gazetteerFile ?? null);
  }

  /** Stops the connections of the background threads before this one closes or the file is replaced. */
  private stopBackground(): void {
    this.articles.useReader(null);
    this.writer?.stop();
    this.writer = null;
    this.reader?.stop();
    this.checkpointer?.stop();
  }

  /**
   * The same workspace under another passphrase (`next`; null: none), given the current one (see
   * rekeyWorkspace). This workspace's connection is closed and the returned one is open; its lock
   * passes to the returned workspace.
   */
  rekey(current: string | null, next: string | null): Workspace {
    this.assertWritable();
    // The file is replaced by a rekeyed copy: no other connection may hold the old one.
    this.stopBackground();
    rekeyWorkspace(this.db, this.file, current, next);
    return this.reopen(next);
  }

  /** A fresh connection to the same file, holding this workspace's lock (after a rekey, or one that failed). */
  reopen(passphrase: string | null): Workspace {
    this.stopBackground();
    return new Workspace(this.file, openWorkspace(this.file, { passphrase }), this.gazetteer, null, this.release, { ...this.background, passphrase });
  }

  /**
   * The map's places mentioned in the articles a query matches (and among `within`, when given),
   * counted by the reader off the core's thread; without a reader, or if it fails, counted here.
   * While an import runs the window asks again after every batch, and after every commit the reader
   * reads the mentions again (a second at a million): a request is not queued twice. One that waits
   * behind the same request in progress is answered for all who ask meanwhile, as of when it starts.
   */
  placesOf(query: ArticleQuery, within: number[], includeSuggested: boolean, includeAdjectival: boolean, bbox: [number, number, number, number] | null): Promise<MapLayer> {
    const key = JSON.stringify([query, within, includeSuggested, includeAdjectival, bbox]);
    const queued = this.placesQueued.get(key);
    if (queued) return queued;
    const before = this.placesCounting.get(key);
    const start = () => {
      this.placesQueued.delete(key);
      const counting = this.countPlaces(query, within, includeSuggested, includeAdjectival, bbox);
      this.placesCounting.set(key, counting);
      return counting.finally(() => this.placesCounting.get(key) === counting && this.placesCounting.delete(key));
    };
    const next = before ? before.then(start, start) : start();
    if (before) this.placesQueued.set(key, next);
    return next;
  }

  private readonly placesQueued = new Map<string, Promise<MapLayer>>();
  private readonly placesCounting = new Map<string, Promise<MapLayer>>();

  private async countPlaces(query: ArticleQuery, within: number[], includeSuggested: boolean, includeAdjectival: boolean, bbox: [number, number, number, number] | null): Promise<MapLayer> {
    if (this.reader?.usable) {
      try {
        return await this.reader.places({ ...this.articles.idsQuery(query), within: within.length ? within : null, includeSuggested, includeAdjectival, bbox, labels: MAP_LABELS });
      } catch (error) {
        // The map has asked for another view or filter since: nobody waits for this one.
        if (error instanceof SupersededRead) throw error;
        // The reader failed or was stopped: counted here, as without one.
      }
    }
    let ids = this.articles.ids({ query });
    if (within.length) {
      const allowed = new Set(within);
      ids = ids.filter((id) => allowed.has(id));
    }
    // No matching article means no place: an empty map, not "no filter".
    return ids.length ? this.entities.entities.mapPlaces(bbox, ids, includeSuggested, includeAdjectival, MAP_LABELS) : { packed: '', names: [] };
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
    // The file is rewritten and its log emptied with no other connection of this app on it: a
    // checkpoint of the checkpoint worker's (or a long read of the reader's) at that moment can make
    // the emptying fail, and the file then keeps the old pages, deleted text and all (seen once in
    // CI, this the likely cause), while the report blamed another program.
    this.stopBackground();
    let purged: ReturnType<typeof purgeDeleted>;
    try {
      purged = purgeDeleted(this.db);
    } finally {
      this.startBackground();
    }
    const report = { ...purged, redactedChanges: purged.redactedChanges + redactedRows };
    this.articles.touched();
    return report;
  }

  close(): void {
    this.stopBackground();
    this.db.close();
    this.release();
  }
}

/** The built workers a workspace runs its background work on (dist/electron/…); null: that work runs on the core's thread. */
export interface BackgroundWorkers {
  /** checkpointWorker.mjs: moves the write-ahead log into the file (checkpointer.ts). */
  checkpointWorker: string | null;
  /** readerWorker.mjs: reads whole orders of the tables (orderReader.ts). */
  readerWorker: string | null;
  /** writerWorker.mjs: makes long writes (writerJobs.ts). */
  writerWorker?: string | null;
  /** The gazetteer the writer opens for the writes that place what they make (exchange imports). */
  gazetteerFile?: string | null;
}
export const NO_WORKERS: BackgroundWorkers = { checkpointWorker: null, readerWorker: null, writerWorker: null };

/** What a workspace needs to run background work of its own. */
export interface Background extends BackgroundWorkers {
  passphrase: string | null;
}
const NO_BACKGROUND: Background = { ...NO_WORKERS, passphrase: null };

/**
 * Opens a workspace for a session. Read-only, with the reason, when the file or its folder cannot
 * be written (read-only media: WAL needs its -wal and -shm files beside the workspace) or when
 * another app instance holds it (with `lock`).
 */
export function openSessionWorkspace(
  file: string,
  create: boolean,
  lock: boolean,
  gazetteer: () => Gazetteer,
  dataDir: string,
  passphrase: string | null = null,
  workers: BackgroundWorkers = NO_WORKERS,
): Workspace {
  const exists = fs.existsSync(file);
  const unwritable = exists ? writeProblem(file) : null;
  if (unwritable) return openReadOnly(file, gazetteer, unwritable, dataDir, passphrase);
  const taken = lock ? WorkspaceLock.acquire(file) : null;
  if (taken && 'heldBy' in taken) {
    return openReadOnly(
      file,
      gazetteer,
      `This workspace is open in ${describeHolder(taken.heldBy)}, so it is shown here read-only. If no other Analyst Workbench is running, delete ${path.basename(file)}.lock beside it and open the workspace again.`,
      dataDir,
      passphrase,
    );
  }
  try {
    return new Workspace(file, openWorkspace(file, { create, passphrase }), gazetteer, null, () => taken?.release(), { ...workers, passphrase });
  } catch (error) {
    taken?.release();
    // A file that refuses writes only when SQLite tries (a read-only mount seen as writable).
    if (exists && isReadOnlyError(error)) return openReadOnly(file, gazetteer, 'This workspace file cannot be written, so it is shown read-only.', dataDir, passphrase);
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
function openReadOnly(file: string, gazetteer: () => Gazetteer, reason: string, dataDir: string, passphrase: string | null): Workspace {
  try {
    return new Workspace(file, openWorkspace(file, { readOnly: true, passphrase }), gazetteer, reason);
  } catch (error) {
    if (!isReadOnlyError(error)) throw error;
  }
  const { dir, release: remove } = new ScratchSpace(dataDir).reserve();
  try {
    const copy = path.join(dir, path.basename(file));
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    return new Workspace(file, openWorkspace(copy, { readOnly: true, passphrase }), gazetteer, `${reason} It is read from a temporary copy.`, remove);
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

/** The passphrase errors of db/open.ts, with the codes the window answers with its passphrase dialog. */
function asUserError(error: unknown): unknown {
  if (!(error instanceof PassphraseError)) return error;
  return new UserError(error.reason === 'wrong' ? PASSPHRASE_WRONG : PASSPHRASE_NEEDED, error.message);
}

function passphraseErrors<T>(open: () => T): T {
  try {
    return open();
  } catch (error) {
    throw asUserError(error);
  }
}

/** How often the idle lock looks at the clock. */
const IDLE_CHECK_MS = 15_000;

/**
 * The open workspace, the recent list and the app's settings (in the user's data folder). An
 * encrypted workspace may be locked: its file is known, nothing of it is open, and every call but
 * the session's own is refused until it is unlocked. The passphrase is never kept: SQLite derives
 * the key from it as the file opens, and the connection holds only that key.
 */
export class WorkspaceSession {
  /** Null while the workspace is locked. */
  private workspace: Workspace | null;
  private file: string;
  private readonly settingsFile: string;
  private lastUse = Date.now();
  private readonly idleCheck: NodeJS.Timeout | null;
  /** Told when the idle lock closed the workspace, so every window asks for the passphrase. */
  onIdleLock: (() => void) | null = null;
  /** Told before the workspace is locked, so background work on it stops first. */
  beforeLock: (() => void) | null = null;

  constructor(
    private readonly dataDir: string,
    initialFile: string | undefined,
    private readonly gazetteer: () => Gazetteer,
    /** Take the one-instance lock and lock after idle time (the app and browser mode); the command line does neither. */
    private readonly lock = true,
    /** The initial workspace's passphrase (the command line); without it an encrypted workspace starts locked. */
    passphrase: string | null = null,
    /** The built background workers; without them their work runs on this thread. */
    private readonly workers: BackgroundWorkers = NO_WORKERS,
  ) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.settingsFile = path.join(dataDir, 'settings.json');
    this.file = path.resolve(initialFile ?? path.join(dataDir, `default${WORKSPACE_EXTENSION}`));
    try {
      this.workspace = openSessionWorkspace(this.file, true, lock, gazetteer, dataDir, passphrase, workers);
    } catch (error) {
      if (!(error instanceof PassphraseError && error.reason === 'needed')) throw asUserError(error);
      this.workspace = null;
    }
    this.remember(this.file);
    this.idleCheck = lock ? setInterval(() => this.lockIfIdle(), IDLE_CHECK_MS).unref() : null;
  }

  /** The open workspace; refused, with the reason, while it is locked. Each use postpones the idle lock. */
  get current(): Workspace {
    if (!this.workspace) throw new UserError(WORKSPACE_LOCKED, `${path.basename(this.file)} is locked: enter its passphrase to open it.`);
    this.lastUse = Date.now();
    return this.workspace;
  }

  get locked(): boolean {
    return this.workspace === null;
  }

  /** The open workspace, or null, without postponing the idle lock: upkeep in idle time must not keep a workspace unlocked. */
  peek(): Workspace | null {
    return this.workspace;
  }

  info(): WorkspaceInfo {
    const ws = this.workspace;
    return {
      path: this.file,
      name: path.basename(this.file, WORKSPACE_EXTENSION),
      articles: ws ? ws.articles.count(ArticleQuery.parse({})).total : 0,
      recent: this.recent(),
      readOnly: ws?.readOnly ?? null,
      encrypted: ws ? ws.encrypted : true,
      locked: ws === null,
      idleLockMinutes: this.idleLockMinutes(),
    };
  }

  open(file: string, passphrase: string | null = null): WorkspaceInfo {
    return this.switchTo(path.resolve(file), false, passphrase);
  }

  create(file: string, passphrase: string | null = null): WorkspaceInfo {
    const target = withExtension(path.resolve(file));
    if (fs.existsSync(target)) throw new UserError('exists', `${target} already exists: open it instead, or choose another name.`);
    return this.switchTo(target, true, passphrase);
  }

  /** Opens the locked workspace; a wrong passphrase leaves it locked and its file untouched. */
  unlock(passphrase: string): WorkspaceInfo {
    if (!this.workspace) this.workspace = passphraseErrors(() => openSessionWorkspace(this.file, false, this.lock, this.gazetteer, this.dataDir, passphrase, this.workers));
    this.lastUse = Date.now();
    return this.info();
  }

  /** Closes an encrypted workspace: nothing of it stays open or in memory until it is unlocked again. */
  lockNow(): WorkspaceInfo {
    if (!this.workspace) return this.info();
    if (!this.workspace.encrypted) throw new UserError('not_encrypted', 'This workspace has no passphrase, so it cannot be locked: set one first (Workspace menu).');
    this.beforeLock?.();
    this.workspace.close();
    this.workspace = null;
    return this.info();
  }

  /**
   * Sets (current null on a plain workspace), changes or removes (next null) the passphrase by
   * writing the file again under the new key (see rekeyWorkspace: an interruption leaves the old file).
   */
  setPassphrase(current: string | null, next: string | null): WorkspaceInfo {
    const ws = this.current;
    if (!ws.encrypted && next === null) throw new UserError('not_encrypted', 'This workspace has no passphrase to remove.');
    if (ws.encrypted && current === null) throw new UserError(PASSPHRASE_NEEDED, 'Enter the current passphrase first.');
    try {
      this.workspace = ws.rekey(ws.encrypted ? current : null, next);
    } catch (error) {
      // Closed for the swap, which then failed: the file is the old one, opened again (or locked, if that fails too).
      if (!ws.db.open) {
        try {
          this.workspace = ws.reopen(ws.encrypted ? current : null);
        } catch {
          this.workspace = null;
        }
      }
      throw asUserError(error);
    }
    return this.info();
  }

  setIdleLock(minutes: number): WorkspaceInfo {
    this.writeSettings({ idleLockMinutes: minutes });
    return this.info();
  }

  /** The analyst is at the window. */
  activity(): void {
    this.lastUse = Date.now();
  }

  saveCopy(file: string): string {
    const target = withExtension(path.resolve(file));
    copyWorkspace(this.current.db, target);
    return target;
  }

  /**
   * Unpacks an archive (checked against its manifest) into a new workspace file, then opens it. An
   * encrypted archive needs the passphrase its workspace had, and stays encrypted with it.
   */
  restoreArchive(archive: string, file: string, passphrase: string | null = null): WorkspaceInfo {
    // The restored workspace is a file the analyst names: a relative name goes to the documents folder, like an export.
    const target = withExtension(resolveOutputPath(file));
    passphraseErrors(() => restoreArchive(path.resolve(archive), target, passphrase));
    return this.switchTo(target, false, passphrase);
  }

  close(): void {
    if (this.idleCheck) clearInterval(this.idleCheck);
    this.workspace?.close();
    this.workspace = null;
  }

  private lockIfIdle(): void {
    const minutes = this.idleLockMinutes();
    if (!this.workspace?.encrypted || minutes === 0 || Date.now() - this.lastUse < minutes * 60_000) return;
    this.lockNow();
    this.onIdleLock?.();
  }

  private switchTo(file: string, create: boolean, passphrase: string | null): WorkspaceInfo {
    // Opening the workspace already open keeps it (and its lock) as it is; opened read-only, it is
    // tried again, since the other instance may have closed it meanwhile.
    if (file === this.file && this.workspace && !create && this.workspace.readOnly === null) return this.info();
    // Open the new one first: a file that fails to open leaves the current workspace untouched.
    const next = passphraseErrors(() => openSessionWorkspace(file, create, this.lock, this.gazetteer, this.dataDir, passphrase, this.workers));
    this.workspace?.close();
    this.workspace = next;
    this.file = file;
    this.lastUse = Date.now();
    this.remember(file);
    return this.info();
  }

  private settings(): { recent?: unknown; idleLockMinutes?: unknown } {
    try {
      return JSON.parse(fs.readFileSync(this.settingsFile, 'utf8')) as { recent?: unknown; idleLockMinutes?: unknown };
    } catch {
      return {};
    }
  }

  private writeSettings(patch: { recent?: string[]; idleLockMinutes?: number }): void {
    fs.writeFileSync(this.settingsFile, JSON.stringify({ ...this.settings(), ...patch }, null, 2));
  }

  private idleLockMinutes(): number {
    const minutes = this.settings().idleLockMinutes;
    return typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 0 ? minutes : DEFAULT_IDLE_LOCK_MINUTES;
  }

  private recent(): string[] {
    const { recent } = this.settings();
    return Array.isArray(recent) ? recent.filter((f): f is string => typeof f === 'string') : [];
  }

  private remember(file: string): void {
    this.writeSettings({ recent: [file, ...this.recent().filter((f) => f !== file)].slice(0, 10) });
  }
}

function withExtension(file: string): string {
  return path.extname(file) ? file : file + WORKSPACE_EXTENSION;
}
