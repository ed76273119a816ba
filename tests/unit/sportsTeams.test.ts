import { describe, expect, it } from 'vitest';
import { isSportsText } from '../../electron/services/entities/tagger/sportsTeams.js';

describe('a text that reads as sport', () => {
  it('has a score or result lines, and words of games', () => {
    expect(isSportsText('Barcelona beat Real Madrid 2-1 in the league on Sunday; both goals were scored after half-time.')).toBe(true);
    expect(isSportsText('Standings after the weekend matches:\nNewcastle 4 3 1 0 9 3 10\nAston Villa 4 3 0 1 7 4 9\nThe league resumes in a fortnight; the cup draw is on Monday.')).toBe(true);
  });

  it('is not news that only shares a word or a number with it', () => {
    // Words of games without a score: "the goal of the talks", "a coach", "the death penalty".
    expect(isSportsText('The goal of the talks, officials said, was a truce. A coach carrying pilgrims was stopped; the death penalty was debated.')).toBe(false);
    // A date is not a score (a range, "10-15 delegates", would be: the words must then agree).
    expect(isSportsText('On 1996-08-25 the league of tribal elders met; delegates said the match of views was a goal in itself.')).toBe(false);
    // Numbers and a "beat" without the rest.
    expect(isSportsText('Police beat protesters in Kabul; the vote was 52-48.')).toBe(false);
  });
});
