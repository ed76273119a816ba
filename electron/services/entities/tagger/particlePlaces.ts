import { nameKey } from '../../gazetteer/normalise.js';
import type { ExtractContext } from '../extract.js';
import type { TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

/** The small words inside Portuguese, Spanish, Italian and French place names: "Rio Grande do Sul". */
const PARTICLES = new Set(['do', 'dos', 'da', 'das', 'de', 'del', 'della', 'di', 'du', 'des']);
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
/** The most capitalised words after the particle that may still be the place's: "São José do Rio Preto". */
const MOST_WORDS_AFTER = 3;
/** A town of fewer people shares its name with too many others to join two readings on its say. */
const TOWN_OF_SOME_SIZE = 10_000;

/**
 * "Rio Grande do Sul", "Mato Grosso do Sul", "São José dos Campos": the tagger ends a place at the
 * lower-case particle inside its name and reads the rest apart ("Rio Grande" and "Sul", "Sao Jose"
 * and the person "dos Campos"), or not at all. Where a place the tagger read, the particle and the
 * capitalised words after it are together a place's own name in the gazetteer (a country, an area,
 * or a town of 10,000 people), they are that one place. Readings after the particle give way; one
 * the analyst decided does not. Changes `names` in place.
 */
export function joinPlacesAcrossParticles(names: TaggedName[], sentence: readonly TextToken[], text: string, context: ExtractContext): void {
  const isPlace = (name: string) =>
    context.gazetteer.countryByName.has(nameKey(name)) ||
    context.gazetteer.lookup(name).some((p) => (p.nameKind ?? 0) === 0 && (p.kind === 'admin1' || p.kind === 'admin2' || (p.kind === 'city' && p.population >= TOWN_OF_SOME_SIZE)));
  for (let k = names.length - 1; k >= 0; k--) {
    const a = names[k]!;
    const particle = a.to + 1;
    if (a.type !== 'LOC' || a.remembered || !PARTICLES.has(sentence[particle]?.text ?? '')) continue;
    // The longest run of capitalised words after the particle that makes the place's name.
    let joinedTo = -1;
    for (let to = particle + 1; to < sentence.length && to - particle <= MOST_WORDS_AFTER && CAPITALISED.test(sentence[to]!.text); to++) {
      if (isPlace(text.slice(sentence[a.from]!.start, sentence[to]!.end))) joinedTo = to;
    }
    if (joinedTo < 0) continue;
    const after = names.filter((n) => n !== a && n.from <= joinedTo && n.to >= particle);
    if (after.some((n) => n.remembered || n.to > joinedTo)) continue;
    for (const n of after) names.splice(names.indexOf(n), 1);
    a.to = joinedTo;
    a.confidence = Math.max(a.confidence, ...after.map((n) => n.confidence));
  }
}
