// What the workspace key costs: the same articles imported into a plain and into an encrypted
// workspace (SQLCipher 4 format through SQLite3MultipleCiphers), then the same full-text searches
// on each. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openWorkspace } from '../db/open.js';
import { ArticleQuery } from '../electron/contract/index.js';
import { Core } from '../electron/dispatch.js';
import { gazetteerFile, parseWorkerFile } from '../electron/paths.js';
import { makeArticles } from './benchArticles.js';

const PASSPHRASE = 'bench passphrase, not a secret';
const SEARCHES: [string, string][] = [
  ['term', 'Kunduz'],
  ['a AND b', 'taliban AND withdrawal'],
  ['prefix', 'gov*'],
];

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))]!;

interface Figures {
  importRate: number;
  search: number[];
  openMs: number;
  bytes: number;
}

async function measure(files: string, dir: string, passphrase: string | null): Promise<Figures> {
  const file = path.join(dir, passphrase ? 'encrypted.awb' : 'plain.awb');
  const core = new Core({ dataDir: dir, gazetteerFile: gazetteerFile(), workspace: file, sampleDir: dir, mode: 'browser', version: 'bench', suggestOnImport: false, parseWorker: parseWorkerFile(), lockWorkspace: false, passphrase });
  const started = performance.now();
  const report = await core.imports.importNow({ kind: 'paths', paths: [files] });
  const imported = report.outcomes.filter((o) => o.status === 'imported').length;
  const importRate = imported / ((performance.now() - started) / 1000);
  const repo = core.session.current.articles;
  const search = SEARCHES.map(([, text]) => {
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      repo.touched(); // no cached count: every run pays for the whole query
      const s = performance.now();
      repo.page({ ...ArticleQuery.parse({}), search: text }, 0, 50);
      times.push(performance.now() - s);
    }
    return p95(times);
  });
  core.close();
  // Opening includes the key derivation (PBKDF2-HMAC-SHA512, 256,000 rounds) for the encrypted file.
  const opening = performance.now();
  openWorkspace(file, { passphrase }).close();
  return { importRate, search, openMs: performance.now() - opening, bytes: fs.statSync(file).size };
}

/** Import rate and FTS p95 with and without a key, at `n` articles (~4 KB each). */
export async function benchEncryption(n = Number(process.env.BENCH_ENCRYPTION_SIZE ?? 5000)): Promise<void> {
  if (!(n > 0)) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awb-bench-encryption-'));
  try {
    const files = path.join(dir, 'articles');
    fs.mkdirSync(files);
    makeArticles(n, n, (text, i) => fs.writeFileSync(path.join(files, `a${String(i).padStart(6, '0')}.txt`), text));
    const plain = await measure(files, dir, null);
    const keyed = await measure(files, dir, PASSPHRASE);
    const change = (a: number, b: number) => `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(0)}%`;
    console.log(`\n== Encryption at rest: ${n.toLocaleString('en')} articles, plain vs encrypted (SQLCipher 4: AES-256-CBC + HMAC-SHA512, PBKDF2 256,000 rounds) ==`);
    console.log(`import: plain ${plain.importRate.toFixed(0)} articles/s, encrypted ${keyed.importRate.toFixed(0)} articles/s (${change(plain.importRate, keyed.importRate)})`);
    SEARCHES.forEach(([shape, text], i) =>
      console.log(`FTS ${shape.padEnd(8)} ${text.padEnd(24)} top-50 page + count p95: plain ${plain.search[i]!.toFixed(2)} ms, encrypted ${keyed.search[i]!.toFixed(2)} ms (${change(plain.search[i]!, keyed.search[i]!)})`),
    );
    console.log(`open: plain ${plain.openMs.toFixed(0)} ms, encrypted ${keyed.openMs.toFixed(0)} ms (the key derivation); file ${(plain.bytes / 1048576).toFixed(1)} MB plain, ${(keyed.bytes / 1048576).toFixed(1)} MB encrypted`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
