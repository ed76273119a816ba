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
