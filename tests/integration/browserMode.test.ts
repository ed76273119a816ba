import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './helpers.js';

const serveScript = path.join(repoRoot, 'dist/electron/serve.mjs');

function request(url: string, options: http.RequestOptions & { body?: string } = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, options, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('npm run web (browser mode server)', () => {
  let url = '';
  let child: ReturnType<typeof spawn>;
  beforeAll(async () => {
    const dir = tempDir();
    child = spawn(process.execPath, [serveScript, '--workspace', path.join(dir, 'w.awb'), '--port', '0'], { env: { ...process.env, AWB_DATA_DIR: dir } });
    url = await new Promise((resolve) => readline.createInterface({ input: child.stdout! }).once('line', resolve));
    // Starting the core (workspace, gazetteer) takes seconds on a busy machine.
  }, 60_000);
  afterAll(() => child.kill());

  it('prints its address with the session token in the fragment as its first line, on 127.0.0.1', () => {
    expect(url).toMatch(/^Workbench at http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('serves the app with a strict CSP, and its API only to the token header', async () => {
    const address = url.slice('Workbench at '.length);
    const [base, token] = address.split('#token=') as [string, string];
    const first = await request(base);
    expect(first.status).toBe(200);
    expect(first.body).toContain('<div id="root">');
    expect(first.headers['content-security-policy']).toContain("default-src 'self'");
    expect(first.headers['set-cookie']).toBeUndefined();
    expect((await request(`${base}api/articles.stats`, { method: 'POST', body: '{}' })).status).toBe(401);
    const withToken = await request(`${base}api/articles.stats`, { method: 'POST', body: '{}', headers: { 'x-awb-token': token } });
    expect(JSON.parse(withToken.body)).toMatchObject({ ok: true, value: { articles: 0 } });
    const rebinding = await request(`${base}api/articles.stats`, { method: 'POST', body: '{}', headers: { 'x-awb-token': token, host: 'attacker.example' } });
    expect(rebinding.status).toBe(421);
    const bad = await request(`${base}api/articles.page`, { method: 'POST', body: 'not json', headers: { 'x-awb-token': token } });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
