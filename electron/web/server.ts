import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { safeAssetPath } from '../assetPath.js';
import type { CoreEvent } from '../contract/index.js';
import type { CoreClient } from '../coreHost.js';
import { checkRequest, isApiPath, SECURITY_HEADERS, TOKEN_HEADER } from './guard.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.pbf': 'application/x-protobuf',
};

const MB = 1024 * 1024;

/**
 * The largest request body each call may carry. Only imports carry files (base64 from a drop or a
 * picked folder, a piece of a big file, or the text of an exchange file); every other call is a few kilobytes of ids and
 * fields (the biggest, a selection of 100,000 article ids, is under 1 MB). The whole body is held
 * in memory and parsed at once, so these bound what one request can cost.
 */
export const BODY_LIMITS: Readonly<Record<string, number>> = {
  'imports.start': 64 * MB,
  'imports.exchange': 64 * MB,
  // One piece of an upload (8 MB as base64) with its JSON around it.
  'uploads.append': 12 * MB,
};
export const DEFAULT_BODY_LIMIT = 4 * MB;

/** How long a client may take to send its headers, and its whole request, before it is cut off. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 120_000;

export interface WebServerOptions {
  core: CoreClient;
  staticDir: string;
  token: string;
}

const megabytes = (n: number) => `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`;

function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...extra });
  res.end(JSON.stringify(body));
}

const callError = (code: string, message: string) => ({ ok: false, error: { code, message } });

/**
 * Browser mode's transport: POST /api/<call> carries JSON to dispatch; GET /api/events streams events.
 * Nothing a request holds may throw out of here: an uncaught exception would end the process, and
 * with it the analyst's session. Every handler is wrapped, every stream has an error listener.
 */
export function createWebServer({ core, staticDir, token }: WebServerOptions): http.Server {
  const server = http.createServer((req, res) => {
    req.on('error', () => res.destroy());
    res.on('error', () => req.destroy());
    try {
      route(req, res);
    } catch (error) {
      fail(res, error);
    }
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  // A malformed request line or oversized headers: answer 400/431 when the socket still can, never throw.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    // The raw path, not `new URL(req.url)`: that throws on some inputs (`//[`) and resolves `..` for us.
    const raw = req.url ?? '/';
    const pathname = raw.split(/[?#]/, 1)[0]!;
    const verdict = checkRequest(
      { host: req.headers.host, origin: req.headers.origin, pathname, tokenHeader: req.headers[TOKEN_HEADER] },
      token,
      req.socket.localPort ?? 0,
    );
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (!verdict.allow) {
      res.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(verdict.reason);
      req.resume();
      return;
    }
    if (pathname === '/api/events' && req.method === 'GET') return streamEvents(core, res);
    if (isApiPath(pathname)) {
      if (req.method !== 'POST') return void res.writeHead(405, { Allow: 'POST' }).end();
      handleCall(core, pathname.slice('/api/'.length), req, res).catch((error: unknown) => fail(res, error));
      return;
    }
    req.resume();
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    serveStatic(staticDir, pathname, req.method === 'HEAD', res);
  }

  return server;
}

/** The last resort for an unexpected error: a 500 if nothing was sent yet, else the connection ends. */
function fail(res: http.ServerResponse, error: unknown): void {
  // A client that went away mid-request is not a fault of ours: nothing to report, nobody to tell.
  if (error instanceof ClientGone || res.destroyed) return void res.destroy();
  console.error(`browser mode: ${(error as Error)?.stack ?? String(error)}`);
  if (res.headersSent) return void res.destroy();
  sendJson(res, 500, callError('internal', 'The workbench failed to answer this request; see its terminal for details.'), { Connection: 'close' });
}

class ClientGone extends Error {}

/** What a request body came to: the body, or its size once past the call's limit (all of it, or as far as it was read). */
type ReadBody = { body: Buffer } | { tooLarge: number; whole: boolean };

/**
 * Reads the request body. Past `limit` the rest is read and dropped, up to `drainAtMost`: answered
 * while the client still sends, the 413 is followed by the connection's close, and a client whose
 * data is still arriving then gets a reset, which its system reports (EPIPE, a failed fetch) before
 * the answer it had been sent (about one 6 MB upload in a hundred on loopback). Past `drainAtMost` the
 * answer goes at once: a body that large is not worth reading to say no to.
 */
function readBody(req: http.IncomingMessage, limit: number, drainAtMost: number): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (value: ReadBody) => {
      settled = true;
      resolve(value);
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > drainAtMost) settle({ tooLarge: size, whole: false });
      else if (size > limit) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!settled) settle(size > limit ? { tooLarge: size, whole: true } : { body: Buffer.concat(chunks, size) });
    });
    req.on('close', () => {
      if (!settled) {
        settled = true;
        reject(new ClientGone('The client closed the connection before its request was complete.'));
      }
    });
  });
}

async function handleCall(core: CoreClient, name: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const limit = BODY_LIMITS[name] ?? DEFAULT_BODY_LIMIT;
  const tooLarge = (size: string) => {
    sendJson(res, 413, callError('too_large', `This request is ${size}; browser mode takes at most ${megabytes(limit)} in one call. Import fewer files at a time, or use "awb import" for a large folder.`));
    req.resume();
  };
  const drainAtMost = 2 * limit;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > drainAtMost) return tooLarge(megabytes(declared));
  const read = await readBody(req, limit, drainAtMost);
  if ('tooLarge' in read) return tooLarge(read.whole ? megabytes(read.tooLarge) : `over ${megabytes(drainAtMost)}`);
  const { body } = read;
  let input: unknown;
  try {
    input = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    return sendJson(res, 400, callError('invalid_input', 'The request is not valid JSON.'));
  }
  const result = await core.dispatch(name, input);
  // The client may have gone while the call ran; its answer has nowhere to go.
  if (res.destroyed) return;
  sendJson(res, 200, result);
}

function streamEvents(core: CoreClient, res: http.ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const send = (text: string) => {
    if (!res.destroyed) res.write(text);
  };
  // The core calls this inside its own work (an import, a save): it must never throw back into it.
  const unsubscribe = core.subscribe((event: CoreEvent) => {
    try {
      send(`data: ${JSON.stringify(event)}\n\n`);
    } catch (error) {
      console.error(`browser mode: an event could not be sent: ${(error as Error).message}`);
    }
  });
  const keepAlive = setInterval(() => send(': keep-alive\n\n'), 15_000);
  // The response's 'close' (not the request's) is the one that fires when the connection goes.
  res.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

function serveStatic(root: string, pathname: string, headOnly: boolean, res: http.ServerResponse): void {
  const asset = safeAssetPath(pathname);
  if (!asset.ok) return void res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end(asset.reason);
  const base = path.resolve(root);
  const file = path.resolve(base, ...asset.path.split('/'));
  // safeAssetPath already refuses every climb; this is the second lock on the same door.
  if (!file.startsWith(base + path.sep)) return void res.writeHead(403).end();
  fs.readFile(file, (error, data) => {
    if (res.destroyed) return;
    // A folder (EISDIR) or a missing file alike: 404.
    if (error) return void res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': data.length,
      'Cache-Control': asset.path.startsWith('assets/') ? 'max-age=31536000, immutable' : 'no-store',
    });
    res.end(headOnly ? undefined : data);
  });
}
