import { contract, isCallName, type CallResult, type CoreEvent } from './contract/index.js';
import { createHandlers, type Handlers } from './handlers.js';
import { toCallError, UserError } from './services/errors.js';
import { ExtractionQueue } from './services/entities/queue.js';
import { Gazetteer } from './services/gazetteer/gazetteer.js';
import { ParsePool } from './services/extract/parsePool.js';
import { ImportService } from './services/imports.js';
import { chromiumPrinter, type PdfPrinter } from './services/reports/pdf.js';
import { WorkspaceSession } from './services/workspace.js';

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
  printPdf?: PdfPrinter;
  /** The built article-parsing worker (dist/electron/parseWorker.mjs); without it, files are parsed on this thread. */
  parseWorker?: string | null;
}

export type Dispatch = (name: string, input: unknown) => Promise<CallResult<unknown>>;

/**
 * The core as the transports see it: `dispatch(name, input)` validates the input against the
 * contract, runs the handler and returns a value or a readable error; `subscribe` gets events.
 */
export class Core {
  readonly session: WorkspaceSession;
  readonly imports: ImportService;
  private readonly handlers: Handlers;
  private readonly listeners = new Set<(event: CoreEvent) => void>();

  private gazetteerInstance: Gazetteer | null = null;
  private parser: ParsePool | null = null;
  readonly extraction: ExtractionQueue;

  constructor(options: CoreOptions) {
    const gazetteer = () => (this.gazetteerInstance ??= new Gazetteer(options.gazetteerFile));
    this.session = new WorkspaceSession(options.dataDir, options.workspace, gazetteer);
    const emit = (event: CoreEvent) => this.listeners.forEach((l) => l(event));
    this.extraction = new ExtractionQueue(() => this.session.current, emit);
    this.imports = new ImportService(
      () => this.session.current,
      (report) => {
        emit({ type: 'import.progress', report });
        if (report.imported > 0 || report.state !== 'running') emit({ type: 'changed', what: ['articles'] });
        if (report.state !== 'running' && report.imported > 0 && options.suggestOnImport !== false) this.extraction.start();
      },
      options.sampleDir,
      (this.parser = new ParsePool(options.parseWorker ?? null)),
    );
    this.handlers = createHandlers({ session: this.session, imports: this.imports, extraction: this.extraction, emit, mode: options.mode, version: options.version, printPdf: options.printPdf ?? chromiumPrinter });
  }

  dispatch: Dispatch = async (name, input) => {
    try {
      if (!isCallName(name)) throw new UserError('unknown_call', `There is no call named "${name}".`);
      const parsed = contract[name].input.parse(input ?? {});
      const handler = this.handlers[name] as (i: unknown) => unknown;
      return { ok: true, value: await handler(parsed) };
    } catch (error) {
      return { ok: false, error: toCallError(error) };
    }
  };

  subscribe(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.extraction.stop();
    this.parser?.close();
    this.session.close();
    this.gazetteerInstance?.close();
  }
}
