import { addNames, type TaggedName } from './decode.js';
import type { NameLexicon } from './features.js';
import type { TextToken } from './tokens.js';

/**
 * The words Burmese personal names are made of, as English-language news romanises them ("Min Aung
 * Hlaing", "Aung San Suu Kyi", "Zaw Min Tun", "Win Myint"). A Burmese name has no family name: every
 * word is one of these, so a run of them is a name where the text is about Myanmar.
 */
const NAME_WORDS = new Set(
  `Aung San Suu Kyi Min Hlaing Thein Sein Win Myint Soe Zaw Tun Kyaw Moe Maung Htun Htin Naing Oo Thant Myo
  Nyein Khin Than Shwe Hla Nyunt Lwin Thet Thu Thura Wai Yan Lin Phyo Hein Htet Htoo Ko Ye Nay Pyae Zin Mar
  Thida Nu Ne Tin Mya Thuzar Ei Khaing Sandar Tint Swe Sann Myat Paing Kyu Nwe Cho Su Thwin Wunna Zeya Ohn
  Kyin Thaung Hmu Nyi Chit Bo Htay Thuya Yadanar Phone Zayar Nandar Thiha Wint Pyone Khine Myaing Tar Pyi Sint`.split(/\s+/),
);

/** Honorifics before a Burmese name, not part of it ("U Thant", "Daw Aung San Suu Kyi"). */
const HONORIFICS = new Set(['U', 'Daw']);

/** Words that say an article is about Myanmar. */
const MYANMAR = /\b(?:Myanmar|Burma|Burmese|Yangon|Rangoon|Naypyitaw|Nay Pyi Taw|Naypyidaw|Mandalay|Rakhine|Tatmadaw)\b/;

/** The most words of such a name ("Aung San Suu Kyi"). */
const MAX_WORDS = 4;
const CONFIDENCE = 0.8;
/** A place or organisation reading at or above this is not overruled. */
const SURE = 0.5;
const REASON = 'a person (a Burmese name)';

/** Whether the text is about Myanmar, where runs of these words are people. */
export const mayNameBurmesePeople = (text: string) => MYANMAR.test(text);

/**
 * "Min Aung Hlaing, the junta chief": the tagger, trained on Western names, read "Aung Hlaing" at 48%
 * (and "Min" outside the name); "Aung San Suu Kyi" at 66%. In an article about Myanmar, a run of two to
 * four capitalised name words (one after "U" or "Daw", which stay outside it) that no capitalised word
 * goes on from is a person: read as one but doubted, surely; read as something else it doubts, or in
 * part, one person. Not a place the gazetteer has by the run ("Nay Pyi Taw"), not a place or
 * organisation the tagger is sure of (but after "U" or "Daw": "U Thant's grandson", an organisation at 56%), not over a longer name or the analyst's. Changes `names` in place.
 */
export function burmesePeople(names: TaggedName[], sentence: readonly TextToken[], lexicon: NameLexicon): void {
  const added: TaggedName[] = [];
  for (let from = 0; from < sentence.length; from++) {
    const honoured = from > 0 && HONORIFICS.has(sentence[from - 1]!.text);
    if (!NAME_WORDS.has(sentence[from]!.text) || (from > 0 && /^\p{Lu}/u.test(sentence[from - 1]!.text) && !honoured)) continue;
    let to = from;
    while (to - from + 1 < MAX_WORDS && NAME_WORDS.has(sentence[to + 1]?.text ?? '') && sentence[to + 1]!.start - sentence[to]!.end === 1) to++;
    if ((to === from && !honoured) || /^\p{Lu}/u.test(sentence[to + 1]?.text ?? '')) {
      from = to;
      continue;
    }
    const words = sentence.slice(from, to + 1).map((t) => t.text);
    const over = names.filter((n) => n.from <= to && n.to >= from);
    const holds = (n: TaggedName) => n.from < from - (honoured ? 1 : 0) || n.to > to;
    if (lexicon.place(words.join(' ')) || over.some((n) => n.remembered || holds(n) || (n.type !== 'PER' && n.confidence >= SURE && !honoured))) {
      from = to;
      continue;
    }
    const same = over.length === 1 && over[0]!.from === from && over[0]!.to === to ? over[0]! : null;
    if (same) {
      if (same.confidence < CONFIDENCE) Object.assign(same, { type: 'PER', confidence: CONFIDENCE, reason: REASON });
    } else {
      for (const n of over) names.splice(names.indexOf(n), 1);
      added.push({ from, to, type: 'PER', confidence: CONFIDENCE, remembered: false, reason: REASON });
    }
    from = to;
  }
  addNames(names, added);
}
