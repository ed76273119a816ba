import { addNames, type TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

/**
 * Words that open the name of a body in Spanish, Portuguese, French and Italian ("Banco do Brasil",
 * "Ministerio de Defensa", "Corte Suprema de Justicia", "Universite de Montreal"), written without
 * their accents. English news keeps these names as they are, and the tagger, which learnt from
 * English, splits them ("Banco" a place, "Brasil" an organisation), reads a person ("Ministerio de
 * Defensa" at 32%, "Banco Santander" at 55%) or nothing. Not words that open places' names as often
 * ("Casa", "Plaza", "Palacio") nor those English shares ("Tribunal" stays: it opens no place's name).
 */
const HEADS = new Set(
  `banco banca banque caja universidad universidade universite universita universitat instituto institut istituto colegio
  partido partito parti ministerio ministere ministero secretaria fundacion fundacao fondation fondazione grupo gruppo groupe
  compania companhia compagnie empresa consejo conselho conseil consiglio tribunal corte cour camara chambre asamblea
  assemblee assembleia comision comissao agencia agence agenzia ejercito exercito armee esercito policia polizia guardia
  gendarmerie movimiento movimento mouvement federacion federacao confederacion sindicato sociedad sociedade societe
  societa superintendencia procuraduria fiscalia contraloria defensoria registraduria servicio servico escuela escola
  ecole scuola diario`.split(/\s+/),
);
const ACCENTED: Record<string, string> = { a: '[aáàâãä]', e: '[eéèêë]', i: '[iíìîï]', o: '[oóòôõö]', u: '[uúùûü]', c: '[cç]', n: '[nñ]' };
const letter = (ch: string) => ACCENTED[ch] ?? ch;
/** Any head, capitalised, with its accents or without: most articles hold none, and are spared the pass over their words. */
const ANY_HEAD = new RegExp(`(?<!\\p{L})(?:${[...HEADS].map((h) => letter(h[0]!).toUpperCase() + [...h.slice(1)].map(letter).join('')).join('|')})(?!\\p{L})`, 'u');
/** Whether the text may name such a body: a head, capitalised, stands in it. */
export const mayNameBodiesInRomanceLanguages = (text: string): boolean => ANY_HEAD.test(text);

/** Small words inside such a name: "de la Nacion", "do Brasil", "di Sanita", "y Desarrollo". */
const CONNECTORS = new Set(['de', 'del', 'do', 'da', 'dos', 'das', 'di', 'della', 'delle', 'dei', 'degli', 'des', 'du', 'la', 'las', 'los', 'le', 'les', 'el', 'y', 'e', 'et', 'pour', 'para', 'per']);
/** An article that may open the name: "La Universidad Nacional", "El Colegio de Mexico". */
const ARTICLES = new Set(['El', 'La', 'Los', 'Las', 'Le', 'Les', 'Il']);
const CAPITALISED = /^\p{Lu}/u;
/** A place the tagger read this surely, that the gazetteer knows, stays ("Corte Madera"). */
const SURE_PLACE = 0.8;
/** As sure as such a name is: the head word says what it is. */
const CONFIDENCE = 0.7;
/** The most tokens of such a name ("Corte Suprema de Justicia de la Nacion" is seven). */
const MOST_TOKENS = 9;

const NOT_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;
/** Whether a word is a head, with its accents or without ("Fundación", "Fundacion"). */
const isHead = (word: string) => HEADS.has(word.toLowerCase()) || (NOT_ASCII.test(word) && HEADS.has(word.normalize('NFD').replace(MARKS, '').toLowerCase()));

/**
 * A head, capitalised, and the capitalised words after it (small words between, never last) are
 * one organisation, with an article right before it (as sure as CONFIDENCE where the tagger read the
 * organisation doubtfully): over the names the tagger read inside it, where
 * none runs on past it and none is the analyst's, and not over a town the tagger read surely and
 * `isPlace` knows. Changes `names` in place.
 */
export function bodiesNamedInRomanceLanguages(names: TaggedName[], sentence: readonly TextToken[], isPlace: (name: string) => boolean): void {
  const added: TaggedName[] = [];
  for (let i = 0; i < sentence.length; i++) {
    const word = sentence[i]!.text;
    if (!CAPITALISED.test(word) || !isHead(word)) continue;
    const to = nameEnd(sentence, i);
    if (to === i) continue;
    const from = i > 0 && ARTICLES.has(sentence[i - 1]!.text) ? i - 1 : i;
    i = to;
    const inside = names.filter((n) => n.from <= to && n.to >= from);
    if (inside.some((n) => n.remembered || n.from < from || n.to > to)) continue;
    const whole = inside.length === 1 && inside[0]!.from === from && inside[0]!.to === to ? inside[0]! : null;
    if (whole?.type === 'ORG') {
      whole.confidence = Math.max(whole.confidence, CONFIDENCE);
      continue;
    }
    if (whole?.type === 'LOC' && whole.confidence >= SURE_PLACE && isPlace(sentence.slice(from, to + 1).map((t) => t.text).join(' '))) continue;
    for (const n of inside) names.splice(names.indexOf(n), 1);
    const confidence = Math.max(CONFIDENCE, ...inside.filter((n) => n.type === 'ORG').map((n) => n.confidence));
    added.push({ from, to, type: 'ORG', confidence, remembered: false, reason: 'an organisation, by the word that opens its name' });
  }
  addNames(names, added);
}

/** The last token of the name opening with the head at `at`: capitalised words, small words only between them. */
function nameEnd(sentence: readonly TextToken[], at: number): number {
  let end = at;
  for (let k = at + 1; k < sentence.length && k - at < MOST_TOKENS; k++) {
    const word = sentence[k]!.text;
    if (CAPITALISED.test(word)) end = k;
    else if (!CONNECTORS.has(word)) break;
  }
  return end;
}
