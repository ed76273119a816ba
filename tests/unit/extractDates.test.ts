import { describe, expect, it } from 'vitest';
import { extractDates } from '../../electron/services/entities/dates.js';

describe('dates in news text', () => {
  it('reads numeric dates but not runs of numbers that look like them', () => {
    // Written for this test: bowling figures in a cricket scoreboard, a telephone number, and three dates.
    const text = 'Pakistan bowling: Wasim Akram 20-5-60-2, Waqar Younis 18-2-71-3. Call 020-7250-1122. Talks on 12/05/1996, 1996-08-22 and 5-6 June.';
    const found = extractDates(text, '1996-08-30').map((d) => d.text);
    expect(found).toEqual(['12/05/1996', '1996-08-22', '5-6 June']);
  });

  it('leaves a paper named Sun out of the date after it, and keeps a Sunday written so', () => {
    // Written for this test: a citation line, and a date that opens with its weekday.
    const cited = extractDates('First reported by the Baltimore Sun, Jan. 5, 2009, and the Edmonton Sun, August 16, 2008.', '2009-02-01');
    expect(cited.map((d) => [d.text, d.value])).toEqual([
      ['Jan. 5, 2009', '2009-01-05'],
      ['August 16, 2008', '2008-08-16'],
    ]);
    expect(extractDates('The market opened on Sun, August 17, 2008.', '2009-02-01').map((d) => d.text)).toEqual(['Sun, August 17, 2008']);
  });
});
