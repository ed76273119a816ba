/**
 * The key names are matched by: lower case, no diacritics, hyphens, apostrophes and dots as spaces.
 * "Lashkar Gāh" and "Lashkar-Gah" both become "lashkar gah"; "Mazar-i-Sharif" → "mazar i sharif".
 */
// Made once: a literal with \p{…} in the function is rebuilt at every call in the bundles.
const MARKS = /\p{M}+/gu;

/** Letters and digits of ASCII in words one space apart: the key is the name in lower case (most calls). */
const PLAIN = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

export function nameKey(name: string): string {
  // The full normalisation below was a fifteenth of the time spent reading an article.
  if (PLAIN.test(name)) return name.toLowerCase();
  return name
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/[‐‑‒–—\-'’ʼ`´.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Names in Latin script only: alternate names in other scripts cannot match English news text. */
export function isLatinName(name: string): boolean {
  return /^[\p{Script=Latin}\p{M}\s'’ʼ.\-()0-9]+$/u.test(name) && /\p{L}/u.test(name);
}

const ARTICLE = /^(?:al|el|ad|ar|as|an|at|ash|az|ul) /;
const VOWEL_RUNS = /[aeiouy]+/g;
/** Vowels by the sound English spellings swap them for: e, i and y; o and u. */
const VOWEL_CLASS: Record<string, string> = { a: 'a', e: 'i', i: 'i', y: 'i', o: 'u', u: 'u' };

/**
 * A name key's spelling skeleton, for names that English news transliterates its own way: the
 * Arabic article dropped, q read as k, "ow" and "au" before a consonant read as "aw" (Persian's
 * diphthong: "Jowzjan", "Jawzjan", "Jauzjan"), a final h after a vowel dropped, doubled letters
 * single, spaces gone, e and y read as i and o as u, and a run of vowels read as its last ("ei", "ay"
 * as i). "Hodeidah" and "Al Hudaydah" both give "hudida", "Qandahar" and "Kandahar" "kandahar",
 * "Qonduz" and "Kunduz" "kunduz"; "Kogelo" is not "Kigali", nor "Kisima" "Kisumu". Null for a
 * skeleton of fewer than three consonants, which says too little to match on.
 */
export function spellingSkeleton(key: string): string | null {
  const letters = key
    .replace(ARTICLE, '')
    .replace(/[^a-z]/g, '')
    .replaceAll('q', 'k')
    .replace(/(?:ow|au)(?![aeiouy])/g, 'aw')
    .replace(/([aeiouy])h$/, '$1')
    .replace(/(.)\1+/g, '$1');
  // A y that opens the name is a consonant ("Yemen"), elsewhere a vowel ("Hudaydah").
  const head = letters.charAt(0);
  const skeleton = (head === 'y' ? head : head.replace(VOWEL_RUNS, (run) => VOWEL_CLASS[run.at(-1)!]!)) + letters.slice(1).replace(VOWEL_RUNS, (run) => VOWEL_CLASS[run.at(-1)!]!);
  return skeleton.replace(/[aiu]/g, '').length >= 3 ? skeleton : null;
}
