// Splits GeoVirus (Gritta et al. 2018; data/Corpora/GeoVirus.xml of
// milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation, sha256 2f8a928b…ea06b1) into the dev and
// held-out halves `npm run eval` reads, as JSON lines ({source, text, locations}).
//
// Earlier stops had only a sample of the file: the whole articles overlapping 16,000 characters read
// at the offsets 0, 112,000, … 1,008,000. The articles of its first five windows were tuned on, so
// they stay in the dev half; those of its last five were held out, so they stay in the held-out half.
// Every other article goes to dev or held out in turn, in the file's order. The sample's halves are
// written as well (GeoVirus-sample-*.jsonl), so figures stay comparable with the earlier ones.
//
//   node scripts/geovirusSplit.mjs /path/to/GeoVirus.xml /path/to/output-folder
import { XMLParser } from 'fast-xml-parser';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [file, out] = process.argv.slice(2);
if (!file || !out) throw new Error('usage: node scripts/geovirusSplit.mjs GeoVirus.xml output-folder');
const raw = fs.readFileSync(file, 'utf8');
const SHA256 = '2f8a928b9af4a44232493b37c5324bcb14a06873a4d97315cf3b2c7653ea06b1';
const sha = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
if (sha !== SHA256) console.warn(`warning: ${file} is not the GeoVirus.xml this split was made from (sha256 ${sha})`);

// Where each article sits in the file; commented-out articles ("<!--<article>-->") are no articles.
const spans = [...raw.matchAll(/^ {4}<article>[\s\S]*?<\/article>/gm)].map((m) => [m.index, m.index + m[0].length]);
const parsed = new XMLParser({ parseTagValue: false, trimValues: false, isArray: (n) => n === 'location' || n === 'article' }).parse(raw).articles.article;
if (parsed.length !== spans.length) throw new Error(`found ${spans.length} articles by position but ${parsed.length} by parsing`);

const windowOverlaps = (span, k) => span[0] < k * 112_000 + 16_000 && span[1] > k * 112_000;
const halves = { dev: [], heldout: [], 'sample-dev': [], 'sample-heldout': [] };
let unseen = 0;
parsed.forEach((a, i) => {
  const doc = {
    source: a.source,
    text: String(a.text),
    locations: (a.locations?.location ?? []).map((l) => ({ name: String(l.name), start: Number(l.start), lat: Number(l.lat), lon: Number(l.lon) })),
  };
  const sampled = [0, 1, 2, 3, 4].some((k) => windowOverlaps(spans[i], k)) ? 'dev' : [5, 6, 7, 8, 9].some((k) => windowOverlaps(spans[i], k)) ? 'heldout' : null;
  if (sampled) halves[`sample-${sampled}`].push(doc);
  halves[sampled ?? (unseen++ % 2 === 0 ? 'dev' : 'heldout')].push(doc);
});
fs.mkdirSync(out, { recursive: true });
for (const [half, docs] of Object.entries(halves)) {
  const target = path.join(out, `GeoVirus-${half}.jsonl`);
  fs.writeFileSync(target, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  console.log(`${target}: ${docs.length} articles, ${docs.reduce((n, d) => n + d.locations.length, 0)} toponyms`);
}
