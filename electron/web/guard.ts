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

export const TOKEN_COOKIE = 'awb_token';

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  url: string;
  cookie: string | undefined;
  tokenHeader: string | undefined;
}

export type Verdict = { allow: true; setCookie: boolean } | { allow: false; status: number; reason: string };

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/**
 * Browser mode answers only this machine's pages that know the session token: the Host header
 * must name the loopback address we listen on (against DNS rebinding), any Origin must be ours
 * (against other sites' pages), and the token must come as the first page's ?token=, the cookie
 * that page sets, or a header.
 */
export function checkRequest(facts: RequestFacts, token: string, port: number): Verdict {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!facts.host || !hosts.includes(facts.host.toLowerCase())) {
    return { allow: false, status: 421, reason: 'Unexpected Host header' };
  }
  if (facts.origin !== undefined && !hosts.map((h) => `http://${h}`).includes(facts.origin.toLowerCase())) {
    return { allow: false, status: 403, reason: 'Foreign origin' };
  }
  const queryToken = new URL(facts.url, 'http://127.0.0.1').searchParams.get('token') ?? undefined;
  if (sameToken(facts.tokenHeader, token) || sameToken(cookieValue(facts.cookie, TOKEN_COOKIE), token)) {
    return { allow: true, setCookie: false };
  }
  if (sameToken(queryToken, token)) return { allow: true, setCookie: true };
  return { allow: false, status: 401, reason: 'Missing or wrong session token' };
}
