/**
 * Dates as the standards want them: a date known to the month or the year is the whole month or
 * year, written as an interval with its precision, never collapsed to its first day.
 */
export type DatePrecision = 'day' | 'week' | 'month' | 'year';

export interface Period {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  end: string;
  precision: DatePrecision;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** "2021" → the year, "2021-06" → June, "2021-06-20" (or a timestamp) → that day; null for anything else. */
export function periodOf(date: string | null | undefined): Period | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date?.trim() ?? '');
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d) return { start: `${y}-${mo}-${d}`, end: `${y}-${mo}-${d}`, precision: 'day' };
  if (mo) return { start: `${y}-${mo}-01`, end: `${y}-${mo}-${String(lastDayOfMonth(Number(y), Number(mo))).padStart(2, '0')}`, precision: 'month' };
  return { start: `${y}-01-01`, end: `${y}-12-31`, precision: 'year' };
}

/**
 * An ACLED-coded event's date with its time precision (contract/acled.ts): 1 the day, 2 within a
 * week (the seven days centred on the coded date), 3 within a month (the calendar month).
 */
export function eventPeriod(date: string, timePrecision: number): Period {
  const day = periodOf(date)!;
  if (timePrecision === 3) return { ...periodOf(date.slice(0, 7))!, precision: 'month' };
  if (timePrecision === 2) {
    const t = Date.parse(`${day.start}T00:00:00Z`);
    return { start: iso(new Date(t - 3 * 86_400_000)), end: iso(new Date(t + 3 * 86_400_000)), precision: 'week' };
  }
  return day;
}

/** The first instant of a period (STIX timestamps). */
export const startInstant = (p: Period) => `${p.start}T00:00:00.000Z`;
/** The last instant of a period: a one-day relation runs to the end of its day. */
export const endInstant = (p: Period) => `${p.end}T23:59:59.999Z`;
