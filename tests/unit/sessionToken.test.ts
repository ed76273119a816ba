import { describe, expect, it } from 'vitest';
import { adoptSessionToken, sessionToken, splitTokenFragment } from '../../renderer/sessionToken.js';

/** A tab's location, history and sessionStorage, as far as the token code sees them. */
function tab(href: string, stored: Record<string, string> = {}) {
  const url = new URL(href);
  const replaced: string[] = [];
  return {
    replaced,
    stored,
    location: { hash: url.hash, pathname: url.pathname, search: url.search },
    history: { state: null, replaceState: (_state: unknown, _unused: string, to: string) => void replaced.push(to) },
    sessionStorage: { getItem: (k: string) => stored[k] ?? null, setItem: (k: string, v: string) => void (stored[k] = v) },
  };
}

describe('browser mode session token in the page', () => {
  it('reads the token from the fragment and keeps any other fragment parameters', () => {
    expect(splitTokenFragment('#token=abc-DEF_1')).toEqual({ token: 'abc-DEF_1', rest: '' });
    expect(splitTokenFragment('#token=abc&view=map')).toEqual({ token: 'abc', rest: 'view=map' });
    expect(splitTokenFragment('')).toEqual({ token: null, rest: '' });
    expect(splitTokenFragment('#token=')).toEqual({ token: null, rest: '' });
  });

  it('moves the token from the address to sessionStorage and wipes it from the address bar and history entry', () => {
    const t = tab('http://127.0.0.1:4000/?lang=en#token=s3cret');
    expect(adoptSessionToken(t)).toBe('s3cret');
    expect(sessionToken()).toBe('s3cret');
    expect(Object.values(t.stored)).toEqual(['s3cret']);
    expect(t.replaced).toEqual(['/?lang=en']);
  });

  it('after a reload takes the token from sessionStorage and leaves the address alone', () => {
    const first = tab('http://127.0.0.1:4000/#token=again');
    adoptSessionToken(first);
    const reloaded = tab('http://127.0.0.1:4000/', first.stored);
    expect(adoptSessionToken(reloaded)).toBe('again');
    expect(reloaded.replaced).toEqual([]);
  });

  it('has no token (and sends an empty header) for a page opened without one', () => {
    expect(adoptSessionToken(tab('http://127.0.0.1:4000/'))).toBeNull();
    expect(sessionToken()).toBe('');
  });
});
