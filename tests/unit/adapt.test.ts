import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adaptedModel, adaptModel, applyDelta, decidedSentences, decodeDelta, encodeDelta, runToEnd, type MentionDecision } from '../../electron/services/entities/tagger/adapt.js';
import { extractEntities, type ExtractContext } from '../../electron/services/entities/extract.js';
import type { NameLexicon } from '../../electron/services/entities/tagger/features.js';
import { loadNamesModel } from '../../electron/services/entities/tagger/index.js';
import { memoryToJson } from '../../electron/services/entities/tagger/memory.js';
import type { TaggerModel } from '../../electron/services/entities/tagger/model.js';
import { tokenizeSentences } from '../../electron/services/entities/tagger/tokens.js';
import { predictNames } from '../../electron/services/entities/tagger/train.js';

const shipped = loadNamesModel(path.join(import.meta.dirname, '..', '..', 'assets', 'models', 'names.awbm'));
if (!shipped.model) throw new Error(`The shipped name model is needed here: ${shipped.problem}`);
const base = shipped.model;
const lexicon: NameLexicon = {
  place: (name) => (name === 'Kabul' ? { kind: 'city', population: 3_000_000 } : name === 'Kunduz' ? { kind: 'city', population: 270_000 } : null),
  countryByName: new Map([['afghanistan', 'AF']]),
  demonyms: new Map([['afghan', 'AF']]),
};

/** A checksum of everything a model decides with. */
function fingerprint(m: TaggerModel): string {
  const hash = createHash('sha256');
  for (const part of [m.features.hashes(), m.weights, m.transitions, m.start]) hash.update(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
  return hash.update(String(m.temperature)).update(m.memory ? memoryToJson(m.memory) : '').digest('hex');
}

/** The names the model reads in a text, as "words/TYPE". */
function names(model: TaggerModel, text: string): string[] {
  return tokenizeSentences(text).flatMap((sentence) => {
    const words = sentence.map((t) => t.text);
    return predictNames(model, words, lexicon).map((n) => `${words.slice(n.from, n.to + 1).join(' ')}/${n.type}`);
  });
}

/** A mention of `quote` (its first occurrence after `from`) in `body`. */
function at(body: string, quote: string, m: Omit<MentionDecision, 'start' | 'end'>, from = 0): MentionDecision {
  const start = body.indexOf(quote, from);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return { ...m, start, end: start + quote.length };
}
const accepted = { type: 'organisation', status: 'accepted', origin: 'analyst' } as const;

// An article as an analyst left it: a name the shipped model misses marked by hand three times,
// a suggestion rejected ("US" of a "Contact US" link is not the United States), another left unreviewed.
const body = [
  'Zorblat fighters attacked a checkpoint near Kunduz on Monday.',
  'Officials said Zorblat had claimed the attack.',
  'The leader of Zorblat was not available for comment.',
  'Contact US to see the full report on Afghanistan.',
  'The weather in Kabul was mild.',
].join('\n');
const mentions: MentionDecision[] = [
  at(body, 'Zorblat', accepted),
  at(body, 'Kunduz', { type: 'place', status: 'accepted', origin: 'auto' }),
  at(body, 'Zorblat', accepted, 20),
  at(body, 'Zorblat', accepted, 80),
  at(body, 'US', { type: 'place', status: 'rejected', origin: 'auto' }),
  at(body, 'Afghanistan', { type: 'place', status: 'suggested', origin: 'auto' }),
  at(body, 'Kabul', { type: 'place', status: 'suggested', origin: 'auto' }),
];

describe('the training sentences of an article', () => {
  it('holds only sentences with a decision: accepted names as gold, rejected ones as no name, unreviewed ones open', () => {
    const { sentences, decisions } = decidedSentences(body, mentions);
    expect(decisions).toBe(5);
    // The sentence about Kabul holds only an unreviewed suggestion: the analyst may not have read it.
    expect(sentences.map((s) => s.words.join(' '))).not.toContain('The weather in Kabul was mild .');
    expect(sentences).toHaveLength(4);
    const [first, , , click] = sentences;
    expect(first!.tags.slice(0, 2)).toEqual(['B-ORG', 'O']);
    expect(first!.tags[first!.words.indexOf('Kunduz')]).toBe('B-LOC');
    expect(click!.tags.slice(0, 2)).toEqual(['O', 'O']);
    expect(click!.tags[click!.words.indexOf('Afghanistan')]).toBeNull();
  });

  it('reads a place accepted inside an organisation’s name as part of the organisation, which the tagger tags alone', () => {
    const text = 'Students at Kabul University marched.';
    const at = (quote: string) => text.indexOf(quote);
    const decided: MentionDecision[] = [
      { start: at('Kabul'), end: at(' marched'), type: 'organisation', status: 'accepted', origin: 'auto' },
      { start: at('Kabul'), end: at('Kabul') + 5, type: 'place', status: 'accepted', origin: 'auto' },
    ];
    const { sentences } = decidedSentences(text, decided);
    expect(sentences[0]!.tags).toEqual(['O', 'O', 'B-ORG', 'I-ORG', 'O', 'O']);
  });

  it('is empty for an article with only suggestions', () => {
    const open = mentions.map((m) => ({ ...m, status: 'suggested' as const, origin: 'auto' as const }));
    expect(decidedSentences(body, open)).toEqual({ sentences: [], decisions: 0 });
  });
});

describe('adapting the shipped model to decisions', () => {
  const { sentences } = decidedSentences(body, mentions);
  const adapted = adaptedModel(base, sentences, lexicon);

  it('tags in a new sentence a name the shipped model misses, once the analyst marked it', () => {
    const unseen = 'Residents said Zorblat fighters had left the village.';
    expect(names(base, unseen)).toEqual([]);
    expect(names(adapted, unseen)).toEqual(['Zorblat/ORG']);
  });

  it('stops suggesting a rejected span, and keeps what nobody reviewed', () => {
    const text = 'Contact US to see the full report on Afghanistan.';
    expect(names(base, text)).toContain('US/LOC');
    expect(names(adapted, text)).toEqual(['Afghanistan/LOC']);
    expect(names(adapted, 'Contact US to read more from Kunduz.')).not.toContain('US/LOC');
  });

  it('leaves the shipped model as it was and gives the same model for the same decisions', () => {
    const before = fingerprint(base);
    expect(fingerprint(adaptedModel(base, sentences, lexicon))).toBe(fingerprint(adapted));
    expect(fingerprint(base)).toBe(before);
    expect(adapted.features.size).toBeGreaterThan(base.features.size);
  });

  it('is stored as a delta that reads back to the very same model', () => {
    const delta = runToEnd(adaptModel(base, sentences, lexicon));
    // Only what moved is kept: a few hundred rows, not the shipped model's tens of thousands.
    expect(delta.hashes.length).toBeGreaterThan(0);
    expect(delta.hashes.length).toBeLessThan(base.features.size / 10);
    const read = runToEnd(applyDelta(base, decodeDelta(encodeDelta(delta), base.tags.length)));
    expect(fingerprint(read)).toBe(fingerprint(adapted));
    expect(() => decodeDelta(encodeDelta(delta).subarray(0, 40), base.tags.length)).toThrow(/damaged/);
    expect(() => decodeDelta(new TextEncoder().encode('not a model at all'), base.tags.length)).toThrow(/not in a form/);
    const bytes = encodeDelta(delta);
    // The memory's JSON closes the file: one byte of it changed, and it no longer reads.
    bytes[bytes.length - 2] = 0x7b;
    expect(() => decodeDelta(bytes, base.tags.length)).toThrow(/damaged/);
  });

  it('works in slices: it yields while training, so a caller can let other work in', () => {
    let yields = 0;
    const steps = adaptModel(base, sentences, lexicon);
    for (let step = steps.next(); !step.done; step = steps.next()) yields++;
    expect(yields).toBeGreaterThan(2);
  });
});

describe('the memory of decided names', () => {
  const { sentences } = decidedSentences(body, mentions);
  const adapted = adaptedModel(base, sentences, lexicon);
  // The shipped weights with nothing learnt but the memory: what holds the decisions whatever a model's weights say.
  const memoryOnly: TaggerModel = { ...base, memory: adapted.memory! };

  it('holds the decisions on the shipped weights alone: a marked name is read as marked, a rejected span is not read as its type', () => {
    expect(names(memoryOnly, 'Residents said Zorblat fighters had left the village.')).toEqual(['Zorblat/ORG']);
    expect(names(memoryOnly, 'The Zorblat leadership met on Tuesday.')).toContain('Zorblat/ORG');
    expect(names(base, 'Contact US to read more from Kunduz.')).toContain('US/LOC');
    expect(names(memoryOnly, 'Contact US to read more from Kunduz.')).not.toContain('US/LOC');
  });

  it('leaves a marked name inside a longer run of capitalised words to the model', () => {
    const text = 'The Zorblat Reconstruction Fund paid for the road.';
    expect(names(memoryOnly, text)).not.toContain('Zorblat/ORG');
    expect(names(memoryOnly, text)).toEqual(names(base, text));
  });

  it('says on a suggestion that the analyst marked the name so before', () => {
    const gazetteer: ExtractContext['gazetteer'] = { lookup: () => [], rank: () => [], countryByName: lexicon.countryByName, demonyms: lexicon.demonyms, countryNamesWithOf: new Set() };
    const found = extractEntities('Residents said Zorblat fighters had left the village.', { gazetteer, registry: new Map(), published: null, namesModel: adapted });
    expect(found.find((s) => s.text === 'Zorblat')).toMatchObject({ type: 'organisation', confidence: 0.95, reason: 'an organisation, as the analyst marked it before in this workspace' });
  });

  it('remembers no single letter as a name: marked "U" and "S" of a dotted abbreviation would cut every such name into letters', () => {
    const learnt = [{ words: ['U', '.', 'S', '.', 'officials', 'met', 'in', 'Kabul', '.'], tags: ['B-LOC', 'O', 'B-LOC', 'O', 'O', 'O', 'O', 'B-LOC', 'O'] }];
    const memory = adaptedModel(base, learnt, lexicon).memory!;
    expect([...memory.marked.keys()]).toEqual(['Kabul']);
  });

  it('lets the newer decision stand when the analyst rejected a name as a type and later marked it so (and the other way round)', () => {
    const rejectedText = 'Click Here to see the full report.';
    const markedText = 'Click Here was the name of the band.';
    const rejected = decidedSentences(rejectedText, [at(rejectedText, 'Click Here', { type: 'person', status: 'rejected', origin: 'auto' })]).sentences;
    const marked = decidedSentences(markedText, [at(markedText, 'Click Here', { type: 'person', status: 'accepted', origin: 'analyst' })]).sentences;
    const unseen = 'Fans said Click Here played until midnight.';
    // Sentences go newest first, as the learner reads them.
    expect(names({ ...base, memory: adaptedModel(base, [...marked, ...rejected], lexicon).memory! }, unseen)).toContain('Click Here/PER');
    expect(names({ ...base, memory: adaptedModel(base, [...rejected, ...marked], lexicon).memory! }, unseen)).not.toContain('Click Here/PER');
  });
});
