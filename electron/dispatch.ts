import { contract, isCallName, type CallResult, type CoreEvent } from './contract/index.js';
import { createHandlers, type Handlers } from './handlers.js';
import { toCallError, UserError } from './services/errors.js';
import { ImportService } from './services/imports.js';
import { WorkspaceSession } from './services/workspace.js';

export interface CoreOptions {
  dataDir: string;
  workspace?: string;
  sampleDir: string;
  mode: 'electron' | 'browser';
  version: string;
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

  constructor(options: CoreOptions) {
    this.session = new WorkspaceSession(options.dataDir, options.workspace);
    const emit = (event: CoreEvent) => this.listeners.forEach((l) => l(event));
    this.imports = new ImportService(
      () => this.session.current,
      (report) => {
        emit({ type: 'import.progress', report });
        if (report.imported > 0 || report.state !== 'running') emit({ type: 'changed', what: ['articles'] });
      },
      options.sampleDir,
    );
    this.handlers = createHandlers({ session: this.session, imports: this.imports, emit, mode: options.mode, version: options.version });
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
    this.session.close();
  }
}
