import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSPHRASE_NEEDED, PASSPHRASE_WRONG } from '../../electron/contract/index.js';
import { workspaceIdentity } from '../../db/identity.js';
import { isEncryptedFile, openWorkspace } from '../../db/open.js';
import { bundleCli } from './cliBundle.js';
import { closedAfterEach, fixtures, tempDir, testCore } from './helpers.js';

const PASSPHRASE = 'tea at the Salang tunnel';
const fresh = closedAfterEach();
const uuidOf = (file: string, passphrase: string | null = null) => {
  const db = openWorkspace(file, { passphrase });
  try {
    return workspaceIdentity(db).uuid;
  } finally {
    db.close();
  }
};
const stixIds = (file: string) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { objects: { type: string; id: string }[] }).objects.filter((o) => o.type !== 'marking-definition').map((o) => o.id);

/** A workspace with the sample article and an entity made by hand, optionally encrypted. */
async function filled(passphrase: string | null) {
  const t = fresh();
  const file = path.join(t.dir, 'case.awb');
  await t.call('workspace.create', { path: file, ...(passphrase ? { passphrase } : {}) });
  await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
  await t.call('entities.create', { type: 'organisation', name: 'Ministry of Defence' });
  return { ...t, file };
}

describe('Save a copy', () => {
  it('gives the copy a workspace UUID of its own, so the two files’ exports share no id', async () => {
    const t = await filled(null);
    const copy = (await t.call('workspace.saveCopy', { path: path.join(t.dir, 'copy') })).path;
    expect(copy).toBe(path.join(t.dir, 'copy.awb'));
    const [mine, theirs] = [uuidOf(t.file), uuidOf(copy)];
    expect(theirs).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(theirs).not.toBe(mine);

    const a = (await t.call('exports.run', { format: 'stix', path: path.join(t.dir, 'a.stix.json') })).path;
    const other = testCore(copy);
    try {
      expect((await other.call('entities.page', { query: { search: 'Ministry of Defence' }, startRow: 0, endRow: 1 })).total).toBe(1);
      const b = (await other.call('exports.run', { format: 'stix', path: path.join(t.dir, 'b.stix.json') })).path;
      expect(stixIds(a).length).toBeGreaterThan(0);
      expect(stixIds(b).filter((id) => stixIds(a).includes(id))).toEqual([]);
    } finally {
      other.core.close();
    }
  });

  it('a copy of an encrypted workspace is encrypted with the same passphrase and has its own UUID', async () => {
    const t = await filled(PASSPHRASE);
    const copy = (await t.call('workspace.saveCopy', { path: path.join(t.dir, 'sealed-copy.awb') })).path;
    expect(isEncryptedFile(copy)).toBe(true);
    expect(() => openWorkspace(copy)).toThrow(/encrypted/);
    expect(uuidOf(copy, PASSPHRASE)).not.toBe(uuidOf(t.file, PASSPHRASE));
  });
});

describe('restoring an encrypted archive', () => {
  let cli: Awaited<ReturnType<typeof bundleCli>>;
  let archive: string;
  beforeAll(async () => {
    cli = await bundleCli();
    const t = testCore();
    try {
      await t.call('workspace.create', { path: path.join(t.dir, 'sealed.awb'), passphrase: PASSPHRASE });
      await t.core.imports.importNow({ kind: 'paths', paths: [path.join(fixtures, 'kunduz-offensive.txt')] });
      archive = (await t.call('exports.run', { format: 'archive', path: path.join(tempDir('awb-archive-'), 'sealed.awbz') })).path;
    } finally {
      t.core.close();
    }
  }, 120_000);
  afterAll(() => cli?.remove());

  it('asks for the passphrase, says when it is wrong (leaving nothing behind), and restores it still encrypted', async () => {
    const t = fresh();
    const target = path.join(t.dir, 'restored.awb');
    await expect(t.call('workspace.restoreArchive', { archive, target })).rejects.toMatchObject({
      code: PASSPHRASE_NEEDED,
      message: 'sealed.awbz holds an encrypted workspace: enter its passphrase to restore it.',
    });
    await expect(t.call('workspace.restoreArchive', { archive, target, passphrase: 'tea at the Khyber pass' })).rejects.toMatchObject({
      code: PASSPHRASE_WRONG,
      message: 'The passphrase is wrong for sealed.awbz. Nothing was restored.',
    });
    expect(fs.readdirSync(t.dir).filter((f) => f.startsWith('restored'))).toEqual([]);
    expect((await t.call('workspace.current', {})).path).not.toBe(target);

    const info = await t.call('workspace.restoreArchive', { archive, target, passphrase: PASSPHRASE });
    expect(info).toMatchObject({ path: target, encrypted: true, locked: false, articles: 1 });
    expect(isEncryptedFile(target)).toBe(true);
    expect(() => openWorkspace(target, { passphrase: 'tea at the Khyber pass' })).toThrow(/wrong/);
    openWorkspace(target, { passphrase: PASSPHRASE }).close();
  });

  it('the command line takes the passphrase from AWB_PASSPHRASE or --passphrase-file, and says when it is missing or wrong', async () => {
    const dir = tempDir('awb-restore-cli-');
    const target = path.join(dir, 'restored.awb');
    const missing = await awb(cli.cli, ['import', '--workspace', target, archive], { AWB_DATA_DIR: dir });
    expect(missing.stderr).toBe('awb: sealed.awbz holds an encrypted workspace: enter its passphrase to restore it. Give it in AWB_PASSPHRASE or with --passphrase-file FILE.\n');
    // As for an encrypted --workspace without its passphrase: the input was wrong, exit code 2.
    expect(missing.status).toBe(2);
    const wrong = await awb(cli.cli, ['import', '--workspace', target, archive], { AWB_DATA_DIR: dir, AWB_PASSPHRASE: 'tea at the Khyber pass' });
    expect(wrong.stderr).toBe('awb: The passphrase is wrong for sealed.awbz. Nothing was restored.\n');
    expect(wrong.status).toBe(2);
    expect(fs.existsSync(target)).toBe(false);

    const file = path.join(dir, 'passphrase.txt');
    fs.writeFileSync(file, `${PASSPHRASE}\n`, { mode: 0o600 });
    const done = await awb(cli.cli, ['import', '--workspace', target, '--passphrase-file', file, archive], { AWB_DATA_DIR: dir });
    expect(done.stderr).toBe('');
    expect(done.stdout).toMatch(/^restored {2}sealed\.awbz → .*restored\.awb \(encrypted with the same passphrase\): 1 articles/);
    expect(done.status).toBe(0);
    expect(isEncryptedFile(target)).toBe(true);
    const listed = await awb(cli.cli, ['search', '--workspace', target, 'Kunduz'], { AWB_DATA_DIR: dir, AWB_PASSPHRASE: PASSPHRASE });
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain('Taliban');
  }, 120_000);
});

function awb(cli: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const { AWB_PASSPHRASE: _drop, ...inherited } = process.env;
    const child = spawn(process.execPath, [cli, ...args], { env: { ...inherited, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
