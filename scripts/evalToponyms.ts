// The toponym measure of `npm run eval`: of every gold toponym in a corpus, how many the extractor
// finds as a place (any overlap of spans), and how many it places within 161 km (100 miles, the
// usual geoparsing threshold) of the gold point — overall and of those found.
//
// Corpora: GeoVirus (Gritta et al. 2018: WikiNews articles on epidemics, gold points from
// Wikipedia) or WikToR, as their XML (<article><text/><locations><location><name/><start/><lat/>
// <lon/>…) or as JSON lines ({text, locations: [{name, start, lat, lon}]}). They stay outside the
// repository; AWB_TOPONYM_CORPUS names the file. LGL, TR-News and GeoWebNews are kept for
// independent measurement and must not be used here.
import { XMLParser } from 'fast-xml-parser';
import fs from 'node:fs';
import path from 'node:path';
import type { Suggestion } from '../electron/services/entities/extract.js';
import { distanceKm } from '../electron/services/gazetteer/build.js';
import { countryAt } from '../electron/services/gazetteer/countryAt.js';

export interface ToponymDocument {
  text: string;
  locations: { name: string; start: number; lat: number; lon: number }[];
}

export interface ToponymScore {
  documents: number;
  gold: number;
  found: number;
  within161: number;
  /** Found, not within 161 km, but a country whose shape holds the gold point: the right country pinned elsewhere. */
  rightCountry: number;
  misses: string[];
}

/** Reads a corpus in GeoVirus/WikToR XML or in JSON lines. */
export function readToponymCorpus(file: string): ToponymDocument[] {
  const raw = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.jsonl')) return raw.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as ToponymDocument);
  const xml = new XMLParser({ parseTagValue: false, trimValues: false, isArray: (name) => name === 'article' || name === 'location' }).parse(raw) as {
    articles: { article: { text: string; locations?: { location?: Record<string, string>[] } }[] };
  };
  return xml.articles.article.map((a) => ({
    text: String(a.text),
    locations: (a.locations?.location ?? []).map((l) => ({ name: String(l.name), start: Number(l.start), lat: Number(l.lat), lon: Number(l.lon) })),
  }));
}

/**
 * Where a gold name sits in the text: GeoVirus gives offsets one character further along than its
 * text (its `start` for "Pandi" points at "andi"), so the occurrence nearest the given offset wins.
 */
function locate(text: string, name: string, start: number): number {
  let best = -1;
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    if (best === -1 || Math.abs(at - start) < Math.abs(best - start)) best = at;
  }
  return best;
}

export function scoreToponyms(documents: ToponymDocument[], extract: (text: string) => Suggestion[]): ToponymScore {
  const score: ToponymScore = { documents: documents.length, gold: 0, found: 0, within161: 0, rightCountry: 0, misses: [] };
  documents.forEach((doc, n) => {
    const places = extract(doc.text).filter((s) => s.type === 'place');
    for (const g of doc.locations) {
      score.gold++;
      const start = locate(doc.text, g.name, g.start);
      const end = start + g.name.length;
      const hit = start === -1 ? undefined : places.find((s) => s.start < end && s.end > start);
      if (!hit) {
        score.misses.push(`doc ${n}  missed   ${g.name}`);
        continue;
      }
      score.found++;
      const best = hit.places?.[0];
      if (best && distanceKm(best, g) <= 161) {
        score.within161++;
        continue;
      }
      if (best?.kind === 'country' && best.country === countryAt(g.lat, g.lon)) score.rightCountry++;
      score.misses.push(`doc ${n}  misplaced ${g.name} → ${best ? `${best.name} (${best.kind}, ${best.country ?? ''} ${best.admin1Name ?? ''}) ${Math.round(distanceKm(best, g))} km off` : 'no candidate'}`);
    }
  });
  return score;
}

export function printToponymScore(label: string, file: string, score: ToponymScore): void {
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  console.log(`\n== toponyms: ${label}: ${score.documents} documents, ${score.gold} gold toponyms (${path.basename(file)}) ==\n`);
  console.log(`found (a place suggestion over the gold span): ${score.found}/${score.gold} = ${pct(score.found, score.gold)}`);
  console.log(`placed within 161 km, of every gold toponym:   ${score.within161}/${score.gold} = ${pct(score.within161, score.gold)}`);
  console.log(`placed within 161 km, of those found:          ${score.within161}/${score.found} = ${pct(score.within161, score.found)}`);
  // The gold points are Wikipedia's, which pins a country where its editors chose (Russia at 60° N
  // 90° E); the gazetteer pins it at world-countries' (and GeoNames') centre. Said apart, not counted.
  console.log(`  of the rest, a country whose shape holds the gold point: ${score.rightCountry} (the right country, pinned elsewhere; still counted as misplaced)`);
  if (process.argv.includes('--errors') || process.env.EVAL_ERRORS) console.log(score.misses.join('\n'));
}
