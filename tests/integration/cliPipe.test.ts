import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, testCore } from './helpers.js';

const awb = path.join(repoRoot, 'bin/awb.mjs');
const cli = path.join(repoRoot, 'dist/electron/cli.mjs');
const ENTITIES = 10_500;

/**
 * A reader slower than the CLI: it takes one chunk, then waits before asking for the next, so the
 * CLI's output backs up in the pipe (64 KB) and in its own memory. Prints what it received.
 */
const SLOW_READER = `
let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  text += chunk;
  process.stdin.pause();
  setTimeout(() => process.stdin.resume(), 15);
});
process.stdin.on('end', () => process.stdout.write(JSON.stringify({ lines: text.split('\\n').slice(0, -1), endsWithNewline: text.endsWith('\\n') })));
`;

/** Runs \`awb ...args\` with its stdout an OS pipe straight into a slow reader process, as \`awb … | slow\` would. */
function runIntoSlowReader(args: string[], readerScript = SLOW_READER): Promise<{ code: number | null; stderr: string; received: { lines: string[]; endsWithNewline: boolean } | null }> {
  return new Promise((resolve, reject) => {
    const reader = spawn(process.execPath, ['-e', readerScript], { stdio: ['pipe', 'pipe', 'inherit'] });
    let readerOut = '';
    reader.stdout!.on('data', (c: Buffer) => (readerOut += c.toString()));
    const child = spawn(process.execPath, [awb, ...args], { stdio: ['ignore', reader.stdin!, 'pipe'], env: { ...process.env, AWB_DATA_DIR: path.dirname(args[2]!) } });
    // The CLI holds the pipe's write end now; ours must go, or the reader never sees the end.
    reader.stdin!.destroy();
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    let code: number | null = null;
    child.on('exit', (c) => (code = c));
    child.on('error', reject);
    reader.on('exit', () => {
      // Let the CLI's exit event land before reporting.
      const report = () => resolve({ code, stderr, received: readerOut ? (JSON.parse(readerOut) as { lines: string[]; endsWithNewline: boolean }) : null });
      if (child.exitCode !== null || child.signalCode !== null) report();
      else child.once('exit', (c) => ((code = c), report()));
    });
  });
}

describe.skipIf(!fs.existsSync(cli))('awb into a pipe', () => {
  let workspace = '';
  beforeAll(async () => {
    const { core, call } = testCore();
    // Many entities: `awb entities` prints one JSON line for each. Made as entities.create makes
    // them, in one transaction (10,000 separate calls would take a minute).
    const ws = core.session.current;
    ws.db.transaction(() => {
      for (let i = 1; i <= ENTITIES; i++) ws.entities.entities.resolve(i % 2 ? 'person' : 'organisation', `Kunduz provincial council member ${i}`, null, 'analyst');
    })();
    expect((await call('entities.page', { query: {}, startRow: 0, endRow: 1 })).total).toBe(ENTITIES);
    workspace = ws.file;
    core.close();
  }, 120_000);

  it(`delivers every one of ${ENTITIES.toLocaleString('en')} lines to a slow reader, then exits 0`, async () => {
    const { code, stderr, received } = await runIntoSlowReader(['entities', '--workspace', workspace]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(received!.endsWithNewline).toBe(true);
    expect(received!.lines).toHaveLength(ENTITIES);
    const names = new Set(received!.lines.map((line) => (JSON.parse(line) as { name: string }).name));
    expect(names.size).toBe(ENTITIES);
    expect(names.has(`Kunduz provincial council member ${ENTITIES}`)).toBe(true);
  }, 120_000);

  it('exits quietly when the reader stops early (awb … | head -1)', async () => {
    const takeOneLine = `process.stdin.once('data', (c) => { process.stdout.write(JSON.stringify({ lines: [String(c).split('\\n')[0]], endsWithNewline: true })); process.exit(0); });`;
    const { code, stderr, received } = await runIntoSlowReader(['entities', '--workspace', workspace], takeOneLine);
    expect(received!.lines[0]).toMatch(/^\{"id":\d+/);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 120_000);
});
