/**
 * The key names are matched by: lower case, no diacritics, hyphens, apostrophes and dots as spaces.
 * "Lashkar Gāh" and "Lashkar-Gah" both become "lashkar gah"; "Mazar-i-Sharif" → "mazar i sharif".
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[‐‑‒–—\-'’ʼ`´.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Names in Latin script only: alternate names in other scripts cannot match English news text. */
export function isLatinName(name: string): boolean {
  return /^[\p{Script=Latin}\p{M}\s'’ʼ.\-()0-9]+$/u.test(name) && /\p{L}/u.test(name);
}
