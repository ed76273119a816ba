import { describe, expect, it } from 'vitest';
import { snippetOf } from '../../db/snippet.js';

const show = (s: string) => s.replaceAll('\u0002', '[').replaceAll('\u0003', ']');

describe('snippetOf (the snippet of a prefix search)', () => {
  it('marks each word the prefix finds, in the window of fourteen words that holds the most of them', () => {
    const body =
      'Early on Monday the market opened late. Residents queued for bread and fuel. ' +
      'The governor said the government would reinforce the city, and the governor’s office confirmed it. ' +
      'Later the roads were closed by the police and nobody could leave.';
    expect(show(snippetOf(body, '"gover"*'))).toBe('…The [governor] said the [government] would reinforce the city, and the [governor]’s office…');
  });

  it('marks a phrase and a word of an AND search, and leaves out operators', () => {
    const body = 'Fighting near the provincial capital went on as Taliban fighters entered the city from the south.';
    expect(show(snippetOf(body, '"provincial capital" AND talib*'))).toBe(
      'Fighting near the [provincial capital] went on as [Taliban] fighters entered the city from…',
    );
  });

  it('begins at the start of a short text and adds no ellipsis where nothing was left out', () => {
    expect(show(snippetOf('Governors met in Kabul.', 'gov*'))).toBe('[Governors] met in Kabul.');
  });

  it('gives the opening words when the hit is elsewhere (the title) and the text when it is empty', () => {
    const body = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen';
    expect(show(snippetOf(body, 'kabul*'))).toBe('one two three four five six seven eight nine ten eleven twelve thirteen fourteen…');
    expect(snippetOf('', 'kabul*')).toBe('');
  });

  it('finds the hits of a text of hundreds of pages, reading words only around them', () => {
    const body = `${'Nothing happened that day. '.repeat(40_000)}The governor spoke to the council at noon. ${'Nothing happened that day. '.repeat(10)}`;
    expect(show(snippetOf(body, 'govern*'))).toBe('…day. Nothing happened that day. The [governor] spoke to the council at noon. Nothing…');
  });
});
