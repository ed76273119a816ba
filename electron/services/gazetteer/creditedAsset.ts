import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from '../../paths.js';

/**
 * One of the gazetteer's credited extracts (assets/gazetteer/<name>.json, beside the manifest that
 * says where it came from), parsed; refused if its bytes are not the ones the manifest credits, so
 * the gazetteer is never built from data whose source and licence nobody wrote down.
 */
export function readCreditedAsset<T>(name: string, what: string, script: string): T {
  const dir = path.join(appRoot(), 'assets', 'gazetteer');
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, `${name}.manifest.json`), 'utf8')) as { file: string; sha256: string };
  const bytes = fs.readFileSync(path.join(dir, manifest.file));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== manifest.sha256) throw new Error(`${what}: ${manifest.file} is not the file its manifest credits (sha256 ${sha256}, expected ${manifest.sha256}): run ${script} again.`);
  return JSON.parse(bytes.toString('utf8')) as T;
}
