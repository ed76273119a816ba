import { describe, expect, it } from 'vitest';
import { bagOf, documentText, goldMentions } from '../../scripts/evalDocuments.js';

describe('a labelled corpus document read as an article, for the per-document score', () => {
  const sentences = [
    { words: ['Afghan', 'President', 'Hamid', 'Karzai', "'s", 'office', '(', 'in', 'Kabul', ')', 'said', ',', '"', 'no', '.', '"'], tags: ['B-GRP', 'O', 'B-PER', 'I-PER', 'O', 'O', 'O', 'O', 'B-LOC', 'O', 'O', 'O', 'O', 'O', 'O', 'O'] },
    { words: ['The', 'U.N.', 'agreed', '.'], tags: ['O', 'B-ORG', 'O', 'O'] },
  ];

  it('prints the words as news does, a sentence per line, keeping each word\'s offsets', () => {
    const { text, offsets } = documentText(sentences);
    expect(text.split('\n')[0]).toBe('Afghan President Hamid Karzai\'s office (in Kabul) said, " no. "');
    expect(text.split('\n')[1]).toBe('The U.N. agreed.');
    sentences.forEach((s, k) => s.words.forEach((w, i) => expect(text.slice(offsets[k]![i]!.start, offsets[k]![i]!.end)).toBe(w)));
  });

  it('bags the distinct person, organisation and place names with their type, leaving nationality groups out', () => {
    const { text, offsets } = documentText(sentences);
    expect([...bagOf(text, goldMentions(sentences, offsets))].sort()).toEqual(['LOC\tkabul', 'ORG\tu n', 'PER\thamid karzai']);
  });
});
