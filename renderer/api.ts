import type { CallInput, CallName, CallOutput, CallResult, CoreEvent } from '../electron/contract/index.js';

/** What the Electron preload exposes; absent in browser mode. */
export interface DesktopBridge {
  invoke(name: string, input: unknown): Promise<CallResult<unknown>>;
  on(listener: (event: CoreEvent) => void): () => void;
  pickWorkspace(kind: 'open' | 'create' | 'saveCopy'): Promise<string | null>;
  pickSavePath(defaultPath: string, folder: boolean): Promise<string | null>;
}

declare global {
  interface Window {
    workbench?: DesktopBridge;
  }
}

export class CallFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const desktop = typeof window !== 'undefined' ? window.workbench : undefined;
export const mode: 'electron' | 'browser' = desktop ? 'electron' : 'browser';

async function httpInvoke(name: string, input: unknown): Promise<CallResult<unknown>> {
  const response = await fetch(`./api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input ?? {}),
    credentials: 'same-origin',
  });
  if (!response.ok && response.headers.get('content-type')?.includes('application/json') !== true) {
    return { ok: false, error: { code: 'http', message: `The workbench did not answer (${response.status} ${await response.text()})` } };
  }
  return (await response.json()) as CallResult<unknown>;
}

/** The one typed client: `call('articles.page', {...})` resolves to the contract's output type. */
export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = desktop ? await desktop.invoke(name, input) : await httpInvoke(name, input);
  if (!result.ok) throw new CallFailed(result.error.code, result.error.message);
  return result.value as CallOutput<N>;
}

/** Core events (progress, "changed"); returns the unsubscribe function. */
export function onCoreEvent(listener: (event: CoreEvent) => void): () => void {
  if (desktop) return desktop.on(listener);
  const source = new EventSource('./api/events');
  const handler = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as CoreEvent);
  source.addEventListener('message', handler);
  return () => source.close();
}

/** A native file dialog in Electron; null in browser mode, where the analyst types a path. */
export function pickWorkspacePath(kind: 'open' | 'create' | 'saveCopy'): Promise<string | null> | null {
  return desktop ? desktop.pickWorkspace(kind) : null;
}

/** A native save dialog in Electron; null in browser mode, where the analyst edits the proposed path. */
export function pickSavePath(defaultPath: string, folder = false): Promise<string | null> | null {
  return desktop ? desktop.pickSavePath(defaultPath, folder) : null;
}
