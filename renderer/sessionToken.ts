/**
 * Browser mode's session token, held by this tab only. It arrives once in the URL fragment of the
 * address `npm run web` prints (`http://127.0.0.1:PORT/#token=…`; a fragment is never sent to a
 * server), moves to sessionStorage (scoped to this origin, port included, and to this tab, so a
 * reload keeps working) and is wiped from the address bar and the history entry. It is never a
 * cookie: cookies are shared by every port on 127.0.0.1.
 */
export const TOKEN_HEADER = 'X-AWB-Token';
const STORAGE_KEY = 'awb-session-token';

let current: string | null = null;

/** The token in a fragment such as `#token=abc`, and what is left of the fragment without it. */
export function splitTokenFragment(hash: string): { token: string | null; rest: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  params.delete('token');
  return { token: token || null, rest: params.toString() };
}

interface TokenHome {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** Takes the token from the address (or, after a reload, from sessionStorage) before the app makes any call. */
export function adoptSessionToken(home: TokenHome = window): string | null {
  const { token, rest } = splitTokenFragment(home.location.hash);
  if (token) {
    try {
      home.sessionStorage.setItem(STORAGE_KEY, token);
    } catch {
      // Storage can be switched off; the token still lives in memory until the tab reloads.
    }
    home.history.replaceState(home.history.state, '', `${home.location.pathname}${home.location.search}${rest ? `#${rest}` : ''}`);
    current = token;
  } else {
    try {
      current = home.sessionStorage.getItem(STORAGE_KEY);
    } catch {
      current = null;
    }
  }
  return current;
}

/** The token for the X-AWB-Token header; empty when the page was opened without one (the server then answers 401). */
export const sessionToken = (): string => current ?? '';
