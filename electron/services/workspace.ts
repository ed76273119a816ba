import fs from 'node:fs';
import path from 'node:path';
import { ArticlesRepository } from '../../db/articles.js';
import { copyWorkspace, openWorkspace, type Db } from '../../db/open.js';
import { RelationsRepository } from '../../db/relations.js';
import { selectionLinks } from '../../db/selection.js';
import { TagsRepository } from '../../db/tags.js';
import { ArticleQuery, type SelectionLinks, type SelectionRef, type WorkspaceInfo } from '../contract/index.js';
import { EntityService } from './entities/service.js';
import { UserError } from './errors.js';
import { EventService } from './events/service.js';
import { restoreArchive } from './exports/archive.js';
import type { Gazetteer } from './gazetteer/gazetteer.js';

export const WORKSPACE_EXTENSION = '.awb';

/** One open workspace file and its repositories. */
export class Workspace {
  readonly articles: ArticlesRepository;
  readonly tags: TagsRepository;
  readonly entities: EntityService;
  readonly events: EventService;
  readonly relations: RelationsRepository;

  constructor(
    readonly file: string,
    readonly db: Db,
    gazetteer: () => Gazetteer,
  ) {
    this.articles = new ArticlesRepository(db);
    this.tags = new TagsRepository(db);
    this.entities = new EntityService(db, gazetteer);
    this.events = new EventService(db, gazetteer);
    this.relations = new RelationsRepository(db);
  }

  /** What a selected record is tied to, for every view to mark. */
  links(ref: SelectionRef): SelectionLinks {
    return selectionLinks(this.db, ref);
  }

  close(): void {
    this.db.close();
  }
}

/** The recent list and the default workspace live in the user's data folder. */
export class WorkspaceSession {
  private workspace: Workspace;
  private readonly settingsFile: string;

  constructor(
    private readonly dataDir: string,
    initialFile: string | undefined,
    private readonly gazetteer: () => Gazetteer,
  ) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.settingsFile = path.join(dataDir, 'settings.json');
    const file = path.resolve(initialFile ?? path.join(dataDir, `default${WORKSPACE_EXTENSION}`));
    this.workspace = new Workspace(file, openWorkspace(file, { create: true }), gazetteer);
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
    const target = withExtension(path.resolve(file));
    restoreArchive(path.resolve(archive), target);
    return this.switchTo(target, false);
  }

  close(): void {
    this.workspace.close();
  }

  private switchTo(file: string, create: boolean): WorkspaceInfo {
    // Open the new one first: a file that fails to open leaves the current workspace untouched.
    const next = new Workspace(file, openWorkspace(file, { create }), this.gazetteer);
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
