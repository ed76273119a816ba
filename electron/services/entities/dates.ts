import * as chrono from 'chrono-node';

export type DatePrecision = 'day' | 'week' | 'month' | 'year' | 'decade';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** ISO date of the start of the period, or null when it cannot be placed (no publication date). */
  value: string | null;
  /** ISO date of the end of a range ("in the past 24 hours"), else null. */
  until: string | null;
  precision: DatePrecision;
}

const iso = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

function parseIsoDay(value: string | null): Date | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** chrono reads "now", "today" and clock times too; news coding wants calendar dates. */
export function isCalendarDate(raw: string): boolean {
  if (/^(now|today|tonight|this|at the moment)\b/i.test(raw)) return false;
  // A calendar date names a month, a weekday, a year or a numeric date; "for a second" does not.
  if (!/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\d{4}|\d{1,2}[/.-]\d{1,2}/i.test(raw)) return false;
  return !/^\d{1,2}(:\d\d)?\s*(am|pm)?$/i.test(raw.trim());
}

/**
 * Every calendar date isCalendarDate keeps holds one of what its test asks for: four digits, a
 * numeric day and month, or a word that starts with the first letters of a month's or a weekday's
 * name (these letters at a word's start are a wider net than its test). chrono runs dozens of
 * regular expressions over all it is given, and much of an article is far from any of these. A
 * lone number ("12 people", "aged 45") or the letters inside a word ("common", "Africa") are no
 * hint: no date they start is kept without one of the hints inside it. On 5,726 texts (the bench's
 * articles, the fixtures, the sample page and the training corpora) this reads the same 57,518
 * dates as a hint at every digit and at those letters anywhere did, in half the time.
 */
const DATE_HINT = /\d{4}|\d{1,2}[/.-]\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/gi;
/**
 * How far either side of a hint chrono is given the text. A date it reads is a few words long, and
 * whatever it joins a date with (a time, a range's other end, a time zone) stands right beside it:
 * on the bench articles, the fixtures and the READMEs and change logs of the installed packages
 * (11,000 dates), no date reaches further than 16 characters from a hint inside it, nor is longer
 * than 39 ("Fri Sep 12 2014 12:00:00 GMT-0500 (CDT)").
 */
const DATE_REACH = 80;
const WHITE_SPACE = /\s/;
/** Four numbers or more joined by dashes or slashes. */
const NUMBER_RUN = /^\d+(?:[-/]\d+){3,}$/;

/**
 * chrono's calendar dates in the text (offsets into it, trailing punctuation trimmed), read from
 * windows around the hints. A window opens and closes on white space (or at the text's ends), where
 * chrono sees a word boundary just as it does in the whole text; windows never overlap, so no date
 * is found twice.
 */
export function chronoDates(text: string, reference: Date): { index: number; text: string; start: chrono.ParsedComponents }[] {
  const found: { index: number; text: string; start: chrono.ParsedComponents }[] = [];
  const read = (from: number, to: number) => {
    for (const r of chrono.parse(text.slice(from, to), reference, { forwardDate: false })) {
      const raw = r.text.replace(/[\s,.;:]+$/, '');
      // Bowling figures and telephone numbers ("20-5-60-2") are runs of numbers, no date.
      if (!NUMBER_RUN.test(raw) && isCalendarDate(raw)) found.push({ index: from + r.index, text: raw, start: r.start });
    }
  };
  const space = (i: number) => WHITE_SPACE.test(text[i]!);
  let from = -1;
  // The end of the window being gathered, or of the last one read: on white space or the text's end.
  let to = 0;
  for (const m of text.matchAll(DATE_HINT)) {
    const start = m.index - DATE_REACH;
    let end = Math.min(text.length, m.index + m[0].length + DATE_REACH);
    // Windows closer than a reach apart are read as one (each call to chrono costs a little too).
    if (from >= 0 && start > to + DATE_REACH) {
      read(from, to);
      from = -1;
    }
    if (from < 0) {
      from = Math.max(start, to);
      while (from > to && !space(from)) from--;
    }
    // Only ever forward, so a long run without white space is walked once, not once per hint in it.
    if (end > to) {
      while (end < text.length && !space(end)) end++;
      to = end;
    }
  }
  if (from >= 0) read(from, to);
  return found;
}

/** "Sun, " opening a date, and the capitalised word before it that makes it a paper's name. */
const PAPER_SUN = /^Sun,?[ \t]+(?=\S)/;
const CAPITALISED_WORD_BEFORE = /(?<![\p{L}\p{N}'’.-])\p{Lu}[\p{L}'’-]*[ \t]$/u;
const WEEKDAY = /^(on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)( (night|morning|evening|afternoon))?$/i;
const FUTURE_BEFORE = /\b(will|would|next|to be|is due|are due|scheduled|planned|upcoming)\b[^.!?]{0,60}$/i;

/**
 * Dates in news text, normalised against the article's publication date: "on Sunday" is the last
 * Sunday on or before it (the next one when the sentence looks ahead: "will meet … on Friday"),
 * "On May 28th" the last May 28th, "in the past 24 hours" the day before it. Precision is kept.
 */
export function extractDates(text: string, published: string | null): DateMention[] {
  const reference = parseIsoDay(published);
  const out: DateMention[] = [];
  for (const m of text.matchAll(/\b(?:in )?recent (days|weeks|months)\b|\bthis (week|month|year)\b/gi)) {
    const unit = (m[1] ?? m[2]!).toLowerCase().replace(/s$/, '') as 'day' | 'week' | 'month' | 'year';
    const days = { day: 7, week: 31, month: 92, year: 365 }[unit];
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      value: reference ? iso(addDays(reference, -days)) : null,
      until: reference ? iso(reference) : null,
      precision: unit === 'day' ? 'week' : unit === 'week' ? 'month' : unit === 'month' ? 'month' : 'year',
    });
  }
  for (const m of text.matchAll(/\b(?:in )?the (?:past|last) (24|48|72) hours\b|\b(?:in )?the (?:past|last) (few|two|three|several) days\b|\b(?:in )?the (?:past|last) (week|month|year)\b/gi)) {
    if (out.some((d) => m.index < d.end && m.index + m[0].length > d.start)) continue;
    const start = m.index;
    const hours = m[1] ? Number(m[1]) : 0;
    const days = hours ? Math.ceil(hours / 24) : m[2] ? 7 : m[3] === 'week' ? 7 : m[3] === 'month' ? 31 : 365;
    const precision: DatePrecision = hours ? 'day' : m[2] || m[3] === 'week' ? 'week' : m[3] === 'month' ? 'month' : 'year';
    out.push({
      start,
      end: start + m[0].length,
      text: m[0],
      value: reference ? iso(addDays(reference, -days)) : null,
      until: reference ? iso(reference) : null,
      precision,
    });
  }
  for (const r of chronoDates(text, reference ?? new Date(Date.UTC(2000, 0, 1)))) {
    const raw = r.text;
    if (out.some((d) => r.index < d.end && r.index + raw.length > d.start)) continue;
    const start = r.index;
    const end = r.index + raw.length;
    const weekday = WEEKDAY.exec(raw.trim());
    let value: string | null = null;
    let precision: DatePrecision = 'day';
    if (weekday) {
      if (reference) {
        const target = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].indexOf(weekday[2]!.toLowerCase());
        const ahead = FUTURE_BEFORE.test(text.slice(Math.max(0, start - 80), start));
        let d = reference;
        if (ahead) {
          do d = addDays(d, 1);
          while (d.getUTCDay() !== target);
        } else while (d.getUTCDay() !== target) d = addDays(d, -1);
        value = iso(d);
      }
    } else {
      const s = r.start;
      const known = (c: chrono.Component) => s.isCertain(c);
      precision = known('day') ? 'day' : known('month') ? 'month' : 'year';
      if (!known('year') && !known('month') && !known('day')) continue;
      let year = s.get('year')!;
      const month = s.get('month') ?? 1;
      const day = precision === 'day' ? (s.get('day') ?? 1) : 1;
      if (!known('year')) {
        if (!reference) {
          out.push({ start, end, text: raw, value: null, until: null, precision });
          continue;
        }
        // A date without a year is the latest one not after publication.
        year = reference.getUTCFullYear();
        if (Date.UTC(year, month - 1, day) > reference.getTime()) year--;
      }
      value = iso(new Date(Date.UTC(year, month - 1, day)));
    }
    out.push({ start, end, text: raw, value, until: null, precision });
  }
  for (const m of text.matchAll(/\b(?:in|since|until|by|from|of|and|the|early|late|mid)\s+((1[5-9]|20)\d0s|(1[5-9]|20)\d\d)\b/gi)) {
    const token = m[1]!;
    const start = m.index + m[0].length - token.length;
    if (out.some((d) => start < d.end && start + token.length > d.start)) continue;
    const decade = token.endsWith('s');
    out.push({ start, end: start + token.length, text: token, value: `${token.slice(0, 4)}-01-01`, until: null, precision: decade ? 'decade' : 'year' });
  }
  // A date's span is the expression itself: "on Sunday" → "Sunday" (as TimeML and ACE mark them).
  // "The Edmonton Sun, August 16, 2008", "the Baltimore Sun, Jan. 5": a paper named after its town
  // before the date, not a Sunday (the date's day, month and year stay as read).
  for (const d of out) {
    const lead = /^(?:on|in|at|since|by|during|until|from|of)\s+/i.exec(d.text) ?? (PAPER_SUN.test(d.text) && CAPITALISED_WORD_BEFORE.test(text.slice(Math.max(0, d.start - 40), d.start)) ? PAPER_SUN.exec(d.text) : null);
    if (lead) {
      d.start += lead[0].length;
      d.text = d.text.slice(lead[0].length);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
