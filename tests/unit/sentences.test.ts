import { describe, expect, it } from 'vitest';
import { sentenceAfter, sentenceAt, sentenceRanges } from '../../renderer/state/sentences.js';

const split = (text: string) => sentenceRanges(text).map((s) => text.slice(s.start, s.end));

describe('sentence bounds for the reader\'s "s" key', () => {
  it('ends sentences at full stops, question and exclamation marks, keeping closing quotes', () => {
    expect(split('Gunmen killed 12 villagers near Jos. Residents fled! Who ordered it? "We do not know." Police said.')).toEqual([
      'Gunmen killed 12 villagers near Jos.',
      'Residents fled!',
      'Who ordered it?',
      '"We do not know."',
      'Police said.',
    ]);
  });

  it('does not end a sentence at a rank, a title or an initial', () => {
    expect(split('Gen. Abdul Rashid Dostum met Lt. Col. Ahmad Khan in Maimana. George W. Bush was not there.')).toEqual([
      'Gen. Abdul Rashid Dostum met Lt. Col. Ahmad Khan in Maimana.',
      'George W. Bush was not there.',
    ]);
  });

  it('does not end a sentence at a dotted acronym or inside a number', () => {
    expect(split('U.S. and U.N. officials said 3.5 million people were displaced. Dr. Sima Samar disagreed.')).toEqual([
      'U.S. and U.N. officials said 3.5 million people were displaced.',
      'Dr. Sima Samar disagreed.',
    ]);
  });

  it('reads "No. 3" as a number but "no." as the end of an answer', () => {
    expect(split('Checkpoint No. 3 was attacked. He said no. Then he left.')).toEqual(['Checkpoint No. 3 was attacked.', 'He said no.', 'Then he left.']);
  });

  it('goes on after a stop followed by a lower-case word', () => {
    expect(split('They killed approx. five fighters, the ministry said.')).toEqual(['They killed approx. five fighters, the ministry said.']);
  });

  it('ends a sentence at a line break: headlines and paragraphs of a scraped page', () => {
    expect(split('Taliban retake Kunduz\n\nKUNDUZ – Fighting resumed on Monday. Dozens died.\nShare this')).toEqual([
      'Taliban retake Kunduz',
      'KUNDUZ – Fighting resumed on Monday.',
      'Dozens died.',
      'Share this',
    ]);
  });

  it('finds the sentence around an offset and the one after it', () => {
    const text = 'First one. Second one. Third one.';
    const second = sentenceAt(text, text.indexOf('Second') + 3)!;
    expect(text.slice(second.start, second.end)).toBe('Second one.');
    expect(text.slice(...([sentenceAfter(text, second.end)!.start, sentenceAfter(text, second.end)!.end] as const))).toBe('Third one.');
    // Between two sentences: the next one.
    expect(text.slice(sentenceAt(text, text.indexOf(' Second'))!.start, sentenceAt(text, text.indexOf(' Second'))!.end)).toBe('Second one.');
    expect(sentenceAfter(text, text.length)).toBeNull();
  });
});
