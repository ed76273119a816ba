// The whole extractor on whole documents of the training corpora's held-out parts, scored as the
// reading issue scores real news: per document, the bag of distinct (type, name) pairs the
// extractor suggests against the gold one. Unlike the tagger's own score (sentence by sentence,
// exact spans), this reads each document as an article (every sentence in one text), so it counts
// what the rules, the lexicons and the reading of the whole article add or take away.
import type { Gazetteer } from '../electron/services/gazetteer/gazetteer.js';
import { nameKey } from '../electron/services/gazetteer/normalise.js';
import { extractEntities } from '../electron/services/entities/extract.js';
import { partOf, type LoadedCorpus } from '../electron/services/entities/tagger/corpusSet.js';
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

/** The person, organisation and place names of a document's gold tags, with their offsets in its text. */
export function goldMentions(sentences: readonly LabelledSentence[], offsets: { start: number; end: number }[][]): { type: DocumentType; start: number; end: number }[] {
  return sentences.flatMap((s, k) =>
    goldNames(s.tags).flatMap((g) => (g.type === 'GRP' ? [] : [{ type: g.type as DocumentType, start: offsets[k]![g.from]!.start, end: offsets[k]![g.to]!.end }])),
  );
}

/** The distinct (type, name) pairs of a document's names, compared by their normalised key. */
export function bagOf(text: string, spans: readonly { type: DocumentType; start: number; end: number }[]): Set<string> {
  return new Set(spans.map((g) => `${g.type}\t${nameKey(text.slice(g.start, g.end))}`));
}

const emptyScore = () => Object.fromEntries(DOCUMENT_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<DocumentType, Counts>;

/**
 * Scores the extractor on the documents of one part of a corpus, twice: per-document bags of
 * distinct names (compared by their normalised key), as the reading issue scores real news, and
 * every mention by its exact span and type, which is what an analyst reviews in the reader.
 * `errors`, when given, receives each name of a bag that was extra or missed (`npm run eval -- --errors`).
 */
export function scoreDocuments(corpus: LoadedCorpus, part: 'dev' | 'test', gazetteer: Gazetteer, errors?: string[]): { bags: Record<DocumentType, Counts>; mentions: Record<DocumentType, Counts>; documents: number } {
  const bags = emptyScore();
  const mentions = emptyScore();
  let documents = 0;
  corpus.documents.forEach((doc, i) => {
    if (partOf(corpus.source, i) !== part) return;
    documents++;
    const { text, offsets } = documentText(doc.sentences);
    const goldSpans = goldMentions(doc.sentences, offsets);
    // Nationality adjectives ("Russian" of Russia) are country mentions, not names: the corpora's
    // guidelines have no place for them, and they are left out here as the map can leave them out.
    // So is a place inside an organisation's name: the corpora tag the organisation alone.
    const foundNames = extractEntities(text, { gazetteer, registry: new Map(), published: null }).flatMap((s) => {
      const type = s.adjectival || s.inName ? undefined : FROM_EXTRACTOR[s.type];
      return type ? [{ type, start: s.start, end: s.end }] : [];
    });
    const key = (m: { type: DocumentType; start: number; end: number }) => `${m.type}\t${m.start}\t${m.end}`;
    const gold = bagOf(text, goldSpans);
    const found = bagOf(text, foundNames);
    const spans = new Set(goldSpans.map(key));
    const foundSpans = new Set(foundNames.map(key));
    for (const f of foundSpans) mentions[f.split('\t')[0] as DocumentType][spans.has(f) ? 'tp' : 'fp']++;
    for (const g of spans) if (!foundSpans.has(g)) mentions[g.split('\t')[0] as DocumentType].fn++;
    for (const f of found) {
      bags[f.split('\t')[0] as DocumentType][gold.has(f) ? 'tp' : 'fp']++;
      if (!gold.has(f)) errors?.push(`${doc.id}\textra\t${f}`);
    }
    for (const g of gold) {
      if (found.has(g)) continue;
      bags[g.split('\t')[0] as DocumentType].fn++;
      errors?.push(`${doc.id}\tmissed\t${g}`);
    }
  });
  return { bags, mentions, documents };
}
