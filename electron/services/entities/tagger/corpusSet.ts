/**
 * The corpora `npm run train` learns from: where each file came from, its licence, and how it is
 * read and split. They live outside the repository (their text is never committed); the manifest
 * written beside the model records each file's checksum.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { capitalisedNames, readBtcConll, readConll, readCrossNer, readGmbCsv, readGumConllu, readRe3d, readUner, splitOf, undottedStyle, withDateline, type CorpusDocument } from './corpora.js';
import type { NameLexicon } from './features.js';
import type { LabelledSentence } from './train.js';

export interface CorpusSource {
  name: string;
  /** Path under the corpora folder (for re3d and the corpora read from several files, its folder). */
  file: string;
  format: 'gmb-csv' | 'conll' | 're3d' | 'btc-conll' | 'crossner' | 'uner' | 'gum';
  /** The files read from that folder, in order, when there are several. */
  files?: string[];
  /** re3d's sub-corpora (one folder each) that are read; each has its own licence. */
  parts?: string[];
  repo: string;
  path: string;
  commit: string;
  licence: string;
  description: string;
  /**
   * How many times a training sentence is seen each epoch (1 when not given): a small corpus that is
   * closer to what analysts read weighs more against a large one. Its features count as often
   * toward the training's minimum count.
   */
  repeat?: number;
  /**
   * Train only on sentences whose names are capitalised as news writes them (corpora.ts
   * capitalisedNames); held-out sentences are all measured.
   */
  capitalisedNamesOnly?: boolean;
  /** Never trained on (MEASURED_CORPORA): the documents a training corpus would train on are test documents here. */
  measuredOnly?: boolean;
}

export const CORPORA: CorpusSource[] = [
  {
    name: 'gmb',
    file: 'gmb/ner_dataset.csv',
    format: 'gmb-csv',
    repo: 'umartariq867/Named-Entity-Recognition-with-Python',
    path: 'ner_dataset.csv',
    commit: 'c549b67fb2db101bfa3ec8338cce3c03ad7f2478',
    licence: 'Groningen Meaning Bank 2.2.0 annotations (listed by issue 9 as CDLA-Sharing); texts from Voice of America (US government, public domain)',
    description: 'Groningen Meaning Bank named-entity layer (Voice of America news), in the CSV form of the Kaggle "Annotated Corpus for NER"; this copy holds the first 8,301 sentences',
  },
  {
    name: 'wikigold',
    file: 'wikigold/wikigold.conll.txt',
    format: 'conll',
    repo: 'fishbpm/NER-entity-recognition',
    path: 'wikigold.conll.txt',
    commit: 'ef86e891eb91edbedb593159e332ab855915b6d5',
    licence: 'CC BY 4.0 (Balasuriya et al. 2009, "Named Entity Recognition in Wikipedia")',
    description: 'wikigold: 145 Wikipedia articles hand-annotated with PER/ORG/LOC/MISC',
    // Its organisations (clubs, bands, firms) are the kinds GMB's few hundred agencies and parties lack.
    repeat: 2,
  },
  {
    name: 're3d',
    file: 're3d',
    format: 're3d',
    parts: ['CENTCOM', 'US State Department', 'UK Government', 'Australian Department of Foreign Affairs'],
    repo: 'dstl/re3d',
    path: '<part>/documents.json, <part>/entities.json',
    commit: 'b061ff06713cad4df7e5cfaed3fd07bf15b2598c',
    licence:
      'per part (the LICENSE file in each folder): CENTCOM and US State Department public domain (US government works); UK Government Open Government Licence v3.0; Australian Department of Foreign Affairs CC BY 3.0 AU. re3d\'s BBC Online (CC BY-NC), Wikipedia (CC BY-SA) and EU Delegation to Syria (own terms) parts are not used',
    description: 're3d (Dstl, Aleph Insights, Committed Software): defence and security news and statements about the Syria and Iraq conflict, annotated for entities; person, organisation, place and nationality names are read',
    // Small, and the closest to what analysts read (armed groups, ministries, coalitions).
    repeat: 2,
  },
  {
    name: 'btc-news',
    file: 'btc/g.conll',
    format: 'btc-conll',
    repo: 'GateNLP/broad_twitter_corpus',
    path: 'g.conll',
    commit: '0c45ef7b1924a6b8115bceab388781590b1b553a',
    licence: 'CC BY 4.0 (Derczynski, Bontcheva and Roberts 2016, "Broad Twitter Corpus: A Diverse Named Entity Recognition Resource", COLING; LICENSE file in the repository)',
    description: 'Broad Twitter Corpus section G: 2,138 tweets of mainstream news outlets (2011–2014), hand-annotated (crowd and expert) for person, organisation and place names; handles, links and hashtag marks are taken out',
  },
  {
    name: 'crossner',
    file: 'crossner',
    format: 'crossner',
    files: ['politics', 'science', 'music', 'literature', 'ai'].flatMap((domain) => ['train', 'dev', 'test'].map((part) => `${domain}/${part}.txt`)),
    repo: 'zliucr/CrossNER',
    path: 'ner_data/<domain>/{train,dev,test}.txt for politics, science, music, literature and ai (never ner_data/conll2003)',
    commit: '2e7ba2a7798c961e3f29fbc51252c5a8d40224bf',
    licence: 'MIT (the repository\'s LICENSE); the sentences are from English Wikipedia (CC BY-SA)',
    capitalisedNamesOnly: true,
    description:
      'CrossNER (Liu et al. 2021, AAAI): Wikipedia sentences on politics, science, music, literature and AI, hand-annotated with fine types read here as person, organisation (parties, bands, universities, periodicals), place and group names',
  },
  {
    name: 'uner',
    file: 'uner',
    format: 'uner',
    files: ['en_pud-ud-test.iob2', 'en_ewt-ud-dev.iob2', 'en_ewt-ud-test.iob2'],
    repo: 'UniversalNER/UNER_English-PUD',
    path: 'en_pud-ud-test.iob2 (commit 07ea0553144e3fcf3d6633efe2a075b725a0d262); en_ewt-ud-dev.iob2 and en_ewt-ud-test.iob2 of UniversalNER/UNER_English-EWT (commit 8ed072de2fd24022cc62458997fe96a8fe191ea4)',
    commit: '07ea0553144e3fcf3d6633efe2a075b725a0d262',
    licence: 'English-PUD CC BY-SA 3.0, English-EWT CC BY-SA 4.0 (the LICENSE.txt of each repository)',
    capitalisedNamesOnly: true,
    description:
      'Universal NER v1 English (Mayhew et al. 2024, NAACL): the Parallel UD sentences (news and Wikipedia) and the English Web Treebank\'s dev and test sections (web forums, reviews, e-mail, blogs), hand-annotated for person, organisation and place names',
  },
];

/**
 * Corpora read only to measure, never to train: every document of theirs is held out (the dev
 * part as for the others, for tuning rules; the rest for testing). GUM's Wikinews documents are
 * real news that nobody here wrote, annotated by others to their own guidelines: the model, trained
 * on them in a trial, gained on them but lost as much on the other corpora's dev parts (and on
 * GeoVirus dev), so they measure instead.
 */
export const MEASURED_CORPORA: CorpusSource[] = [
  {
    name: 'gum',
    file: 'gum',
    format: 'gum',
    measuredOnly: true,
    files: [
      'GUM_interview_ants.conllu',
      'GUM_interview_brotherhood.conllu',
      'GUM_interview_chomsky.conllu',
      'GUM_interview_cocktail.conllu',
      'GUM_interview_cyclone.conllu',
      'GUM_interview_daly.conllu',
      'GUM_interview_dungeon.conllu',
      'GUM_interview_gaming.conllu',
      'GUM_interview_herrick.conllu',
      'GUM_interview_hill.conllu',
      'GUM_interview_libertarian.conllu',
      'GUM_interview_licen.conllu',
      'GUM_interview_mcguire.conllu',
      'GUM_interview_mckenzie.conllu',
      'GUM_interview_messina.conllu',
      'GUM_interview_onion.conllu',
      'GUM_interview_peres.conllu',
      'GUM_interview_shalev.conllu',
      'GUM_interview_stardust.conllu',
      'GUM_news_afghan.conllu',
      'GUM_news_asylum.conllu',
      'GUM_news_clock.conllu',
      'GUM_news_crane.conllu',
      'GUM_news_defector.conllu',
      'GUM_news_election.conllu',
      'GUM_news_expo.conllu',
      'GUM_news_flag.conllu',
      'GUM_news_hackers.conllu',
      'GUM_news_homeopathic.conllu',
      'GUM_news_ie9.conllu',
      'GUM_news_imprisoned.conllu',
      'GUM_news_iodine.conllu',
      'GUM_news_korea.conllu',
      'GUM_news_lanterns.conllu',
      'GUM_news_nasa.conllu',
      'GUM_news_questionnaire.conllu',
      'GUM_news_sensitive.conllu',
      'GUM_news_soccer.conllu',
      'GUM_news_stampede.conllu',
      'GUM_news_taxes.conllu',
      'GUM_news_warhol.conllu',
      'GUM_news_warming.conllu',
      'GUM_news_worship.conllu',
    ],
    repo: 'amir-zeldes/gum',
    path: 'dep/GUM_news_*.conllu and dep/GUM_interview_*.conllu (the Wikinews documents only)',
    commit: '72ce5ac14978a324c2fd18d49484e65292cbe316',
    licence: 'annotations CC BY 4.0 (GUM\'s LICENSE.txt); the texts are Wikinews articles and interviews, CC BY 2.5',
    description:
      'GUM, the Georgetown University Multilayer corpus (Zeldes 2017): its Wikinews news and interview documents, every entity mention annotated; the mentions headed by a proper noun are read as person, organisation and place names',
  },
];

/** Which part a corpus's `index`th document is in: a corpus kept for measurement has no training part. */
export function partOf(source: CorpusSource, index: number): 'train' | 'dev' | 'test' {
  const part = splitOf(index);
  return source.measuredOnly && part === 'train' ? 'test' : part;
}

export interface LoadedCorpus {
  source: CorpusSource;
  sha256: string;
  documents: CorpusDocument[];
  split: Record<'train' | 'dev' | 'test', LabelledSentence[]>;
  counts: Record<'train' | 'dev' | 'test', { documents: number; sentences: number; tokens: number }>;
}

export function loadCorpus(dir: string, source: CorpusSource, lexicon: NameLexicon): LoadedCorpus {
  const files = source.parts
    ? source.parts.flatMap((part) => ['documents.json', 'entities.json'].map((f) => path.join(dir, source.file, part, f)))
    : source.files
      ? source.files.map((f) => path.join(dir, source.file, f))
      : [path.join(dir, source.file)];
  const missing = files.find((f) => !fs.existsSync(f));
  if (missing) {
    throw new Error(`Corpus "${source.name}" is missing: expected ${missing} (from github.com/${source.repo}, ${source.path} at ${source.commit}).`);
  }
  const contents = files.map((f) => fs.readFileSync(f));
  const hash = createHash('sha256');
  for (const bytes of contents) hash.update(bytes);
  let read: CorpusDocument[];
  if (source.format === 're3d') {
    read = [];
    for (let k = 0; k < contents.length; k += 2) read.push(...readRe3d(contents[k]!.toString('utf8'), contents[k + 1]!.toString('utf8'), lexicon, source.name));
  } else if (source.format === 'crossner' || source.format === 'uner' || source.format === 'gum') {
    const reader = source.format === 'crossner' ? readCrossNer : source.format === 'gum' ? readGumConllu : readUner;
    read = contents.flatMap((bytes, k) => reader(bytes.toString('utf8'), lexicon, `${source.name}-${k}`));
  } else {
    // The Kaggle CSV is Latin-1; the CoNLL files are ASCII/UTF-8.
    const text = source.format === 'gmb-csv' ? contents[0]!.toString('latin1') : contents[0]!.toString('utf8');
    read = source.format === 'gmb-csv' ? readGmbCsv(text, lexicon) : source.format === 'btc-conll' ? readBtcConll(text, lexicon, source.name) : readConll(text, lexicon, source.name);
  }
  const documents = read.map((doc, i) => (i % 2 ? undottedStyle(doc) : doc));
  const split = { train: [] as LabelledSentence[], dev: [] as LabelledSentence[], test: [] as LabelledSentence[] };
  const counts = { train: { documents: 0, sentences: 0, tokens: 0 }, dev: { documents: 0, sentences: 0, tokens: 0 }, test: { documents: 0, sentences: 0, tokens: 0 } };
  documents.forEach((doc, i) => {
    const part = partOf(source, i);
    // Only training documents get a dateline, and not tweets (a headline has none): held-out text is measured as the corpus wrote it.
    const read = part === 'train' && source.capitalisedNamesOnly ? { ...doc, sentences: doc.sentences.filter(capitalisedNames) } : doc;
    split[part].push(...(part === 'train' && source.format !== 'btc-conll' ? withDateline(read, i) : read).sentences);
    counts[part].documents++;
    counts[part].sentences += read.sentences.length;
    counts[part].tokens += read.sentences.reduce((n, s) => n + s.words.length, 0);
  });
  return { source, sha256: hash.digest('hex'), documents, split, counts };
}

/** The corpora that are in `dir`, loaded in order; one missing or unreadable is named and skipped, so an eval runs on what is there. */
export function* availableCorpora(dir: string, lexicon: NameLexicon): Generator<LoadedCorpus> {
  for (const source of [...CORPORA, ...MEASURED_CORPORA]) {
    let corpus: LoadedCorpus;
    try {
      corpus = loadCorpus(dir, source, lexicon);
    } catch (error) {
      console.log(`\n${source.name}: skipped: ${(error as Error).message}`);
      continue;
    }
    yield corpus;
  }
}
