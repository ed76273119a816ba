import type { TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

/** A word in small letters only. */
const SMALL_WORD = /^\p{Ll}+$/u;
const CAPITAL_FIRST = /^\p{Lu}/u;
/**
 * The small words that stand inside people's names, in the languages news names people in: "bin",
 * "ibn", "bint", "ould" (Arabic), "von", "der", "den", "ter", "ten" (German and Dutch), "dos",
 * "das", "del", "della", "delle" (Portuguese, Spanish, Italian), "und". Shorter ones ("de", "al", "y") are
 * no verb; "of" and "and" are left to the names' other readers ("Duke of York", "Biden and Harris").
 */
const PARTICLES = new Set(['bin', 'ibn', 'bint', 'ben', 'ould', 'von', 'der', 'den', 'ter', 'ten', 'dos', 'das', 'del', 'della', 'delle', 'degli', 'dei', 'und', 'van', 'and', 'of', 'the']);
/** A person the tagger read this surely or more stands as read: the run-on names are read doubtfully. */
const DOUBTED = 0.5;

/**
 * "Sheikh Mohammed bin Rashid Al Maktoum met Sheikh Tamim bin Hamad Al Thani": the tagger sometimes
 * runs two people and the verb between them into one person (here at 21%), and neither is then
 * found. A person's name holds no small word of three letters or more but a particle: a person read
 * below 50% is split at such a word into the people on either side, each as sure as the whole was,
 * where each side is two words or more, opening and closing with a capital (informal text writes names in small
 * letters: "Justin bieber"). Not the analyst's names. Changes `names` in place.
 */
export function splitPeopleAtVerbs(names: TaggedName[], sentence: readonly TextToken[]): void {
  for (let k = names.length - 1; k >= 0; k--) {
    const n = names[k]!;
    if (n.type !== 'PER' || n.remembered || n.confidence >= DOUBTED) continue;
    const cuts = [n.from - 1];
    for (let i = n.from + 1; i < n.to; i++) {
      const word = sentence[i]!.text;
      if (word.length >= 3 && SMALL_WORD.test(word) && !PARTICLES.has(word)) cuts.push(i);
    }
    if (cuts.length === 1) continue;
    cuts.push(n.to + 1);
    const parts: TaggedName[] = [];
    for (let c = 1; c < cuts.length; c++) parts.push({ ...n, from: cuts[c - 1]! + 1, to: cuts[c]! - 1 });
    if (parts.some((p) => p.to - p.from < 1 || !CAPITAL_FIRST.test(sentence[p.from]!.text) || !CAPITAL_FIRST.test(sentence[p.to]!.text))) continue;
    names.splice(k, 1, ...parts);
  }
}
