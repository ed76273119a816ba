/** Nouns whose plural is not the singular plus "s". */
const IRREGULAR: Record<string, string> = { entity: 'entities', fatality: 'fatalities', 'reported fatality': 'reported fatalities', 'changed row': 'changed rows', match: 'matches' };

/** "1 relation", "2 relations", "1,500 files": a count with its noun agreeing (the window and the files the core writes say it alike). */
export function plural(n: number, noun: string, many?: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? noun : (many ?? IRREGULAR[noun] ?? `${noun}s`)}`;
}
