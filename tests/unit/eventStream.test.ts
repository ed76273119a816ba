import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../electron/contract/index.js';

/** A server-sent event response whose body arrives in these chunks, then ends (or stays open). */
function sse(chunks: string[], stayOpen = false): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      if (!stayOpen) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

/** The browser-mode client as a fresh page would load it, with this token and these server answers. */
async function browserClient(answers: (() => Response)[]) {
  vi.resetModules();
  const fetch = vi.fn(async (_url: string, init: RequestInit & { signal: AbortSignal }) => {
    const next = answers.shift();
    if (next) return next();
    // Nothing more to say: hang until the client aborts.
    return new Promise<Response>((_, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
  });
  vi.stubGlobal('fetch', fetch);
  const { adoptSessionToken } = await import('../../renderer/sessionToken.js');
  const storage: Record<string, string> = {};
  adoptSessionToken({
    location: { hash: '#token=tok-123', pathname: '/', search: '' },
    history: { state: null, replaceState: () => undefined },
    sessionStorage: { getItem: (k) => storage[k] ?? null, setItem: (k, v) => void (storage[k] = v) },
  });
  const api = await import('../../renderer/api.js');
  return { api, fetch };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('browser mode event stream (fetch, not EventSource)', () => {
  it('sends the token header, parses events split across chunks, and reconnects with a refresh after a drop', async () => {
    const { api, fetch } = await browserClient([
      () => sse([': connected\n\n', 'data: {"type":"changed",', '"what":["tags"]}\n', '\n: keep-alive\n\n']),
      () => sse([': connected\n\n', 'data: {"type":"extract.progress","done":1,"remaining":0}\r\n\r\n'], true),
    ]);
    const events: CoreEvent[] = [];
    const unsubscribe = api.onCoreEvent((e) => events.push(e));
    await vi.waitFor(() => expect(events).toHaveLength(3), { timeout: 3000 });
    expect(events).toEqual([
      { type: 'changed', what: ['tags'] },
      // The stream dropped: whatever was sent meanwhile is lost, so every view refreshes.
      { type: 'changed', what: ['articles', 'tags', 'entities', 'events', 'relations'] },
      { type: 'extract.progress', done: 1, remaining: 0 },
    ]);
    expect(fetch).toHaveBeenCalledTimes(2);
    const init = fetch.mock.calls[0]![1];
    expect(fetch.mock.calls[0]![0]).toBe('./api/events');
    expect(init.headers).toEqual({ 'X-AWB-Token': 'tok-123' });
    expect(init.credentials).toBe('omit');
    unsubscribe();
  });

  it('shares one stream between listeners, and gives up on a refusal instead of retrying', async () => {
    const { api, fetch } = await browserClient([() => new Response('Missing or wrong session token', { status: 401 })]);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const offA = api.onCoreEvent(() => undefined);
    const offB = api.onCoreEvent(() => undefined);
    await vi.waitFor(() => expect(errors).toHaveBeenCalledWith(expect.stringContaining('refused its event stream (401)')));
    await new Promise((r) => setTimeout(r, 1200));
    expect(fetch).toHaveBeenCalledTimes(1);
    offA();
    offB();
  });

  it('sends calls with the token header and no cookies', async () => {
    const { api, fetch } = await browserClient([() => new Response(JSON.stringify({ ok: true, value: { articles: 3 } }), { headers: { 'Content-Type': 'application/json' } })]);
    await expect(api.call('articles.stats', {})).resolves.toEqual({ articles: 3 });
    expect(fetch.mock.calls[0]![0]).toBe('./api/articles.stats');
    expect(fetch.mock.calls[0]![1]).toMatchObject({ method: 'POST', credentials: 'omit', headers: { 'X-AWB-Token': 'tok-123' } });
  });
});
