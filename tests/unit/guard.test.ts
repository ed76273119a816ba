import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../electron/web/guard.js';

const token = 'secret-token-123';
const ok = { host: '127.0.0.1:4000', origin: undefined, url: '/', cookie: undefined, tokenHeader: undefined };

describe('browser mode request guard', () => {
  it('lets the first page in with ?token= and sets the cookie', () => {
    expect(checkRequest({ ...ok, url: `/?token=${token}` }, token, 4000)).toEqual({ allow: true, setCookie: true });
  });

  it('accepts the cookie or the header afterwards', () => {
    expect(checkRequest({ ...ok, cookie: `x=1; awb_token=${token}` }, token, 4000)).toEqual({ allow: true, setCookie: false });
    expect(checkRequest({ ...ok, tokenHeader: token, origin: 'http://127.0.0.1:4000' }, token, 4000)).toEqual({ allow: true, setCookie: false });
  });

  it('rejects a request without the token or with a wrong one', () => {
    expect(checkRequest(ok, token, 4000)).toMatchObject({ allow: false, status: 401 });
    expect(checkRequest({ ...ok, url: '/?token=guess' }, token, 4000)).toMatchObject({ allow: false, status: 401 });
  });

  it('rejects a foreign Host (DNS rebinding) and a foreign Origin even with the token', () => {
    expect(checkRequest({ ...ok, host: 'evil.example:4000', tokenHeader: token }, token, 4000)).toMatchObject({ allow: false, status: 421 });
    expect(checkRequest({ ...ok, host: '127.0.0.1:4001', tokenHeader: token }, token, 4000)).toMatchObject({ allow: false });
    expect(checkRequest({ ...ok, origin: 'https://evil.example', tokenHeader: token }, token, 4000)).toMatchObject({ allow: false, status: 403 });
    expect(checkRequest({ ...ok, origin: 'null', cookie: `awb_token=${token}` }, token, 4000)).toMatchObject({ allow: false, status: 403 });
  });
});
