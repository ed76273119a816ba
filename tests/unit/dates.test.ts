import { describe, expect, it } from 'vitest';
import { selectionLabel } from '../../renderer/components/SelectionBar.js';
import { showDate, showDatesIn, showDateSpan, showDateTime, today } from '../../renderer/dates.js';

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

  it('writes the days in the core’s sentences the same way, but not those inside a file name or a timestamp', () => {
    const gb = { style: 'local', locale: 'en-GB' } as const;
    expect(showDatesIn('The event date 2021-06-20 is after the publication of "Kunduz" (2021-06-19).', gb)).toBe(
      'The event date 20 Jun 2021 is after the publication of "Kunduz" (19 Jun 2021).',
    );
    expect(showDatesIn('Code an event (armed clash, 2021-06-20)', gb)).toBe('Code an event (armed clash, 20 Jun 2021)');
    expect(showDatesIn('on 2021-06-20.', gb)).toBe('on 20 Jun 2021.');
    expect(showDatesIn('Could not write /tmp/report-2021-06-20.pdf', gb)).toBe('Could not write /tmp/report-2021-06-20.pdf');
    expect(showDatesIn('report 2021-06-20.pdf, at 2021-06-20T10:00', gb)).toBe('report 2021-06-20.pdf, at 2021-06-20T10:00');
    expect(showDatesIn('The event date 2021-06-20 is late.', { style: 'iso' })).toBe('The event date 2021-06-20 is late.');
    // A name quoted in the sentence is the analyst's own text.
    expect(showDatesIn('Delete article “2021-06-20 raid” (2021-06-21)', gb)).toBe('Delete article “2021-06-20 raid” (21 Jun 2021)');
    expect(showDatesIn('after the publication of "Raid of 2021-06-20" (2021-06-21).', gb)).toBe('after the publication of "Raid of 2021-06-20" (21 Jun 2021).');
  });

  it('names a selected event by its day in the analyst’s format', () => {
    // No ISO asked for here: the label’s day is the locale’s, as every other date on screen.
    const day = showDate('2021-06-20');
    expect(day).not.toBe('2021-06-20');
    expect(selectionLabel({ label: 'armed clash in Maymana', labelDate: '2021-06-20' })).toBe(`${day} armed clash in Maymana`);
    expect(selectionLabel({ label: 'Taliban', labelDate: null })).toBe('Taliban');
  });

  it('dates a new event on the analyst’s calendar day, not UTC’s', () => {
    expect(today(new Date(2021, 5, 20, 0, 30))).toBe('2021-06-20');
    expect(today(new Date(2021, 5, 20, 23, 59))).toBe('2021-06-20');
  });
});
