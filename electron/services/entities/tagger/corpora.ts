/**
 * Readers for the annotated corpora the tagger learns from, mapped to the workbench's name types
 * and annotation guidelines (tests/fixtures/eval/README.md): a person's name without the title
 * before it, an organisation without a leading "the", nationalities as groups.
 */
import { COUNTRY_ABBREVIATIONS, GROUP_NAMES, KNOWN_ORGANISATION_NAMES, STOPWORDS, TITLES } from '../lexicon.js';
import { lexiconKey, type NameLexicon } from './features.js';
import { tokenizeSentences } from './tokens.js';
import type { LabelledSentence } from './train.js';

export interface CorpusDocument {
  id: string;
  sentences: LabelledSentence[];
}

/** Words the corpora put inside a person's name that the guidelines leave out ("Prime Minister X"). */
const TITLE_WORDS = new Set([...TITLES, 'foreign', 'defense', 'defence', 'interior', 'finance', 'former', 'acting', 'first', 'opposition', 'leader', 'secretary-general', 'envoy', 'officer']);

/** Rewrites BIO tags to the guidelines; `words` and `tags` are changed in place. */
export function applyGuidelines(words: string[], tags: string[]): void {
  for (let i = 0; i < tags.length; i++) {
    if (!tags[i]!.startsWith('B-')) continue;
    const type = tags[i]!.slice(2);
    let end = i;
    while (end + 1 < tags.length && tags[end + 1] === 'I-' + type) end++;
    let start = i;
    // Titles and a leading "the" are outside the name.
    while (start < end && ((type === 'PER' && TITLE_WORDS.has(words[start]!.toLowerCase().replace(/\.$/, ''))) || words[start]!.toLowerCase() === 'the')) {
      tags[start] = 'O';
      start++;
    }
    if (start === end && type === 'PER' && TITLE_WORDS.has(words[start]!.toLowerCase().replace(/\.$/, ''))) tags[start] = 'O';
    else if (start !== i) tags[start] = 'B-' + type;
    i = end;
  }
}

/**
 * One name, one type, whatever role the sentence gives it: a known organisation ("U.N.", "NATO") is an
 * organisation, and a country named as an actor ("Iran said") is a place. GMB's automatic layer
 * tags "U.N." a place one time in three and countries organisations now and then; the workbench
 * links both to one entity, so they are read one way. `tags` is changed in place.
 */
export function oneTypePerName(words: string[], tags: string[], lexicon: NameLexicon): void {
  for (let i = 0; i < tags.length; i++) {
    if (!tags[i]!.startsWith('B-')) continue;
    const type = tags[i]!.slice(2);
    let end = i;
    while (end + 1 < tags.length && tags[end + 1] === 'I-' + type) end++;
    const key = lexiconKey(words.slice(i, end + 1));
    const retyped = KNOWN_ORGANISATION_NAMES.has(key) ? 'ORG' : type === 'ORG' && (lexicon.countryByName.has(key) || COUNTRY_ABBREVIATIONS.has(key)) ? 'LOC' : type;
    if (retyped !== type) for (let k = i; k <= end; k++) tags[k] = (k === i ? 'B-' : 'I-') + retyped;
    i = end;
  }
}

/** BIO from IOB1 (CoNLL style: a name starts with I- unless it follows a name of the same type). */
function iob1ToBio(tags: string[]): string[] {
  return tags.map((t, i) => (t.startsWith('I-') && (i === 0 || tags[i - 1]!.slice(2) !== t.slice(2)) ? 'B-' + t.slice(2) : t));
}

/**
 * The Groningen Meaning Bank in the CSV form of its Kaggle derivative ("Sentence #,Word,POS,Tag";
 * a sentence starts at a row whose first field is "Sentence: N"). That form has lost the document
 * ids, so documents are approximated by blocks of consecutive sentences (GMB stores each
 * document's sentences together). geo → place; per → person; org → organisation; gpe → place when it
 * is a country's name, else a group (GMB's gpe is mostly nationality adjectives: "Iraqi",
 * "Palestinians"); tim, art, eve and nat (noisy: "Hurricane", "H5N1") are left out.
 */
export function readGmbCsv(text: string, lexicon: NameLexicon, sentencesPerDocument = 40): CorpusDocument[] {
  const lines = text.split(/\r?\n/);
  const sentences: { words: string[]; raw: string[] }[] = [];
  let current: { words: string[]; raw: string[] } | null = null;
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const fields = parseCsvLine(line);
    if (fields.length < 4) continue;
    const [sentence, word, , tag] = fields as [string, string, string, string];
    if (sentence.startsWith('Sentence:')) {
      if (current) sentences.push(current);
      current = { words: [], raw: [] };
    }
    if (!current || !/^[BIO]/.test(tag) || !word) continue;
    current.words.push(word);
    current.raw.push(tag);
  }
  // The last sentence may be cut short in a truncated copy: it is dropped.
  const labelled = sentences.map(({ words, raw }) => {
    const tags = raw.map((t, i) => {
      if (t === 'O') return 'O';
      const [bio, kind] = t.split('-') as [string, string];
      let type: string | null = kind === 'per' ? 'PER' : kind === 'org' ? 'ORG' : kind === 'geo' ? 'LOC' : null;
      if (kind === 'gpe') {
        // Decided on the whole gpe name, not word by word.
        let s = i;
        while (s > 0 && raw[s]!.startsWith('I-') && raw[s - 1]!.endsWith('-gpe')) s--;
        let e = i;
        while (e + 1 < raw.length && raw[e + 1] === 'I-gpe') e++;
        const key = lexiconKey(words.slice(s, e + 1));
        type = lexicon.countryByName.has(key) || key === 'us' || key === 'uk' ? 'LOC' : 'GRP';
      }
      return type ? `${bio}-${type}` : 'O';
    });
    // A name cannot open with I- after a dropped type.
    const bio = tags.map((t, i) => (t.startsWith('I-') && (i === 0 || tags[i - 1]!.slice(2) !== t.slice(2)) ? 'B-' + t.slice(2) : t));
    applyGuidelines(words, bio);
    oneTypePerName(words, bio, lexicon);
    return { words, tags: bio };
  });
  const documents: CorpusDocument[] = [];
  for (let i = 0; i < labelled.length; i += sentencesPerDocument) documents.push({ id: `gmb-block-${i / sentencesPerDocument}`, sentences: labelled.slice(i, i + sentencesPerDocument) });
  return documents;
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/**
 * A sentence of tags with a MISC class (IOB1 or BIO) read as the workbench's: MISC names that are
 * nationalities or identity groups become groups, other MISC names (events, works, languages) are
 * not names it marks; then the guidelines.
 */
function guidedSentence(words: string[], tags: string[], lexicon: NameLexicon): LabelledSentence {
  const bio = iob1ToBio(tags);
  for (let i = 0; i < bio.length; i++) {
    if (!bio[i]!.endsWith('-MISC')) continue;
    let e = i;
    while (e + 1 < bio.length && bio[e + 1] === 'I-MISC') e++;
    const group = isGroupName(lexiconKey(words.slice(i, e + 1)), lexicon);
    for (let k = i; k <= e; k++) bio[k] = group ? (k === i ? 'B-GRP' : 'I-GRP') : 'O';
    i = e;
  }
  applyGuidelines(words, bio);
  oneTypePerName(words, bio, lexicon);
  return { words, tags: bio };
}

/**
 * CoNLL-style "word TAG" lines (wikigold: IOB1 tags PER/ORG/LOC/MISC, documents opened by
 * -DOCSTART-). MISC names that are nationalities or identity groups become groups; other MISC
 * names (events, works, languages) are not names the workbench marks.
 */
export function readConll(text: string, lexicon: NameLexicon, corpus: string): CorpusDocument[] {
  const documents = new DocumentsOf(corpus);
  let words: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (!words.length) return;
    documents.add(guidedSentence(words, tags, lexicon));
    words = [];
    tags = [];
  };
  for (const rawLine of text.split(/\r?\n/)) {
    // Some copies end every line with a backslash (an RTF export): it is not part of the data.
    const line = rawLine.replace(/\\$/, '').trim();
    if (!line) {
      flush();
      continue;
    }
    const parts = line.split(/\s+/);
    if (parts[0] === '-DOCSTART-') {
      flush();
      documents.end();
      continue;
    }
    const tag = parts.at(-1)!;
    words.push(parts[0]!);
    tags.push(/^[BI]-(PER|ORG|LOC|MISC)$/.test(tag) ? tag : 'O');
  }
  flush();
  return documents.read;
}

/** Sentences gathered into documents as a corpus marks them; the first sentence after a mark opens the next. */
class DocumentsOf {
  readonly read: CorpusDocument[] = [];
  private current: CorpusDocument | null = null;
  constructor(private readonly corpus: string) {}

  add(sentence: LabelledSentence): void {
    if (!this.current) this.read.push((this.current = { id: `${this.corpus}-${this.read.length}`, sentences: [] }));
    this.current.sentences.push(sentence);
  }

  end(): void {
    this.current = null;
  }
}

const UNDOTTED: Record<string, string> = { 'U.S.': 'US', 'U.N.': 'UN', 'U.K.': 'UK', 'E.U.': 'EU', 'Mr.': 'Mr', 'Mrs.': 'Mrs', 'Dr.': 'Dr', 'St.': 'St' };

/**
 * News styles differ: the corpora write "U.S." and "Mr."; many papers write "US" and "Mr". Every
 * other document is rewritten in the undotted style, so the model reads both.
 */
export function undottedStyle(doc: CorpusDocument): CorpusDocument {
  return { ...doc, sentences: doc.sentences.map((s) => ({ words: s.words.map((w) => UNDOTTED[w] ?? w), tags: s.tags })) };
}

/**
 * Wire copy opens with a dateline ("KABUL, Afghanistan –"), which the corpora's sentences lack.
 * A training document gets one made of its own first place names (in capitals in every other
 * document), so the model learns the form without any invented name.
 */
export function withDateline(doc: CorpusDocument, index: number): CorpusDocument {
  const places: string[][] = [];
  for (const s of doc.sentences) {
    for (let i = 0; i < s.tags.length; i++) {
      if (s.tags[i] !== 'B-LOC') continue;
      let e = i;
      while (e + 1 < s.tags.length && s.tags[e + 1] === 'I-LOC') e++;
      const words = s.words.slice(i, e + 1);
      if (!places.some((p) => p.join(' ') === words.join(' '))) places.push(words);
      i = e;
    }
    if (places.length >= 2) break;
  }
  if (!places.length) return doc;
  const city = index % 2 ? places[0]! : places[0]!.map((w) => w.toUpperCase());
  const words = [...city];
  const tags: string[] = city.map((_, k) => (k ? 'I-LOC' : 'B-LOC'));
  if (places[1]) {
    words.push(',', ...places[1]);
    tags.push('O', ...places[1].map((_, k) => (k ? 'I-LOC' : 'B-LOC')));
  }
  words.push('–');
  tags.push('O');
  const [first, ...rest] = doc.sentences;
  // The dateline runs into the first sentence, as it does in an article.
  return { ...doc, sentences: [{ words: [...words, ...first!.words], tags: [...tags, ...first!.tags] }, ...rest] };
}

/** Every tenth document (by position) is held out for testing, the next for calibration. */
export function splitOf(index: number): 'train' | 'dev' | 'test' {
  const r = index % 10;
  return r === 9 ? 'test' : r === 8 ? 'dev' : 'train';
}

/** One re3d entity (a line of its entities.json, exported from MongoDB). */
interface Re3dEntity {
  documentId: string;
  begin: number;
  end: number;
  type: string;
  value: string;
  confidence: number;
}

const RE3D_TYPES: Record<string, string> = { Person: 'PER', Organisation: 'ORG', Location: 'LOC', Nationality: 'GRP' };
const LEADING_THE = /^the\s+/i;
const LEADING_WORD = /^(\S+)\s+/;
/** Small words a name may hold ("Bank of England", "Syrian Democratic Forces and Allies"). */
const NAME_CONNECTOR_WORDS = new Set(['of', 'for', 'and', 'de', 'al', 'el', 'the', '&', 'bin', 'ibn']);

/**
 * re3d (Dstl's defence and security corpus): documents.json and entities.json, one JSON object a
 * line, entities as character offsets with several crowd readings per span. A span takes the type
 * its annotators were surest of; re3d marks descriptions too ("rebels", "President of the United
 * States"), which the workbench does not: a span is kept only when it reads as a name (its words
 * capitalised but for connectors, after a leading "the" and, for a person, titles), a country's
 * name is a place and a people a group whatever role the sentence gives them, as GMB's reader
 * does, and "Town, Province" is two places. Where kept spans overlap the longer one wins.
 */
export function readRe3d(documentsJson: string, entitiesJson: string, lexicon: NameLexicon, corpus: string): CorpusDocument[] {
  const byDocument = new Map<string, Map<string, Re3dEntity>>();
  for (const line of entitiesJson.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const e = JSON.parse(line) as Re3dEntity;
    const spans = byDocument.get(e.documentId) ?? new Map<string, Re3dEntity>();
    byDocument.set(e.documentId, spans);
    const key = `${e.begin}:${e.end}`;
    const before = spans.get(key);
    if (!before || e.confidence > before.confidence) spans.set(key, e);
  }
  const documents: CorpusDocument[] = [];
  for (const line of documentsJson.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { _id: string; text: string };
    const names: { begin: number; end: number; type: string }[] = [];
    for (const e of byDocument.get(doc._id)?.values() ?? []) {
      let type = RE3D_TYPES[e.type];
      if (!type) continue;
      // "the Free Syrian Army" → "Free Syrian Army".
      let begin = e.begin + (LEADING_THE.exec(doc.text.slice(e.begin, e.end))?.[0].length ?? 0);
      // Titles are outside a person's name: "Gen. Joseph Votel" → "Joseph Votel"; "President of the United States" is then no name.
      for (let lead = LEADING_WORD.exec(doc.text.slice(begin, e.end)); type === 'PER' && lead && TITLE_WORDS.has(lead[1]!.toLowerCase().replace(/\.$/, '')); lead = LEADING_WORD.exec(doc.text.slice(begin, e.end))) {
        begin += lead[0].length;
      }
      const words = doc.text.slice(begin, e.end).split(/\s+/).filter(Boolean);
      const isName =
        words.length > 0 &&
        /^\p{Lu}/u.test(words[0]!) &&
        /^\p{Lu}/u.test(words.at(-1)!) &&
        words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || NAME_CONNECTOR_WORDS.has(w.toLowerCase())) &&
        // "We", "They": a pronoun standing for an organisation is not its name.
        !words.every((w) => STOPWORDS.has(w.toLowerCase()));
      if (!isName) continue;
      const key = lexiconKey(words);
      if (lexicon.countryByName.has(key)) type = 'LOC';
      // "the Turks", "the Jordanians": a people is a group, whatever it did in the sentence.
      else if (GROUP_NAMES.has(key) || lexicon.demonyms.has(key) || (/s$/.test(key) && lexicon.demonyms.has(key.slice(0, -1)))) type = 'GRP';
      // "Vermillion, South Dakota" is two places.
      let from = begin;
      for (const part of doc.text.slice(begin, e.end).split(',')) {
        const lead = part.length - part.trimStart().length;
        const trimmed = part.trim();
        if (trimmed) names.push({ begin: from + lead, end: from + lead + trimmed.length, type });
        from += part.length + 1;
      }
    }
    names.sort((a, b) => b.end - b.begin - (a.end - a.begin) || a.begin - b.begin);
    const kept: typeof names = [];
    for (const n of names) if (!kept.some((k) => n.begin < k.end && k.begin < n.end)) kept.push(n);
    const sentences: LabelledSentence[] = [];
    for (const tokens of tokenizeSentences(doc.text)) {
      const words = tokens.map((t) => t.text);
      const tags = tokens.map(() => 'O');
      for (const n of kept) {
        const inside = tokens.map((t, i) => (t.start >= n.begin && t.end <= n.end ? i : -1)).filter((i) => i >= 0);
        // A name whose edge cuts a token ("ISIL-held") cannot be told in tokens: it is left out.
        if (!inside.length || tokens[inside[0]!]!.start !== n.begin || tokens[inside.at(-1)!]!.end !== n.end) continue;
        inside.forEach((i, k) => (tags[i] = (k ? 'I-' : 'B-') + n.type));
      }
      applyGuidelines(words, tags);
      oneTypePerName(words, tags, lexicon);
      sentences.push({ words, tags });
    }
    if (sentences.length) documents.push({ id: `${corpus}-${doc._id}`, sentences });
  }
  return documents;
}

/** A tweet's own furniture, never a news article's: links and the retweet mark. */
const TWEET_FURNITURE = /^(https?:\/\/\S+|RT|…|\.\.\.)$/i;

/**
 * The Broad Twitter Corpus in CoNLL form ("word TAB tag" lines, BIO tags PER/ORG/LOC, a blank line
 * after each tweet). Its news section is headlines as news outlets tweet them: the headline style
 * (short, capitalised, no dateline) that the other corpora barely have. What is Twitter's and not
 * news is taken out first: an @handle (the "@" and its name, tagged or not) and links go, and a
 * hashtag reads as its word ("#Pistorius" → "Pistorius"). Tweets are grouped into documents of
 * `tweetsPerDocument` in corpus order, so the split by document works as for the other corpora.
 */
export function readBtcConll(text: string, lexicon: NameLexicon, corpus: string, tweetsPerDocument = 20): CorpusDocument[] {
  const tweets: LabelledSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    const kept = { words: [] as string[], tags: [] as string[] };
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      // "@ 4corners" (the tokenizer split the handle) or "@4corners".
      if (word === '@') {
        i++;
        continue;
      }
      if (word.startsWith('@') || TWEET_FURNITURE.test(word)) continue;
      const bare = word.length > 1 && word.startsWith('#') ? word.slice(1) : word;
      kept.words.push(bare);
      kept.tags.push(tags[i]!);
    }
    words = [];
    tags = [];
    if (!kept.words.length) return;
    // A name whose first word was a handle now opens with I-.
    const bio = iob1ToBio(kept.tags);
    // BTC has no class for peoples and tags "Russian" (media) a place; the workbench's is a group.
    for (let i = 0; i < bio.length; i++) {
      if (bio[i] !== 'B-LOC') continue;
      let e = i;
      while (e + 1 < bio.length && bio[e + 1] === 'I-LOC') e++;
      const key = lexiconKey(kept.words.slice(i, e + 1));
      if (GROUP_NAMES.has(key) || lexicon.demonyms.has(key) || (/s$/.test(key) && lexicon.demonyms.has(key.slice(0, -1)))) for (let k = i; k <= e; k++) bio[k] = k === i ? 'B-GRP' : 'I-GRP';
      i = e;
    }
    applyGuidelines(kept.words, bio);
    oneTypePerName(kept.words, bio, lexicon);
    tweets.push({ words: kept.words, tags: bio });
  };
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const parts = line.trim().split(/\s+/);
    const tag = parts.at(-1)!;
    words.push(parts[0]!);
    tags.push(/^[BI]-(PER|ORG|LOC)$/.test(tag) ? tag : 'O');
  }
  flush();
  const documents: CorpusDocument[] = [];
  for (let i = 0; i < tweets.length; i += tweetsPerDocument) documents.push({ id: `${corpus}-${i / tweetsPerDocument}`, sentences: tweets.slice(i, i + tweetsPerDocument) });
  return documents;
}

/** A nationality or identity group's name ("Iraqi", "Kurds", "Taliban"): the workbench's group type. */
function isGroupName(key: string, lexicon: NameLexicon): boolean {
  return GROUP_NAMES.has(key) || lexicon.demonyms.has(key) || (/s$/.test(key) && lexicon.demonyms.has(key.slice(0, -1)));
}

/** Small words that stand lowercase inside a name as news writes it ("Bank of England", "Ludwig van Beethoven", "Abu Bakr al-Baghdadi"). */
const NAME_CONNECTORS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'a', 'upon', '&', "'s", 's', 'de', 'del', 'della', 'delle', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'les', 'y', 'e', 'von', 'van', 'der', 'den', 'und', 'für', 'al', 'el', 'bin', 'ibn', 'bint', 'ul', 'ud']);

/**
 * Whether every word of the sentence's names is capitalised as edited news writes them, small
 * connecting words aside. Web text and some Wikipedia annotation put lowercase words inside names
 * ("tampa bay", "Maimana road", "Ming dynasty"); learnt from, they make the tagger stretch a place
 * over the common noun after it in a news headline. Such sentences of those corpora are not trained on.
 */
export function capitalisedNames(sentence: LabelledSentence): boolean {
  return sentence.tags.every((t, i) => t === 'O' || !/^\p{Ll}/u.test(sentence.words[i]!) || NAME_CONNECTORS.has(sentence.words[i]!.toLowerCase()));
}

/**
 * CrossNER's fine types (Liu et al. 2021; Wikipedia text in five domains) read as the workbench's:
 * people of every kind are persons; organisations, parties, bands, universities and periodicals are
 * organisations; countries and locations are places; `misc` is a group when it names one
 * (nationalities) and otherwise, like works, awards, elections and products, not a name here.
 */
const CROSSNER_TYPES: Record<string, string> = {
  person: 'PER',
  writer: 'PER',
  politician: 'PER',
  musicalartist: 'PER',
  scientist: 'PER',
  researcher: 'PER',
  organisation: 'ORG',
  politicalparty: 'ORG',
  band: 'ORG',
  university: 'ORG',
  magazine: 'ORG',
  academicjournal: 'ORG',
  location: 'LOC',
  country: 'LOC',
  misc: 'MISC',
};

/**
 * CrossNER's "word TAB tag" files (BIO with fine types, a blank line after each sentence, no
 * document marks). Sentences are grouped into documents of `sentencesPerDocument` in file order, so
 * the split by document works as for the other corpora.
 */
export function readCrossNer(text: string, lexicon: NameLexicon, corpus: string, sentencesPerDocument = 20): CorpusDocument[] {
  const sentences: LabelledSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (!words.length) return;
    sentences.push(guidedSentence(words, tags, lexicon));
    words = [];
    tags = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/);
    if (!line.trim() || parts.length < 2) {
      flush();
      continue;
    }
    const [bio, fine] = parts.at(-1)!.split(/-(.*)/s) as [string, string | undefined];
    const type = fine ? CROSSNER_TYPES[fine] : undefined;
    words.push(parts[0]!);
    tags.push(type && (bio === 'B' || bio === 'I') ? `${bio}-${type}` : 'O');
  }
  flush();
  const documents: CorpusDocument[] = [];
  for (let i = 0; i < sentences.length; i += sentencesPerDocument) documents.push({ id: `${corpus}-${i / sentencesPerDocument}`, sentences: sentences.slice(i, i + sentencesPerDocument) });
  return documents;
}

/**
 * Universal NER's IOB2 files (Mayhew et al. 2024: "# newdoc id", "# text" comments, then
 * "index TAB word TAB tag TAB …" lines; PER/ORG/LOC, a blank line after each sentence). UNER has no
 * class for peoples and leaves "Iraqi" or "Kurds" untagged; the workbench's group type takes such a
 * word when it stands alone and capitalised, so the corpus does not teach the tagger to pass them by.
 */
export function readUner(text: string, lexicon: NameLexicon, corpus: string): CorpusDocument[] {
  const documents = new DocumentsOf(corpus);
  let words: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (!words.length) return;
    const marked = tags.map((t, i) => (t === 'O' && /^\p{Lu}/u.test(words[i]!) && isGroupName(lexiconKey([words[i]!]), lexicon) ? 'B-MISC' : t));
    documents.add(guidedSentence(words, marked, lexicon));
    words = [];
    tags = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('# newdoc')) {
      flush();
      documents.end();
      continue;
    }
    if (line.startsWith('#')) continue;
    const parts = line.split('\t');
    if (parts.length < 3) {
      flush();
      continue;
    }
    words.push(parts[1]!);
    tags.push(/^[BI]-(PER|ORG|LOC)$/.test(parts[2]!) ? parts[2]! : 'O');
  }
  flush();
  return documents.read;
}

/** GUM's entity types read as the workbench's; the other types (events, times, objects, abstractions) hold no name it marks. */
const GUM_TYPES: Record<string, string> = { person: 'PER', organization: 'ORG', place: 'LOC' };

/** Small words inside a name as GUM bounds it; not "in" or "at", which join a name to a place ("the Centre for Social Evolution at the University of Copenhagen"). */
const GUM_CONNECTORS = new Set([...NAME_CONNECTORS].filter((w) => !['in', 'on', 'at', 'to', 'a', 'upon'].includes(w)));

/** One GUM entity mention: token range in its sentence (inclusive) and type. */
interface GumMention {
  from: number;
  to: number;
  type: string;
}

/** A GUM sentence: words, Penn tags, each word's syntactic head (an index, -1 for the root) and the mentions. */
interface GumSentence {
  words: string[];
  penn: string[];
  heads: number[];
  mentions: GumMention[];
  /** Whether the text has no space after the word. */
  glued: boolean[];
}

/**
 * The Georgetown University Multilayer corpus (Zeldes 2017) in its CoNLL-U form: every mention of
 * an entity, named or not, bracketed in the MISC column ("Entity=(12-organization-new-…-coref-
 * World_Health_Organization" opens one, "12)" closes it), with parts of speech and dependencies.
 * GUM marks "the researchers" and "they" as mentions too; a mention is a name here when its
 * syntactic head is a proper noun, and the name is the run of proper nouns around that head
 * ("The World Health Organization" → "World Health Organization"; "Daughters of the American
 * Revolution" keeps its small words). A title before a person's name is not part of it ("US
 * President Barack Obama" → "Barack Obama"), a possessor is a name of its own ("Saudi Arabia's
 * Civil Defense Authority"), and a coordination is left to the names it joins ("Morocco and
 * Iran"). A mention inside a name is part of it ("Food Standards Australia New Zealand" is one
 * organisation). A capitalised nationality or people outside any name is a group, as the
 * workbench marks them. The long documents are cut into blocks of `sentencesPerDocument`, so the
 * split by document works as for the other corpora.
 */
export function readGumConllu(text: string, lexicon: NameLexicon, corpus: string, sentencesPerDocument = 20): CorpusDocument[] {
  const documents = new DocumentsOf(corpus);
  let inDocument = 0;
  let sentence: GumSentence & { ids: string[] } = { words: [], penn: [], heads: [], mentions: [], ids: [], glued: [] };
  let open = new Map<string, { from: number; type: string }[]>();
  const flush = () => {
    if (!sentence.words.length) return;
    if (inDocument++ % sentencesPerDocument === 0) documents.end();
    sentence.heads = sentence.heads.map((h) => (h === 0 ? -1 : sentence.ids.indexOf(String(h))));
    const joined = joinHyphenated(sentence, gumTags(sentence, lexicon));
    documents.add(guidedSentence(joined.words, joined.tags, lexicon));
    sentence = { words: [], penn: [], heads: [], mentions: [], ids: [], glued: [] };
    open = new Map();
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('# newdoc')) {
      flush();
      inDocument = 0;
      continue;
    }
    if (line.startsWith('#')) continue;
    const fields = line.split('\t');
    if (fields.length < 10) {
      flush();
      continue;
    }
    // Multiword tokens ("1-2") and empty nodes ("1.1") are not words of the text.
    if (!/^\d+$/.test(fields[0]!)) continue;
    const index = sentence.words.length;
    sentence.ids.push(fields[0]!);
    sentence.words.push(fields[1]!);
    // GUM's universal tags give a name's words their own class ("United" a verb, "New" an adjective); its Penn tags mark them NNP.
    sentence.penn.push(fields[4]!);
    sentence.heads.push(Number(fields[6]));
    sentence.glued.push(/(?:^|\|)SpaceAfter=No(?:\||$)/.test(fields[9]!));
    const entity = /(?:^|\|)Entity=([^|]*)/.exec(fields[9]!)?.[1];
    if (!entity) continue;
    // "(id-type-…" opens a mention, closed at once by a ")" right after it; "id)" closes one.
    for (const m of entity.matchAll(/\((\d+)-([a-z]+)-[^()]*(\))?(?=\(|\d+\)|$)|(\d+)\)/g)) {
      if (m[4]) {
        const start = open.get(m[4])?.pop();
        if (start) sentence.mentions.push({ from: start.from, to: index, type: start.type });
      } else if (m[3]) sentence.mentions.push({ from: index, to: index, type: m[2]! });
      else open.set(m[1]!, [...(open.get(m[1]!) ?? []), { from: index, type: m[2]! }]);
    }
  }
  flush();
  return documents.read;
}

/** BIO tags (MISC for a group) for a GUM sentence's mentions, the widest first. */
function gumTags({ words, penn, heads, mentions }: GumSentence, lexicon: NameLexicon): string[] {
  const tags = words.map(() => 'O');
  const proper = (i: number) => penn[i] === 'NNP' || penn[i] === 'NNPS';
  // A hyphen inside a name is GUM's own token ("Al - Maeena").
  const connector = (i: number) => (GUM_CONNECTORS.has(words[i]!.toLowerCase()) && !proper(i)) || penn[i] === 'HYPH';
  for (const m of [...mentions].sort((a, b) => a.from - b.from || b.to - a.to)) {
    const type = GUM_TYPES[m.type];
    const inside = (k: number) => k >= m.from && k <= m.to;
    // The mention's head: its first word whose own head lies outside it.
    let head = m.from;
    while (head < m.to && inside(heads[head]!)) head++;
    if (!type || !proper(head)) continue;
    // Out to the next proper noun, over up to two small words ("Daughters of the American Revolution").
    const next = (i: number, step: 1 | -1) => {
      let k = i + step;
      while (k !== i + 3 * step && inside(k) && connector(k)) k += step;
      return inside(k) && proper(k) ? k : null;
    };
    let from = head;
    let to = head;
    for (let k = next(from, -1); k !== null; k = next(from, -1)) from = k;
    for (let k = next(to, 1); k !== null; k = next(to, 1)) to = k;
    let name = words.slice(from, to + 1).map((w) => w.toLowerCase());
    if (name.includes('and') || name.includes('&')) continue;
    // What stands before a possessive or a person's title is a name of its own, or none.
    const cut = Math.max(name.lastIndexOf("'s"), type === 'PER' ? name.findLastIndex((w) => TITLE_WORDS.has(w.replace(/\.$/, ''))) : -1);
    if (cut >= 0) {
      from += cut + 1;
      name = name.slice(cut + 1);
    }
    // A person's name with "of" in it is a title with its domain ("Governor of Virginia", "Man of the Match"); the place in it is the name.
    if (!name.length || (type === 'PER' && name.includes('of')) || tags.slice(from, to + 1).some((t) => t !== 'O')) continue;
    // A people is a group ("Muslims"); other plural names of people ("Senate Democrats") are not a person's name.
    const read = isGroupName(lexiconKey(words.slice(from, to + 1)), lexicon) ? 'MISC' : type === 'PER' && penn[head] === 'NNPS' ? null : type;
    if (!read) continue;
    for (let k = from; k <= to; k++) tags[k] = (k === from ? 'B-' : 'I-') + read;
  }
  return tags.map((t, i) => (t === 'O' && /^\p{Lu}/u.test(words[i]!) && isGroupName(lexiconKey([words[i]!]), lexicon) ? 'B-MISC' : t));
}

/**
 * GUM splits a hyphenated word into its parts and the hyphen ("Jong - un", "Pakistani - born"); news
 * corpora and the workbench's own tokens keep it one word. The parts written together are joined,
 * with the tag of the first.
 */
function joinHyphenated({ words, penn, glued }: GumSentence, tags: string[]): { words: string[]; tags: string[] } {
  const out = { words: [] as string[], tags: [] as string[] };
  for (let i = 0; i < words.length; i++) {
    const joins = penn[i] === 'HYPH' && i > 0 && i + 1 < words.length && glued[i - 1] && glued[i] && out.words.length > 0;
    if (joins) {
      out.words[out.words.length - 1] += words[i]! + words[i + 1]!;
      i++;
    } else {
      out.words.push(words[i]!);
      out.tags.push(tags[i]!);
    }
  }
  return out;
}
