/**
 * Word classes learnt from unannotated news and encyclopaedia text (assets/models/word-clusters.tsv.gz,
 * made by scripts/wordClusters.ts from GloVe vectors): the tagger's features read a word's class
 * beside the word itself, so what it learnt of "Reuters" or "Hezbollah" carries to words of the same
 * class it never saw annotated. Loaded once per process; without the file every word is "unknown"
 * and the tagger reads on, less well, with a warning.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'fflate';
import { appRoot } from '../../../paths.js';

export const WORD_CLASSES_FILE = 'word-clusters.tsv.gz';

export const wordClassesFile = (root = appRoot()) => path.join(root, 'assets', 'models', WORD_CLASSES_FILE);

/** A word's classes, each counted from 1; 0 is "not among the words the classes cover". */
export interface WordClass {
  coarse: number;
  fine: number;
}

export const NO_CLASS: WordClass = Object.freeze({ coarse: 0, fine: 0 });

/** Parses the file's text: "word \t coarse \t fine" per line, "#" lines are comments. */
export function parseWordClasses(text: string): Map<string, WordClass> {
  const classes = new Map<string, WordClass>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [word, coarse, fine] = line.split('\t');
    const c = Number(coarse);
    const f = Number(fine);
    if (!word || !Number.isInteger(c) || !Number.isInteger(f) || c < 0 || f < 0) throw new Error(`the word classes file has a malformed line: ${line.slice(0, 60)}`);
    classes.set(word, { coarse: c + 1, fine: f + 1 });
  }
  return classes;
}

let loaded: Map<string, WordClass> | null = null;

/** The process-wide classes (empty, with one warning, when the file cannot be read). */
export function wordClasses(): Map<string, WordClass> {
  if (!loaded) {
    const file = wordClassesFile();
    try {
      loaded = parseWordClasses(new TextDecoder().decode(gunzipSync(fs.readFileSync(file))));
    } catch (error) {
      console.warn(`Word classes not used: ${(error as Error).message} (${file}). Names are still suggested, less well for words the tagger was not trained on.`);
      loaded = new Map();
    }
  }
  return loaded;
}

/** A word's classes by its lower-case form. */
export function wordClassOf(lower: string): WordClass {
  return wordClasses().get(lower) ?? NO_CLASS;
}
