import { useSyncExternalStore } from 'react';

/**
 * Every date on screen, in one format: the analyst's own (the system's locale: "20 Jun 2021",
 * "Jun 20, 2021"…) unless they ask for ISO ("2021-06-20"), the form the data is written in. The
 * choice is the analyst's, not the workspace's, so it is kept in this browser profile.
 */
export type DateStyle = 'local' | 'iso';

const KEY = 'awb.dateStyle';
const listeners = new Set<() => void>();

function stored(): DateStyle {
  try {
    return localStorage.getItem(KEY) === 'iso' ? 'iso' : 'local';
  } catch {
    return 'local';
  }
}

let current: DateStyle = typeof localStorage === 'undefined' ? 'local' : stored();

export const dateStyle = (): DateStyle => current;

export function setDateStyle(style: DateStyle): void {
  current = style;
  localStorage.setItem(KEY, style);
  listeners.forEach((l) => l());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The date style, re-rendering the component when the analyst changes it. */
export const useDateStyle = (): DateStyle => useSyncExternalStore(subscribe, dateStyle);

interface Options {
  style?: DateStyle;
  /** The locale for "local" (default: the system's). */
  locale?: string;
  /** For a moment: to the second (the history, where several changes share a minute). */
  seconds?: boolean;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/**
 * A date as the data holds it, with its own precision: a day ("2021-06-20", or the day of a
 * timestamp as written, never shifted by time zone), a month ("2021-06") or a year ("2021").
 * Anything else is shown as it is.
 */
export function showDate(value: string | null | undefined, { style = current, locale }: Options = {}): string {
  if (!value) return '';
  const parts = PARTIAL.exec(value);
  if (!parts) return value;
  const [, year, month, day] = parts;
  if (style === 'iso' || !month) return [year, month, day].filter(Boolean).join('-');
  const at = new Date(Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1));
  // "2021-13-45" is no date: shown as written rather than rolled over into another one.
  if (at.getUTCMonth() !== Number(month) - 1 || (day && at.getUTCDate() !== Number(day))) return value;
  return new Intl.DateTimeFormat(locale, day ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } : { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(at);
}

/** A span of dates ("2021-06 – 2021-09"); either end may be open. */
export function showDateSpan(from: string | null | undefined, to: string | null | undefined, options: Options = {}): string {
  return [showDate(from, options), showDate(to, options)].filter(Boolean).join(' – ');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment (an import, a change in the history), in the analyst's time zone, to the minute. */
export function showDateTime(iso: string | null | undefined, { style = current, locale, seconds = false }: Options = {}): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  if (style === 'iso') return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}${seconds ? `:${pad(at.getSeconds())}` : ''}`;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) }).format(at);
}

/**
 * Days the core writes into its sentences ("The event date 2021-06-20 is after …", a history
 * label "Code an event (armed clash, 2021-06-20)"), in the analyst's format. Only a whole day
 * standing as a word is one: a file name ("report-2021-06-20.pdf") or a timestamp keeps its own,
 * and so does a quoted name (an article titled “2021-06-20 raid”).
 */
export function showDatesIn(text: string, options: Options = {}): string {
  return text
    .split(/(“[^”]*”|"[^"]*")/u)
    .map((part, i) => (i % 2 ? part : part.replace(/(?<![\p{L}\p{N}/._-])(\d{4}-\d{2}-\d{2})(?![\p{L}\p{N}/_-]|[.:]\d|\.[\p{L}])/gu, (day) => showDate(day, options))))
    .join('');
}

/** Today as the data writes a day (the analyst's calendar day, not UTC's): what a new event is dated. */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
