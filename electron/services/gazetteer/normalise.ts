/**
 * The key names are matched by: lower case, no diacritics, hyphens, apostrophes and dots as spaces.
 * "Lashkar Gāh" and "Lashkar-Gah" both become "lashkar gah"; "Mazar-i-Sharif" → "mazar i sharif".
 */
// Made once: a literal with \p{…} in the function is rebuilt at every call in the bundles.
const MARKS = /\p{M}+/gu;

export function nameKey(name: string): string {
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
