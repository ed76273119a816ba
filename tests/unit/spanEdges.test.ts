import { describe, expect, it } from 'vitest';
import { shrinkEnd, shrinkStart, stretchEnd, stretchStart, trimSpan, type Span } from '../../electron/contract/spanEdges.js';

/** The span of `quote` in `text` (its first occurrence). */
const spanOf = (text: string, quote: string): Span => {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  return { start, end: start + quote.length };
};
const show = (text: string, s: Span) => text.slice(s.start, s.end);
/** The quotes a series of steps goes through, from `quote`. */
const steps = (text: string, quote: string, ...moves: ((text: string, span: Span) => Span)[]) => {
  let span = spanOf(text, quote);
  return moves.map((move) => show(text, (span = move(text, span))));
};

const SAMPLE = "said Amruddin Wali, a member of the Kunduz provincial council. The Taliban's fighters and Taliban 5 units left; the U.S. and U.N. envoys, Martin Luther King Jr. and Acme Inc. of Main St. were there with Abdul-Rahman al-Amin and O'Brien.";

describe('span edges moved by a word (Shift+→ / Shift+←, with Alt for the start)', () => {
  it('gives the original span back after stretching and shrinking the end (the review\'s cases)', () => {
    expect(steps(SAMPLE, 'Amruddin Wali', stretchEnd, shrinkEnd)).toEqual(['Amruddin Wali, a', 'Amruddin Wali']);
    expect(steps(SAMPLE, 'Taliban', stretchEnd, shrinkEnd)).toEqual(["Taliban's", 'Taliban']);
    expect(steps(SAMPLE, 'Taliban 5', shrinkEnd, stretchEnd)).toEqual(['Taliban', 'Taliban 5']);
    expect(steps(SAMPLE, 'U.S.', stretchEnd, shrinkEnd)).toEqual(['U.S. and', 'U.S.']);
  });

  it('gives the original span back after stretching and shrinking the start', () => {
    expect(steps(SAMPLE, 'Wali', stretchStart, shrinkStart)).toEqual(['Amruddin Wali', 'Wali']);
    expect(steps(SAMPLE, 'fighters', stretchStart, shrinkStart)).toEqual(["'s fighters", 'fighters']);
    expect(steps(SAMPLE, 'and U.N.', shrinkStart, stretchStart)).toEqual(['U.N.', 'and U.N.']);
    expect(steps(SAMPLE, 'Luther King', stretchStart, stretchStart, shrinkStart, shrinkStart)).toEqual([
      'Martin Luther King',
      'envoys, Martin Luther King',
      'Martin Luther King',
      'Luther King',
    ]);
  });

  it('is an inverse pair at every word of a text, both edges, both orders', () => {
    const words = [...SAMPLE.matchAll(/\S+/g)].map((m) => m.index);
    for (const at of words) {
      const one = stretchEnd(SAMPLE, { start: at, end: at }); // the first word from here, as a span
      const out = stretchEnd(SAMPLE, one);
      if (out.end !== one.end) expect(shrinkEnd(SAMPLE, out)).toEqual(one);
      const back = stretchStart(SAMPLE, one);
      if (back.start !== one.start) expect(shrinkStart(SAMPLE, back)).toEqual(one);
      const two = stretchEnd(SAMPLE, one);
      const fewer = shrinkEnd(SAMPLE, two);
      if (fewer.end !== two.end) expect(stretchEnd(SAMPLE, fewer)).toEqual(two);
      const later = shrinkStart(SAMPLE, two);
      if (later.start !== two.start) expect(stretchStart(SAMPLE, later)).toEqual(two);
    }
  });

  it('keeps hyphenated names, inner apostrophes and numbers whole, and takes a possessive as a word of its own', () => {
    expect(steps(SAMPLE, 'with', stretchEnd, stretchEnd, shrinkEnd)).toEqual(['with Abdul-Rahman', 'with Abdul-Rahman al-Amin', 'with Abdul-Rahman']);
    expect(steps(SAMPLE, 'al-Amin and', stretchEnd)).toEqual(["al-Amin and O'Brien"]);
    const curly = 'Ahmad’s men and 1,200 troops';
    expect(steps(curly, 'Ahmad', stretchEnd, stretchEnd, shrinkEnd, shrinkEnd)).toEqual(['Ahmad’s', 'Ahmad’s men', 'Ahmad’s', 'Ahmad']);
    expect(steps(curly, 'and', stretchEnd, stretchEnd)).toEqual(['and 1,200', 'and 1,200 troops']);
  });

  it('keeps the full stop of an abbreviation or an initial, not a sentence\'s', () => {
    expect(steps(SAMPLE, 'King', stretchEnd)).toEqual(['King Jr.']);
    expect(steps(SAMPLE, 'Acme', stretchEnd, stretchEnd)).toEqual(['Acme Inc.', 'Acme Inc. of']);
    expect(steps(SAMPLE, 'Main', stretchEnd)).toEqual(['Main St.']);
    expect(steps(SAMPLE, 'provincial', stretchEnd, stretchEnd)).toEqual(['provincial council', 'provincial council. The']);
    expect(steps('George W. Bush came.', 'George', stretchEnd, stretchEnd, shrinkEnd)).toEqual(['George W.', 'George W. Bush', 'George W.']);
  });

  it('never cuts a word in half: a span of one word stays, and a shrink from inside a word drops all of it', () => {
    expect(steps(SAMPLE, 'Amruddin', shrinkEnd, shrinkStart)).toEqual(['Amruddin', 'Amruddin']);
    expect(steps(SAMPLE, 'Taliban', shrinkEnd, shrinkStart)).toEqual(['Taliban', 'Taliban']);
    expect(steps(SAMPLE, 'Amruddin Wa', shrinkEnd)).toEqual(['Amruddin']);
    expect(steps(SAMPLE, 'ruddin Wali', shrinkStart)).toEqual(['Wali']);
    // An edge inside a word stretches to that word's edge first.
    expect(steps(SAMPLE, 'Amruddin Wa', stretchEnd)).toEqual(['Amruddin Wali']);
    expect(steps(SAMPLE, 'ruddin Wali', stretchStart)).toEqual(['Amruddin Wali']);
  });

  it('moves over one-letter words and punctuation, and stops at the ends of the text', () => {
    const text = 'A man, a plan (a canal) — Panama';
    expect(steps(text, 'A', shrinkStart, stretchStart, stretchEnd, stretchEnd)).toEqual(['A', 'A', 'A man', 'A man, a']);
    expect(steps(text, 'plan', stretchEnd, stretchEnd, shrinkEnd)).toEqual(['plan (a', 'plan (a canal', 'plan (a']);
    expect(steps(text, 'Panama', stretchEnd, stretchStart, stretchStart, shrinkStart)).toEqual(['Panama', 'canal) — Panama', 'a canal) — Panama', 'canal) — Panama']);
    expect(steps('Kabul', 'Kabul', stretchEnd, stretchStart)).toEqual(['Kabul', 'Kabul']);
    expect(steps('Kabul.', 'Kabul', stretchEnd)).toEqual(['Kabul']);
  });
});

describe("the core's trim of a new span", () => {
  const trimmed = (text: string, quote: string) => show(text, trimSpan(text, spanOf(text, quote).start, spanOf(text, quote).end));

  it('keeps the full stop of "U.S.", "U.N.", "Jr.", "Inc.", "St." and an initial', () => {
    expect(trimmed('officials of the U.S. said', 'the U.S. ')).toBe('the U.S.');
    expect(trimmed('sent by the U.N.', 'U.N.')).toBe('U.N.');
    expect(trimmed('Martin Luther King Jr.', 'King Jr.')).toBe('King Jr.');
    expect(trimmed('Acme Inc. and others', 'Acme Inc.')).toBe('Acme Inc.');
    expect(trimmed('on Main St. there', ' Main St.')).toBe('Main St.');
    expect(trimmed('by George W. Bush', 'George W.')).toBe('George W.');
  });

  it('still trims a sentence\'s full stop, spaces, commas and brackets', () => {
    expect(trimmed('They reached Maimana. Then', 'Maimana.')).toBe('Maimana');
    expect(trimmed('said Amruddin Wali, a', ' Amruddin Wali, ')).toBe('Amruddin Wali');
    expect(trimmed('the army (ANA) said', '(ANA)')).toBe('ANA');
    expect(trimmed('It cost 3.5.', '3.5.')).toBe('3.5');
    expect(trimmed('"Taliban."', '"Taliban."')).toBe('Taliban');
  });
});
