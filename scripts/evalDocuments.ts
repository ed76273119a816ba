// The whole extractor on whole documents of the training corpora's held-out parts, scored as the
// reading issue scores real news: per document, the bag of distinct (type, name) pairs the
// extractor suggests against the gold one. Unlike the tagger's own score (sentence by sentence,
// exact spans), this reads each document as an article (every sentence in one text), so it counts
// what the rules, the lexicons and the reading of the whole article add or take away.
import type { Gazetteer } from '../electron/services/gazetteer/gazetteer.js';
import { nameKey } from '../electron/services/gazetteer/normalise.js';
import { extractEntities } from '../electron/services/entities/extract.js';
import { splitOf } from '../electron/services/entities/tagger/corpora.js';
import type { LoadedCorpus } from '../electron/services/entities/tagger/corpusSet.js';
import { goldNames, type LabelledSentence } from '../electron/services/entities/tagger/train.js';

/** The types the reading issue scores real news on; groups are left out because the corpora mark
 * every nationality adjective ("Afghan troops") as one and our guidelines do not. */
export const DOCUMENT_TYPES = ['PER', 'ORG', 'LOC'] as const;
type DocumentType = (typeof DOCUMENT_TYPES)[number];
export type Counts = { tp: number; fp: number; fn: number };

const FROM_EXTRACTOR: Record<string, DocumentType | undefined> = { person: 'PER', organisation: 'ORG', place: 'LOC' };
// Tokens written against the word before them, or the word after them, as news prints them.
const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}]|'s|'S|’s|n't|'re|'ve|'ll|'d|'m)$/;
const NO_SPACE_AFTER = /^[([{$]$/;

/** A labelled document as the text of an article (a sentence per line), with each word's offsets. */
export function documentText(sentences: readonly LabelledSentence[]): { text: string; offsets: { start: number; end: number }[][] } {
  let text = '';
  const offsets = sentences.map((s, k) => {
    if (k > 0) text += '\n';
    let glue = false;
    return s.words.map((word, i) => {
      if (i > 0 && !glue && !NO_SPACE_BEFORE.test(word)) text += ' ';
      const start = text.length;
      text += word;
      glue = NO_SPACE_AFTER.test(word);
      return { start, end: text.length };
    });
  });
  return { text, offsets };
}

/** The distinct (type, name) pairs of a document's gold tags. */
export function goldBag(sentences: readonly LabelledSentence[], text: string, offsets: { start: number; end: number }[][]): Set<string> {
  const bag = new Set<string>();
  sentences.forEach((s, k) => {
    for (const g of goldNames(s.tags)) if (g.type !== 'GRP') bag.add(`${g.type}\t${nameKey(text.slice(offsets[k]![g.from]!.start, offsets[k]![g.to]!.end))}`);
  });
  return bag;
}

/** Scores the extractor on the documents of one part of a corpus; the bags compare names by their normalised key. */
export function scoreDocuments(corpus: LoadedCorpus, part: 'dev' | 'test', gazetteer: Gazetteer, errors?: string[]): { score: Record<DocumentType, Counts>; documents: number } {
  const score = Object.fromEntries(DOCUMENT_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<DocumentType, Counts>;
  let documents = 0;
  corpus.documents.forEach((doc, i) => {
    if (splitOf(i) !== part) return;
    documents++;
    const { text, offsets } = documentText(doc.sentences);
    const gold = goldBag(doc.sentences, text, offsets);
    const found = new Set<string>();
    for (const s of extractEntities(text, { gazetteer, registry: new Map(), published: null })) {
      const type = FROM_EXTRACTOR[s.type];
      if (type) found.add(`${type}\t${nameKey(s.text)}`);
    }
    for (const f of found) {
      score[f.split('\t')[0] as DocumentType][gold.has(f) ? 'tp' : 'fp']++;
      if (!gold.has(f)) errors?.push(`${doc.id}\textra\t${f}`);
    }
    for (const g of gold) {
      if (found.has(g)) continue;
      score[g.split('\t')[0] as DocumentType].fn++;
      errors?.push(`${doc.id}\tmissed\t${g}`);
    }
  });
  return { score, documents };
}
