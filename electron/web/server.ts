import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Core } from '../dispatch.js';
import { checkRequest, SECURITY_HEADERS, TOKEN_COOKIE } from './guard.js';

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

const MAX_BODY_BYTES = 512 * 1024 * 1024;

export interface WebServerOptions {
  core: Core;
  staticDir: string;
  token: string;
}

/** Browser mode's transport: POST /api/<call> carries JSON to dispatch; GET /api/events streams events. */
export function createWebServer({ core, staticDir, token }: WebServerOptions): http.Server {
  const server = http.createServer((req, res) => {
    const port = (server.address() as { port: number }).port;
    const verdict = checkRequest(
      {
        host: req.headers.host,
        origin: req.headers.origin,
        url: req.url ?? '/',
        cookie: req.headers.cookie,
        tokenHeader: req.headers['x-awb-token'] as string | undefined,
      },
      token,
      port,
    );
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (!verdict.allow) {
      res.writeHead(verdict.status, { 'Content-Type': 'text/plain' }).end(verdict.reason);
      return;
    }
    if (verdict.setCookie) res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/events' && req.method === 'GET') return streamEvents(core, req, res);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return void res.writeHead(405).end();
      return void handleCall(core, url.pathname.slice(5), req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    serveStatic(staticDir, url.pathname, res);
  });
  return server;
}

async function handleCall(core: Core, name: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      res.writeHead(413, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { code: 'too_large', message: 'The request is too large.' } }));
      req.destroy();
      return;
    }
    chunks.push(chunk);
  }
  let input: unknown;
  try {
    input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
  } catch {
    res.writeHead(400, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'The request is not valid JSON.' } }));
    return;
  }
  const result = await core.dispatch(name, input);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(result));
}

function streamEvents(core: Core, req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribe = core.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  const file = path.resolve(root, '.' + relative);
  if (!file.startsWith(path.resolve(root) + path.sep)) return void res.writeHead(403).end();
  fs.readFile(file, (error, data) => {
    if (error) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    const immutable = relative.startsWith('/assets/');
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'max-age=31536000, immutable' : 'no-store',
    });
    res.end(data);
  });
}
