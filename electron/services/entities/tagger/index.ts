/**
 * The shipped name tagger: loaded once from assets/models/names.awbm (or AWB_NAMES_MODEL). A missing
 * or damaged model file is reported once, in words, and extraction falls back to the rules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from '../../../paths.js';
import type { Place } from '../../gazetteer/gazetteer.js';
import type { NameLexicon } from './features.js';
import { decodeModel, TaggerModelError, type TaggerModel } from './model.js';

export const NAMES_MODEL_FILE = 'names.awbm';

export const namesModelFile = (root = appRoot()) => (process.env.AWB_NAMES_MODEL ? path.resolve(process.env.AWB_NAMES_MODEL) : path.join(root, 'assets', 'models', NAMES_MODEL_FILE));

export type ModelLoad = { model: TaggerModel; file: string; ms: number } | { model: null; file: string; problem: string };

/** Reads a model file; never throws: a problem comes back as a sentence. */
export function loadNamesModel(file: string): ModelLoad {
  const started = performance.now();
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { model: null, file, problem: code === 'ENOENT' ? 'the model file is missing' : `the model file cannot be read (${code ?? (error as Error).message})` };
  }
  try {
    return { model: decodeModel(bytes), file, ms: performance.now() - started };
  } catch (error) {
    if (error instanceof TaggerModelError) return { model: null, file, problem: error.message };
    return { model: null, file, problem: `the model file cannot be used (${(error as Error).message})` };
  }
}

let loaded: ModelLoad | null = null;

/** The process-wide tagger, or null (with the reason logged once) when its file cannot be used. */
export function namesModel(): TaggerModel | null {
  if (!loaded) {
    loaded = loadNamesModel(namesModelFile());
    if (!loaded.model) console.warn(`Name tagger not used: ${loaded.problem} (${loaded.file}). Names are suggested by the rule-based extractor until the file is restored (npm run train rebuilds it).`);
  }
  return loaded.model;
}

/** Forgets the loaded model (tests switch model files). */
export function resetNamesModel(): void {
  loaded = null;
}

/** The gazetteer as the feature function sees it: a name's most prominent place. */
export function gazetteerLexicon(gazetteer: { lookup(name: string): Place[]; countryByName: Map<string, string>; demonyms: Map<string, string> }): NameLexicon {
  const rank = (p: Place) => (p.kind === 'country' ? 3 : p.kind === 'admin1' ? 2 : 1);
  const cache = new Map<string, { kind: string; population: number } | null>();
  return {
    countryByName: gazetteer.countryByName,
    demonyms: gazetteer.demonyms,
    place(name) {
      let hit = cache.get(name);
      if (hit === undefined) {
        let best: Place | null = null;
        // The shipped model was trained on a gazetteer without continents: "Africa" is still the village it saw.
        for (const p of gazetteer.lookup(name)) if (p.kind !== 'continent' && (!best || rank(p) > rank(best) || (rank(p) === rank(best) && p.population > best.population))) best = p;
        hit = best ? { kind: best.kind === 'custom' ? 'city' : best.kind, population: best.population } : null;
        if (cache.size > 20_000) cache.clear();
        cache.set(name, hit);
      }
      return hit;
    },
  };
}
