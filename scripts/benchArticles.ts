// Article text for benchmarks: ~4 KB news-like articles assembled from real sentences (the sample
// news page and the test fixtures, with place and actor names varied, plus English prose from
// package READMEs), reproducible from a seed.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { appRoot, gazetteerFile } from '../electron/paths.js';

const root = appRoot();

export function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z“"])/)
    .map((s) => s.trim())
    .filter((s) => {
      const words = s.split(' ').length;
      return words >= 6 && words <= 45 && /^[A-Z“"]/.test(s) && !/[`{}<>|#=\\[\]$]/.test(s) && /[.!?]$/.test(s);
    });
}

function corpus(): { news: string[]; prose: string[] } {
  const fixtures = path.join(root, 'tests/fixtures');
  const news = [path.join(fixtures, 'kunduz-offensive.txt'), ...fs.readdirSync(path.join(fixtures, 'folder')).map((f) => path.join(fixtures, 'folder', f))]
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => sentencesOf(fs.readFileSync(f, 'utf8')));
  const prose: string[] = [];
  const modules = path.join(root, 'node_modules');
  for (const entry of fs.readdirSync(modules)) {
    const dirs = entry.startsWith('@') ? fs.readdirSync(path.join(modules, entry)).map((d) => path.join(entry, d)) : [entry];
    for (const d of dirs) {
      const readme = ['README.md', 'readme.md', 'Readme.md'].map((r) => path.join(modules, d, r)).find((r) => fs.existsSync(r));
      if (readme) prose.push(...sentencesOf(fs.readFileSync(readme, 'utf8').replace(/```[\s\S]*?```/g, ' ')));
    }
  }
  return { news, prose };
}

/** Ranks a Zipf draw reaches: enough that a million articles keep meeting words never seen before. */
const ZIPF_RANKS = 20_000_000;
const CONSONANTS = 'bdfghklmnprstvz';
const VOWELS = 'aeiou';

/** A made-up word for a rank past the known ones: one consonant-vowel pair per base-75 digit, so no two ranks share one. */
function madeUpWord(rank: number): string {
  let word = '';
  do {
    word += CONSONANTS[rank % 15]! + VOWELS[Math.floor(rank / 15) % 5]!;
    rank = Math.floor(rank / 75);
  } while (rank > 0);
  return word;
}

/**
 * Words drawn as news vocabulary is: rank r comes with probability ∝ 1/r (Zipf's law) over
 * 20 million ranks. The commonest ranks are the corpus's own words by frequency, then place names
 * from the gazetteer, then made-up words: most of the text is common words, most of the distinct
 * terms are rare ones, and a million articles index millions of distinct terms, as an archive does.
 */
export function zipfWords(common: string[], names: string[]): (rand: () => number) => string {
  return (rand) => {
    const rank = Math.floor(Math.exp(rand() * Math.log(ZIPF_RANKS))) - 1;
    if (rank < common.length) return common[rank]!;
    if (rank < common.length + names.length) return names[rank - common.length]!;
    return madeUpWord(rank);
  };
}

/** The corpus's words, commonest first. */
function wordsByFrequency(sentences: string[]): string[] {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

/** Place names of the gazetteer (most populous first), when it is built. */
function placeNames(): string[] {
  const file = gazetteerFile(root);
  if (!fs.existsSync(file)) return [];
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT DISTINCT n.name FROM place_name n JOIN place p ON p.id = n.place_id ORDER BY p.population DESC LIMIT 300000').pluck().all() as string[];
  } finally {
    db.close();
  }
}

const PLACES = ['Kunduz', 'Maimana', 'Taliqan', 'Herat', 'Kandahar', 'Ghazni', 'Balkh', 'Mazar-i-Sharif', 'Jalalabad', 'Bamyan', 'Khost', 'Lashkar Gah', 'Faizabad', 'Pul-i-Khumri', 'Sheberghan', 'Sar-e Pol', 'Zaranj', 'Farah', 'Qalat', 'Gardez', 'Mosul', 'Aleppo', 'Idlib', 'Kharkiv', 'Mariupol', 'Goma', 'Bunia', 'Timbuktu', 'Gao', 'Marawi'];
const ACTORS = ['Taliban', 'Afghan security forces', 'government forces', 'militia fighters', 'the Afghan Air Force', 'local police', 'insurgents', 'special forces', 'tribal elders', 'the provincial council'];
const SOURCES = ['Reuters', 'Al Jazeera', 'New York Times', 'Associated Press', 'BBC', 'Pajhwok', 'TOLOnews', 'Khaama Press', 'The Guardian', 'Agence France-Presse'];

/**
 * `vocabulary: 'zipf'` puts a third of each article in words drawn by Zipf's law (see zipfWords):
 * the import and search figures then meet an index as large as real news makes. 'fixtures' keeps
 * to the corpus's sentences, for figures compared across versions (the tagger's reading rate).
 */
export function makeArticles(n: number, seed: number, write: (text: string, index: number) => void, { vocabulary = 'fixtures' }: { vocabulary?: 'fixtures' | 'zipf' } = {}): void {
  const { news, prose } = corpus();
  const rand = mulberry32(seed);
  const word = vocabulary === 'zipf' ? zipfWords(wordsByFrequency([...news, ...prose]), placeNames()) : null;
  const zipfSentence = () => {
    const words = Array.from({ length: 8 + Math.floor(rand() * 18) }, () => word!(rand));
    return `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const vary = (s: string) =>
    s
      .replace(/\b(Kunduz|Maimana|Taliqan|Kabul|Faryab|Takhar|Herat|Balkh|Ghazni|Kandahar|Lashkar Gah|Helmand)\b/g, () => pick(PLACES))
      .replace(/\b(the Taliban|Taliban fighters|security forces)\b/g, () => pick(ACTORS))
      .replace(/\b\d+\b/g, () => String(1 + Math.floor(rand() * 400)));
  for (let i = 0; i < n; i++) {
    const place = pick(PLACES);
    const day = 1 + Math.floor(rand() * 28);
    const lines = [`Fighting around ${place}: ${pick(ACTORS)} report ${pick(['clashes', 'advances', 'losses', 'a ceasefire', 'negotiations'])} (${i})`, `Source: ${pick(SOURCES)}`, `Published: 2021-0${1 + Math.floor(rand() * 9)}-${String(day).padStart(2, '0')}`, ''];
    let body = `${place.toUpperCase()}, Afghanistan – ${vary(pick(news))}`;
    let paragraph = '';
    while (body.length + paragraph.length < 3900) {
      const r = rand();
      paragraph += (paragraph ? ' ' : '') + (word && r < 0.35 ? zipfSentence() : r < 0.6 ? vary(pick(news)) : pick(prose));
      if (rand() < 0.3) {
        body += `\n\n${paragraph}`;
        paragraph = '';
      }
    }
    write(lines.join('\n') + body + (paragraph ? `\n\n${paragraph}` : '') + `\n\nReference ${i}-${seed}.`, i);
  }
}
