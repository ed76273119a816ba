import type { CallInput, CallName, CallOutput, CallResult, CoreEvent } from '../electron/contract/index.js';
import { sessionToken, TOKEN_HEADER } from './sessionToken.js';

/** What the Electron preload exposes; absent in browser mode. */
export interface DesktopBridge {
  invoke(name: string, input: unknown): Promise<CallResult<unknown>>;
  on(listener: (event: CoreEvent) => void): () => void;
  /** A native dialog; the path it returns is the only one main lets the matching call use (once). */
  pickWorkspace(kind: 'open' | 'create' | 'saveCopy' | 'archive'): Promise<string | null>;
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
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: sessionToken() },
    body: JSON.stringify(input ?? {}),
    credentials: 'omit',
    cache: 'no-store',
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

/** Browser mode: every listener shares one stream (a browser allows only six connections per server). */
const eventListeners = new Set<(event: CoreEvent) => void>();
let eventStream: AbortController | null = null;
let closeTimer: ReturnType<typeof setTimeout> | undefined;

/** Core events (progress, "changed"); returns the unsubscribe function. */
export function onCoreEvent(listener: (event: CoreEvent) => void): () => void {
  if (desktop) return desktop.on(listener);
  eventListeners.add(listener);
  clearTimeout(closeTimer);
  eventStream ??= openEventStream();
  return () => {
    eventListeners.delete(listener);
    if (eventListeners.size > 0) return;
    // A view re-subscribing (an effect re-running) must not drop the stream and the events sent
    // while a new one connects: the stream closes only when nobody has listened for a moment.
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => {
      if (eventListeners.size > 0) return;
      eventStream?.abort();
      eventStream = null;
    }, 2000);
  };
}

/** What a view may have missed while the stream was down; not `workspace`, which would reset the selection. */
const EVERYTHING_CHANGED: CoreEvent = { type: 'changed', what: ['articles', 'tags', 'entities', 'events', 'relations'] };

function deliver(event: CoreEvent): void {
  for (const listener of [...eventListeners]) {
    try {
      listener(event);
    } catch (error) {
      // One view's failure must not end the stream for the others; it still surfaces as a page error.
      setTimeout(() => {
        throw error;
      });
    }
  }
}

/**
 * The server-sent event stream, read with fetch because EventSource cannot send the token header.
 * When the stream drops it reconnects (with back-off) and tells every view to refresh, since events
 * sent meanwhile are lost; a refusal (wrong token) is final.
 */
function openEventStream(): AbortController {
  const controller = new AbortController();
  const { signal } = controller;
  void (async () => {
    let delay = 500;
    let connectedBefore = false;
    while (!signal.aborted) {
      try {
        const response = await fetch('./api/events', { headers: { [TOKEN_HEADER]: sessionToken() }, credentials: 'omit', cache: 'no-store', signal });
        if ([401, 403, 421].includes(response.status)) {
          console.error(`The workbench refused its event stream (${response.status}): ${await response.text()}`);
          return;
        }
        if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
        if (connectedBefore) deliver(EVERYTHING_CHANGED);
        connectedBefore = true;
        delay = 500;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffered = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffered += value.replaceAll('\r\n', '\n');
          // An SSE message ends with a blank line; its `data:` lines hold the JSON, `:` lines are comments.
          for (let end = buffered.indexOf('\n\n'); end !== -1; end = buffered.indexOf('\n\n')) {
            const data = buffered
              .slice(0, end)
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).trimStart())
              .join('\n');
            buffered = buffered.slice(end + 2);
            if (data) deliver(JSON.parse(data) as CoreEvent);
          }
        }
      } catch {
        if (signal.aborted) return;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  })();
  return controller;
}

/** A native file dialog in Electron; null in browser mode, where the analyst types a path. */
export function pickWorkspacePath(kind: 'open' | 'create' | 'saveCopy' | 'archive'): Promise<string | null> | null {
  return desktop ? desktop.pickWorkspace(kind) : null;
}

/** A native save dialog in Electron; null in browser mode, where the analyst edits the proposed path. */
export function pickSavePath(defaultPath: string, folder = false): Promise<string | null> | null {
  return desktop ? desktop.pickSavePath(defaultPath, folder) : null;
}
