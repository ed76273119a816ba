/**
 * The day a date mention names, read again from its own words. The extractor dates what it suggests,
 * but a date the analyst marks, retypes, stretches or accepts in another article was stored without
 * one (or with the first article's), and a relative date ("on Sunday") keeps the day of the
 * publication date it was read against after the analyst corrects that date. An event drafted from
 * such a mention then takes the publication day instead of the day the text names.
 */
import { extractDates } from './dates.js';

export interface SpanDate {
  value: string | null;
  until: string | null;
  precision: string;
}

/** Enough text before a date for "will meet … on Friday" (dates.ts looks 80 characters back). */
const BEFORE = 120;
const AFTER = 40;

/**
 * The date the words at [start, end) name, read in their sentence against `published`; null when
 * they name none. A window around the span is read rather than the whole body, so that accepting
 * "Sunday" in every article costs little per article; it is cut at spaces so no word is cut.
 */
export function dateOfSpan(body: string, start: number, end: number, published: string | null): SpanDate | null {
  let from = Math.max(0, start - BEFORE);
  while (from > 0 && !/\s/.test(body[from - 1]!)) from--;
  let to = Math.min(body.length, end + AFTER);
  while (to < body.length && !/\s/.test(body[to]!)) to++;
  const found = extractDates(body.slice(from, to), published).map((d) => ({ ...d, start: d.start + from, end: d.end + from }));
  // The date inside the span ("Sunday" in "Sunday night"), else one the span cuts into.
  const inside = found.filter((d) => d.start >= start && d.end <= end);
  const crossing = found.filter((d) => d.start < end && d.end > start);
  const chosen = inside.find((d) => d.precision === 'day') ?? inside[0] ?? crossing[0];
  return chosen ? { value: chosen.value, until: chosen.until, precision: chosen.precision } : null;
}
