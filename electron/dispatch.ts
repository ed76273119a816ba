import { COMMANDS, inputDetail, Look, type CommandSpec } from './commands.js';
import { contract, isCallName, listedOutcomes, plainIssue, type CallName, type CallResult, type CoreEvent, type ImportReport } from './contract/index.js';
import { createHandlers, type Handlers, type OpenCommand } from './handlers.js';
import { toCallError, UserError } from './services/errors.js';
import { ExtractPool } from './services/entities/extractPool.js';
import { ExtractionQueue } from './services/entities/queue.js';
import { IdleUpkeep } from './services/idleUpkeep.js';
import { WorkspaceLearner, type LearnerTiming } from './services/entities/tagger/learner.js';
import { Gazetteer } from './services/gazetteer/gazetteer.js';
import { ParsePool } from './services/extract/parsePool.js';
import { ImportService } from './services/imports.js';
import { chromiumPrinter, withScratch, type PagePrinter } from './services/reports/pdf.js';
import { ScratchSpace } from './services/scratch.js';
import { UploadStore } from './services/uploads.js';
import { WorkspaceSession } from './services/workspace.js';
import { letWriterJobsEnd, writerJobRunning } from './services/writerJobs.js';

export interface CoreOptions {
  dataDir: string;
  /** The offline gazetteer file (built on first use if missing). */
  gazetteerFile: string;
  workspace?: string;
  sampleDir: string;
  mode: 'electron' | 'browser';
  version: string;
  /** Suggest entities in the background after each import (on unless a test says otherwise). */
  suggestOnImport?: boolean;
  /** How reports become PDF: Electron's printToPDF in the desktop app, a local Chromium elsewhere. */
  printPdf?: PagePrinter;
  /** The built article-parsing worker (dist/electron/parseWorker.mjs); without it, files are parsed on this thread. */
  parseWorker?: string | null;
  /** The built extraction worker (dist/electron/extractWorker.mjs); without it, suggestions are read on this thread. */
  extractWorker?: string | null;
  /** The built checkpoint worker (dist/electron/checkpointWorker.mjs); without it, SQLite checkpoints the log on this thread. */
  checkpointWorker?: string | null;
  /** The built reader worker (dist/electron/readerWorker.mjs); without it, whole orders of large tables are read on this thread. */
  readerWorker?: string | null;
  /** The built writer worker (dist/electron/writerWorker.mjs); without it, the long writes (undo and redo, and the calls marked onWriter in commands.ts) are made on this thread. */
  writerWorker?: string | null;
  /** When the workspace's name model is trained again after decisions (tests shorten the waits). */
  learnerTiming?: LearnerTiming;
  /** Take the one-instance workspace lock (default); the command line does not (see workspaceLock.ts). */
  lockWorkspace?: boolean;
  /** The workspace's passphrase (the command line); without it an encrypted workspace starts locked. */
  passphrase?: string | null;
}

export type Dispatch = (name: string, input: unknown) => Promise<CallResult<unknown>>;

/**
 * The core as the transports see it: `dispatch(name, input)` validates the input against the
 * contract, runs the handler and returns a value or a readable error; `subscribe` gets events.
 */
export class Core {
  readonly session: WorkspaceSession;
  readonly imports: ImportService;
  /** The app's private working folder for jobs such as printing a PDF. */
  readonly scratch: ScratchSpace;
  /** Big files sent from the window in pieces, held in the scratch folder until their import reads them. */
  readonly uploads: UploadStore;
  private readonly handlers: Handlers;
  private readonly listeners = new Set<(event: CoreEvent) => void>();

  private gazetteerInstance: Gazetteer | null = null;
  private parser: ParsePool | null = null;
  private readonly extractors: ExtractPool | null;
  readonly extraction: ExtractionQueue;
  /** Trains the workspace's name model on the analyst's decisions, in the background. */
  readonly learner: WorkspaceLearner;
  /** Merges the search index and refreshes the planner's statistics once the workspace is quiet. */
  readonly upkeep: IdleUpkeep;

  constructor(options: CoreOptions) {
    const gazetteer = () => (this.gazetteerInstance ??= new Gazetteer(options.gazetteerFile));
    this.session = new WorkspaceSession(options.dataDir, options.workspace, gazetteer, options.lockWorkspace ?? true, options.passphrase ?? null, {
      checkpointWorker: options.checkpointWorker ?? null,
      readerWorker: options.readerWorker ?? null,
      writerWorker: options.writerWorker ?? null,
      gazetteerFile: options.gazetteerFile,
    });
    // Made (and emptied of what a killed run left) as the core starts.
    this.scratch = new ScratchSpace(options.dataDir);
    this.upkeep = new IdleUpkeep(() => this.session.peek());
    const emit = (event: CoreEvent) => {
      // Every change (an import's batch, suggestions stored, an analyst's edit) leaves upkeep to do.
      this.upkeep.notice(event.type === 'changed' || event.type === 'import.progress');
      this.listeners.forEach((l) => l(event));
    };
    this.extractors = options.extractWorker ? new ExtractPool(options.extractWorker, options.gazetteerFile) : null;
    this.extraction = new ExtractionQueue(() => this.session.current, emit, this.extractors);
    this.learner = new WorkspaceLearner(() => this.session.current, gazetteer, emit, options.learnerTiming);
    // Every command (and undo, and a workspace switch) may hold decisions to learn from.
    this.listeners.add((event) => event.type === 'changed' && event.what.some((w) => w === 'history' || w === 'workspace') && this.learner.notice());
    this.imports = new ImportService(
      () => this.session.current,
      (report) => {
        emit({ type: 'import.progress', report: listedOutcomes(report) });
        if (report.state !== 'running') void this.afterWriterJobs(() => this.recordImport(report));
        if (report.imported > 0 || report.state !== 'running') emit({ type: 'changed', what: ['articles'] });
        // Suggestions follow each stored batch, so a long import is read while it runs, not after.
        if (report.imported > 0 && (report.state !== 'running' || this.extractors) && options.suggestOnImport !== false) void this.extraction.start();
      },
      options.sampleDir,
      (this.parser = new ParsePool(options.parseWorker ?? null)),
      (this.uploads = new UploadStore(this.scratch)),
    );
    this.handlers = createHandlers({ session: this.session, imports: this.imports, uploads: this.uploads, extraction: this.extraction, learner: this.learner, emit, mode: options.mode, version: options.version, printPdf: withScratch(this.scratch, options.printPdf ?? chromiumPrinter) });
  }

  dispatch: Dispatch = async (name, input) => {
    this.upkeep.notice();
    try {
      if (!isCallName(name)) throw new UserError('unknown_call', `There is no call named "${name}".`);
      const parsed = contract[name].input.parse(input ?? {}, { error: plainIssue });
      const handler = this.handlers[name] as (i: unknown, command?: OpenCommand) => unknown;
      // A write waits for the writer's job (an undo under way; see writerJobs.ts) rather than for
      // SQLite's lock, which would hold this thread; reads go on from the last committed state.
      // Checked again after each wait, in the turn that writes: another call may have started a job.
      const spec: CommandSpec<CallName> = COMMANDS[name];
      if (spec.kind !== 'read' && !(spec.kind === 'session' && spec.outsideTheWorkspace)) while (writerJobRunning()) await letWriterJobsEnd();
      return { ok: true, value: await this.asCommand(name, parsed, handler) };
    } catch (error) {
      return { ok: false, error: toCallError(error) };
    }
  };

  /**
   * Every write call is one command of the history (see commands.ts): an analyst action runs inside
   * it, in the transaction that records its rows; an output or a purge is put on the record once done.
   */
  private async asCommand(name: CallName, input: unknown, handler: (i: unknown, command?: OpenCommand) => unknown): Promise<unknown> {
    const spec = COMMANDS[name] as CommandSpec<CallName>;
    if (spec.kind !== 'do' && spec.kind !== 'record') return handler(input);
    const ws = this.session.current;
    const label = () => (spec.label as (i: unknown, look: Look) => string)(input, new Look(ws.db));
    let value: unknown;
    if (spec.kind === 'do') {
      ws.assertWritable();
      const command = { name, label, detail: inputDetail(input) };
      // A call that may write for seconds opens its command where it writes (see OpenCommand).
      value = spec.onWriter ? await handler(input, command) : ws.history.run(command, () => handler(input));
    } else {
      // Read before the call: a purge may remove what the label names.
      const words = ws.readOnly ? null : label();
      value = await handler(input);
      // An export from a read-only workspace leaves no record: the file cannot be written.
      if (words !== null) ws.history.record(name, words, inputDetail(input));
    }
    this.listeners.forEach((l) => l({ type: 'changed', what: ['history'] }));
    return value;
  }

  /** Runs `write` once no writer's job holds the workspace (see writerJobs.ts); at once when none does. */
  private async afterWriterJobs(write: () => void): Promise<void> {
    while (writerJobRunning()) await letWriterJobsEnd();
    write();
  }

  /** An import is one record with its counts; its articles are not undoable one by one (delete them instead). */
  private recordImport(report: ImportReport): void {
    // Locked while the import ran ("Lock now"): the batches stored before are kept, the record cannot be written.
    if (this.session.locked) return;
    const ws = this.session.current;
    if (ws.readOnly) return;
    const imported = report.outcomes.filter((o) => o.status === 'imported').map((o) => o.articleId);
    const files = `${report.total} file${report.total === 1 ? '' : 's'}`;
    const counts = `${report.imported} imported, ${report.duplicates} duplicate, ${report.failed} failed`;
    const label =
      report.state === 'cancelled' ? `Import ${files}, cancelled after ${report.done}: ${counts}; ${report.total - report.done} not imported` : `Import ${files}: ${counts}`;
    try {
      ws.history.record('imports.run', label, { state: report.state, total: report.total, imported: report.imported, duplicates: report.duplicates, failed: report.failed, articleIds: inputDetail(imported) });
    } catch (error) {
      // The articles are stored; only their record failed (the file busy past the timeout). Said, not hidden.
      console.error(`The import was not put on the record: ${(error as Error).message}`);
    }
  }

  subscribe(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.upkeep.stop();
    this.extraction.stop();
    this.learner.stop();
    this.parser?.close();
    this.extractors?.close();
    this.session.close();
    this.gazetteerInstance?.close();
  }
}
