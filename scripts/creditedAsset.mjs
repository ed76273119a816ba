// Writes one of the gazetteer's credited extracts (assets/gazetteer/<file>) and its manifest, which
// gives the extract's sha256 before what the caller says of it (source, inputs, licence, rebuild):
// electron/services/gazetteer/creditedAsset.ts refuses an extract whose bytes are not the ones credited.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ASSETS = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'assets', 'gazetteer');

/** `json` as written; `counts` (such as { rivers: 1102 }) and `credit` go into the manifest in that order. */
export function writeCreditedAsset(file, json, counts, credit) {
  fs.writeFileSync(path.join(ASSETS, file), json);
  const manifest = { file, sha256: createHash('sha256').update(json).digest('hex'), ...counts, ...credit };
  fs.writeFileSync(path.join(ASSETS, file.replace(/\.json$/, '.manifest.json')), `${JSON.stringify(manifest, null, 2)}\n`);
  return path.join(ASSETS, file);
}

/** The sha256 of an input file's bytes, for a manifest's inputs. */
export const inputOf = (file, bytes) => ({ file, sha256: createHash('sha256').update(bytes).digest('hex') });

/**
 * The credit of an extract of Natural Earth's 1:10m vectors as natural-earth-geojson holds them:
 * `layer` is the folder or file read ("10m/physical/"), `inputs` what inputOf gave for each.
 */
export const naturalEarthCredit = (description, layer, inputs, rebuild) => ({
  description,
  source: `Natural Earth 4.1, 1:10m ${layer.includes('cultural') ? 'cultural' : 'physical'} vectors, as GeoJSON in github.com/martynafford/natural-earth-geojson commit 0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e (${layer})`,
  inputs,
  licence: 'Natural Earth: public domain (naturalearthdata.com/about/terms-of-use); the GeoJSON repository: CC0 1.0',
  rebuild,
});
