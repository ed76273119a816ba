import type { TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

/** A count in figures: "30", "1,200". Not an ordinal ("22nd Infantry Division") or a name's own figure ("3M"). */
const COUNT = /^\d{1,3}(?:,\d{3})*$|^\d+$/u;
const CAPITALISED = /^\p{Lu}/u;
/** British and Commonwealth formations keep their number in figures: "3 Commando Brigade", "16 Air Assault Brigade". */
const FORMATION_WORDS = new Set(['Brigade', 'Regiment', 'Battalion', 'Division', 'Corps', 'Squadron', 'Wing', 'Flotilla', 'Fleet', 'Group', 'Commando']);

/**
 * "30 People's Liberation Army aircraft", "12 Hamas fighters": the tagger may open a name with the
 * count before it. A name of the tagger's that opens with a count in figures, where the words after
 * it are a name `isKnownName` knows (a known one, or one closed by a head word), starts at those words; a formation keeps its number, and a name
 * of its own with a figure ("98 Degrees", the band) stays whole. Changes `names` in place; the
 * analyst's decisions are left.
 */
export function withoutLeadingCounts(names: TaggedName[], sentence: readonly TextToken[], isKnownName: (name: string) => boolean): void {
  for (const n of names) {
    if (n.remembered || n.from >= n.to || !COUNT.test(sentence[n.from]!.text) || !CAPITALISED.test(sentence[n.from + 1]!.text)) continue;
    const rest = sentence.slice(n.from + 1, n.to + 1);
    // As written: "People's", not "People 's".
    const written = rest.map((t, i) => (i > 0 && t.start > rest[i - 1]!.end ? ' ' : '') + t.text).join('');
    if (rest.some((t) => FORMATION_WORDS.has(t.text)) || !isKnownName(written)) continue;
    n.from++;
  }
}
