import crypto from 'node:crypto';

/** Content Security Policy for the renderer, in Electron and in browser mode alike. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // AG Grid and MapLibre set inline styles on elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The header every API request carries the session token in; never a cookie, never the URL. */
export const TOKEN_HEADER = 'x-awb-token';

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  /** The request path without its query, as it came off the wire. */
  pathname: string;
  tokenHeader: string | string[] | undefined;
}

export type Verdict = { allow: true } | { allow: false; status: number; reason: string };

function sameToken(a: string | string[] | undefined, b: string): boolean {
  if (typeof a !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** The API and its event stream hold the workspace; everything else is the app's static files. */
export const isApiPath = (pathname: string): boolean => pathname === '/api' || pathname.startsWith('/api/');

/**
 * Browser mode answers only this machine's pages: the Host header must name the loopback address
 * we listen on (against DNS rebinding) and any Origin must be ours (against other sites' pages),
 * on every request. The API also needs the session token in the X-AWB-Token header. A cookie is
 * never accepted: cookies are not isolated by port, so every other service on 127.0.0.1 would
 * receive it. A ?token= query is not accepted either: URLs end up in logs and history. The page
 * gets the token from the URL fragment (#token=…), which the browser never sends to a server.
 * Static files are served without the token: they hold no data.
 */
export function checkRequest(facts: RequestFacts, token: string, port: number): Verdict {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!facts.host || !hosts.includes(facts.host.toLowerCase())) {
    return { allow: false, status: 421, reason: 'Unexpected Host header' };
  }
  if (facts.origin !== undefined && !hosts.map((h) => `http://${h}`).includes(facts.origin.toLowerCase())) {
    return { allow: false, status: 403, reason: 'Foreign origin' };
  }
  if (isApiPath(facts.pathname) && !sameToken(facts.tokenHeader, token)) {
    return { allow: false, status: 401, reason: 'Missing or wrong session token: open the address browser mode printed (it ends in #token=…).' };
  }
  return { allow: true };
}
