import { addNames, type TaggedName } from './decode.js';
import { PARTICLE_CAPITAL } from './features.js';
import { NAME_PARTICLE } from './titledPeople.js';
import type { TextToken } from './tokens.js';

/** "also known as", "better known as", "formerly known as": what an alias follows. */
const QUALIFIERS = new Set(['also', 'better', 'popularly', 'widely', 'commonly', 'locally', 'formerly', 'previously', 'once']);
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
/** A word further in a name: capitalised, or with an Arabic article or kin word before its capital ("al-Sharaa"). */
const isNameWord = (word: string) => CAPITALISED.test(word) || PARTICLE_CAPITAL.test(word);
/** Below this, another reading of a person's alias ("Hemedti" an organisation at 38%) gives way. */
const DOUBTED_ALIAS = 0.6;
/** An alias's confidence at least: the words say person, not the name. */
const ALIAS_CONFIDENCE = 0.6;

/**
 * "Mohamed Hamdan Dagalo, known as Hemedti", "Abu Mohammed al-Jolani (also known as Ahmed
 * al-Sharaa)": the name a person is known by is a person's name too, where conflict news gives a
 * nom de guerre the tagger never saw. The alias after a person's name and "known as" (with a comma
 * or bracket before it, and "also", "better" or "formerly" at will), up to four capitalised words (and
 * a particle between them: "bin Laden"), is the person where the tagger read it as something else it
 * doubted or left it unread.
 * Changes `names` in place.
 */
export function aliasesOfPeople(names: TaggedName[], sentence: readonly TextToken[]): void {
  for (const person of names.filter((n) => n.type === 'PER')) {
    let k = person.to + 1;
    if (sentence[k]?.text !== ',' && sentence[k]?.text !== '(') continue;
    k++;
    if (QUALIFIERS.has(sentence[k]?.text ?? '')) k++;
    if (sentence[k]?.text !== 'known' || sentence[k + 1]?.text !== 'as') continue;
    const from = k + 2;
    if (!CAPITALISED.test(sentence[from]?.text ?? '')) continue;
    const read = names.find((n) => n.from <= from && n.to >= from);
    if (read) {
      if (read.from === from && read.type !== 'PER' && read.type !== 'GRP' && !read.remembered && read.confidence < DOUBTED_ALIAS) {
        read.type = 'PER';
        read.confidence = Math.max(read.confidence, ALIAS_CONFIDENCE);
        read.reason = 'a person, the name another person is known by';
      }
      continue;
    }
    let to = from;
    const free = (k: number) => !names.some((n) => n.from <= k && n.to >= k);
    while (to - from < 3) {
      const next = sentence[to + 1]?.text ?? '';
      if (isNameWord(next) && free(to + 1)) to++;
      else if (NAME_PARTICLE.test(next) && CAPITALISED.test(sentence[to + 2]?.text ?? '') && free(to + 2)) to += 2;
      else break;
    }
    addNames(names, [{ from, to, type: 'PER', confidence: ALIAS_CONFIDENCE, remembered: false, reason: 'a person, the name another person is known by' }]);
  }
}

/** Nouns of armed and criminal groups, before the name the group is known by. */
const GROUP_NOUNS = new Set(['militia', 'militias', 'rebels', 'fighters', 'insurgents', 'gang', 'gangs', 'group', 'groups', 'faction', 'movement', 'cartel']);
/** Where the words put it, that alias is this sure an organisation. */
const GROUP_ALIAS_CONFIDENCE = 0.6;

/**
 * "Amhara militias known as Fano", "a ransomware gang, known as Qilin": a group's noun, "known as"
 * (with a comma and "also", "locally" … at will), and up to four capitalised words are the
 * organisation's name, where the tagger read them as a person or a place it doubted ("Fano" a person
 * at 59%) or left them unread. Changes `names` in place.
 */
export function aliasesOfGroups(names: TaggedName[], sentence: readonly TextToken[]): void {
  for (let i = 0; i + 2 < sentence.length; i++) {
    if (sentence[i]!.text !== 'known' || sentence[i + 1]!.text !== 'as') continue;
    let k = i - 1;
    if (QUALIFIERS.has(sentence[k]?.text ?? '')) k--;
    if (sentence[k]?.text === ',') k--;
    if (!GROUP_NOUNS.has(sentence[k]?.text ?? '')) continue;
    const from = i + 2;
    if (!CAPITALISED.test(sentence[from]!.text)) continue;
    const read = names.find((n) => n.from <= from && n.to >= from);
    if (read) {
      if (read.from === from && (read.type === 'PER' || read.type === 'LOC') && !read.remembered && read.confidence < DOUBTED_ALIAS) {
        read.type = 'ORG';
        read.confidence = Math.max(read.confidence, GROUP_ALIAS_CONFIDENCE);
        read.reason = 'an organisation, the name a group is known by';
      }
      continue;
    }
    let to = from;
    while (to - from < 3 && CAPITALISED.test(sentence[to + 1]?.text ?? '') && !names.some((n) => n.from <= to + 1 && n.to >= to + 1)) to++;
    addNames(names, [{ from, to, type: 'ORG', confidence: GROUP_ALIAS_CONFIDENCE, remembered: false, reason: 'an organisation, the name a group is known by' }]);
  }
}
