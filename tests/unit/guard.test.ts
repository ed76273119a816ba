import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../electron/web/guard.js';

const token = 'secret-token-123';
const page = { host: '127.0.0.1:4000', origin: undefined, pathname: '/', tokenHeader: undefined };
const api = { ...page, pathname: '/api/articles.stats', origin: 'http://127.0.0.1:4000' };

describe('browser mode request guard', () => {
  it('serves the static app without the token (it holds no data)', () => {
    expect(checkRequest(page, token, 4000)).toEqual({ allow: true });
    expect(checkRequest({ ...page, pathname: '/assets/index-abc.js' }, token, 4000)).toEqual({ allow: true });
  });

  it('lets API calls and the event stream in only with the token in the header', () => {
    expect(checkRequest({ ...api, tokenHeader: token }, token, 4000)).toEqual({ allow: true });
    expect(checkRequest({ ...api, pathname: '/api/events', tokenHeader: token }, token, 4000)).toEqual({ allow: true });
    expect(checkRequest(api, token, 4000)).toMatchObject({ allow: false, status: 401 });
    expect(checkRequest({ ...api, pathname: '/api/events' }, token, 4000)).toMatchObject({ allow: false, status: 401 });
    expect(checkRequest({ ...api, pathname: '/api' }, token, 4000)).toMatchObject({ allow: false, status: 401 });
  });

  it('refuses a wrong, partial, longer or repeated token', () => {
    for (const wrong of ['guess', token.slice(0, -1), `${token}x`, '', [token, token]]) {
      expect(checkRequest({ ...api, tokenHeader: wrong }, token, 4000)).toMatchObject({ allow: false, status: 401 });
    }
  });

  it('rejects a foreign Host (DNS rebinding) and a foreign Origin even with the token, on pages too', () => {
    expect(checkRequest({ ...api, host: 'evil.example:4000', tokenHeader: token }, token, 4000)).toMatchObject({ allow: false, status: 421 });
    expect(checkRequest({ ...api, host: '127.0.0.1:4001', tokenHeader: token }, token, 4000)).toMatchObject({ allow: false });
    expect(checkRequest({ ...api, origin: 'https://evil.example', tokenHeader: token }, token, 4000)).toMatchObject({ allow: false, status: 403 });
    expect(checkRequest({ ...api, origin: 'null', tokenHeader: token }, token, 4000)).toMatchObject({ allow: false, status: 403 });
    expect(checkRequest({ ...page, host: 'evil.example:4000' }, token, 4000)).toMatchObject({ allow: false, status: 421 });
    expect(checkRequest({ ...page, host: undefined }, token, 4000)).toMatchObject({ allow: false, status: 421 });
    expect(checkRequest({ ...page, origin: 'http://127.0.0.1:8080' }, token, 4000)).toMatchObject({ allow: false, status: 403 });
  });
});
