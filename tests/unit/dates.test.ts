import { describe, expect, it } from 'vitest';
import { showDate, showDateSpan, showDateTime } from '../../renderer/dates.js';

describe('one date format on screen', () => {
  it('shows a day, a month or a year in the analyst’s locale, keeping its precision', () => {
    expect(showDate('2021-06-20', { style: 'local', locale: 'en-GB' })).toBe('20 Jun 2021');
    expect(showDate('2021-06-20', { style: 'local', locale: 'en-US' })).toBe('Jun 20, 2021');
    expect(showDate('2021-06-20', { style: 'local', locale: 'de-DE' })).toBe('20. Juni 2021');
    expect(showDate('2021-06', { style: 'local', locale: 'en-GB' })).toBe('Jun 2021');
    expect(showDate('2021', { style: 'local', locale: 'en-GB' })).toBe('2021');
  });

  it('shows ISO on request, whatever the data holds', () => {
    expect(showDate('2021-06-20', { style: 'iso' })).toBe('2021-06-20');
    expect(showDate('2021-06', { style: 'iso' })).toBe('2021-06');
    // A timestamp's day as written: never moved a day by the time zone.
    expect(showDate('2021-06-21T23:30:00-05:00', { style: 'iso' })).toBe('2021-06-21');
    expect(showDate('2021-06-21T23:30:00-05:00', { style: 'local', locale: 'en-GB' })).toBe('21 Jun 2021');
  });

  it('leaves what is not a date alone, and an absent date empty', () => {
    expect(showDate('Sunday', { style: 'local', locale: 'en-GB' })).toBe('Sunday');
    expect(showDate(null)).toBe('');
    expect(showDate('2021-13-45', { style: 'local', locale: 'en-GB' })).toBe('2021-13-45');
    expect(showDate('2021-02-30', { style: 'local', locale: 'en-GB' })).toBe('2021-02-30');
  });

  it('joins a span, either end open', () => {
    expect(showDateSpan('2021-06', '2021-09-01', { style: 'local', locale: 'en-GB' })).toBe('Jun 2021 – 1 Sept 2021');
    expect(showDateSpan('2021-06', null, { style: 'iso' })).toBe('2021-06');
  });

  it('shows a moment in local time, to the minute or the second', () => {
    const at = new Date(2026, 10, 29, 9, 5, 7).toISOString();
    expect(showDateTime(at, { style: 'iso' })).toBe('2026-11-29 09:05');
    expect(showDateTime(at, { style: 'iso', seconds: true })).toBe('2026-11-29 09:05:07');
    expect(showDateTime(at, { style: 'local', locale: 'en-GB' })).toBe('29 Nov 2026, 09:05');
  });
});
