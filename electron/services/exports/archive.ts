import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { isEncrypted, openWorkspace, PassphraseError, type Db } from '../../../db/open.js';
import { UserError } from '../errors.js';
import { resolveOutputPath, writeFileAtomicallySync } from '../output.js';

export const ARCHIVE_FORMAT = 'analyst-workbench-archive';
const DB_ENTRY = 'workspace.awb';
const sha256 = (data: Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

export interface Manifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: 1;
  appVersion: string;
  schemaVersion: number;
  created: string;
  counts: Record<string, number>;
  files: Record<string, { bytes: number; sha256: string }>;
  /** The workspace inside is encrypted with the workspace's passphrase (archives from before this was written do not say). */
  encrypted?: boolean;
}

function counts(db: Db): Record<string, number> {
  const n = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    articles: n('article'),
    tags: n('tag'),
    entities: n('entity'),
    mentions: n('mention'),
    events: n('event'),
    eventEvidence: n('event_evidence'),
    relations: n('relation'),
    relationEvidence: n('relation_evidence'),
    customPlaces: n('custom_place'),
    changes: n('change_log'),
  };
}

/**
 * The whole workspace as one zip: a consistent copy of the database and a manifest with counts and
 * checksums. The copy is made beside `target` (the export's temporary file, in the folder the
 * analyst chose), never in the shared temp folder, and removed once zipped.
 */
export function writeArchive(db: Db, target: string, appVersion: string): Manifest {
  const copy = `${target}.db`;
  try {
    db.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`);
    const data = new Uint8Array(fs.readFileSync(copy));
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: 1,
      appVersion,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      created: new Date().toISOString(),
      counts: counts(db),
      files: { [DB_ENTRY]: { bytes: data.length, sha256: sha256(data) } },
      encrypted: isEncrypted(db),
    };
    const zip = zipSync({ 'manifest.json': new TextEncoder().encode(JSON.stringify(manifest, null, 2)), [DB_ENTRY]: [data, { level: 6 }] });
    fs.writeFileSync(target, zip);
    return manifest;
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  }
}

/** True when a file looks like one of our archives (a zip whose manifest says so). */
export function isArchive(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'manifest.json' });
    return (JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest).format === ARCHIVE_FORMAT;
  } catch {
    return false;
  }
}

/**
 * Unpacks an archive into a new workspace file after checking every checksum and the counts; a
 * damaged or foreign archive is refused before anything is written. The workspace of an encrypted
 * archive is restored as it is, still encrypted, and opens with the passphrase it had: without
 * it, or with a wrong one, a PassphraseError says so and nothing is left behind.
 */
export function restoreArchive(archive: string, target: string, passphrase: string | null = null): Manifest {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(fs.readFileSync(archive)));
  } catch {
    throw new UserError('bad_archive', `${path.basename(archive)} is not a readable archive (the zip is damaged or this is another kind of file).`);
  }
  const raw = files['manifest.json'];
  let manifest: Manifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(raw)) as Manifest;
  } catch {
    throw new UserError('bad_archive', `${path.basename(archive)} has no readable manifest: it is not an Analyst Workbench archive.`);
  }
  if (manifest.format !== ARCHIVE_FORMAT || !manifest.files?.[DB_ENTRY] || !files[DB_ENTRY]) {
    throw new UserError('bad_archive', `${path.basename(archive)} is not an Analyst Workbench archive (no workspace inside, or another kind of zip).`);
  }
  for (const [name, expected] of Object.entries(manifest.files)) {
    const data = files[name];
    if (!data || data.length !== expected.bytes || sha256(data) !== expected.sha256) {
      throw new UserError('bad_archive', `${path.basename(archive)} is damaged: ${name} does not match its checksum. Nothing was imported.`);
    }
  }
  // The restored workspace is a file the analyst names: the same rules as any file we write.
  const file = resolveOutputPath(target);
  if (fs.existsSync(file)) throw new UserError('exists', `${file} already exists: choose a new file for the restored workspace.`);
  writeFileAtomicallySync(file, (partial) => {
    fs.writeFileSync(partial, files[DB_ENTRY]!);
    try {
      const db = openArchived(partial, path.basename(archive), passphrase);
      const found = counts(db);
      db.close();
      const lost = Object.entries(manifest.counts).filter(([k, v]) => (found[k] ?? 0) < v);
      if (lost.length) throw new UserError('bad_archive', `The archive's workspace holds fewer records than its manifest says (${lost.map(([k]) => k).join(', ')}). Nothing was imported.`);
    } finally {
      for (const suffix of ['-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
    }
  });
  return manifest;
}

/** The unpacked workspace, opened with the archive's passphrase; passphrase errors name the archive. */
function openArchived(file: string, archive: string, passphrase: string | null): Db {
  try {
    return openWorkspace(file, { create: false, passphrase });
  } catch (error) {
    if (!(error instanceof PassphraseError)) throw error;
    throw new PassphraseError(
      error.reason,
      error.reason === 'needed'
        ? `${archive} holds an encrypted workspace: enter its passphrase to restore it.`
        : `The passphrase is wrong for ${archive}. Nothing was restored.`,
    );
  }
}
