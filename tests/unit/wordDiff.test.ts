import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../renderer/components/wordDiff.js';

const side = (parts: ReturnType<typeof wordDiff>, kind: 'removed' | 'added') =>
  parts
    .filter((p) => p.kind === 'same' || p.kind === kind)
    .map((p) => p.text)
    .join('');

describe('the differences between two copies', () => {
  it('marks the changed words and gives both texts back exactly', () => {
    const before = 'Taliban fighters captured the city on Sunday, officials said.\n\nMore later.';
    const after = 'Taliban militants seized the city on Sunday, officials told reporters.\n\nMore later.';
    const parts = wordDiff(before, after);
    expect(side(parts, 'removed')).toBe(before);
    expect(side(parts, 'added')).toBe(after);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['fighters captured', 'said.']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['militants seized', 'told reporters.']);
  });

  it('shows a cut paragraph as removed and identical texts as one shared part', () => {
    expect(wordDiff('One two.\n\nThree four.', 'One two.\n\n')).toEqual([
      { kind: 'same', text: 'One two.\n\n' },
      { kind: 'removed', text: 'Three four.' },
    ]);
    expect(wordDiff('Same text here.', 'Same text here.')).toEqual([{ kind: 'same', text: 'Same text here.' }]);
  });

  it('compares very long texts paragraph by paragraph', () => {
    const paragraph = (i: number) => `${Array.from({ length: 300 }, (_, k) => `w${i}x${k}`).join(' ')}\n\n`;
    const before = Array.from({ length: 10 }, (_, i) => paragraph(i)).join('');
    const after = Array.from({ length: 10 }, (_, i) => (i === 5 ? 'A new paragraph.\n\n' : paragraph(i))).join('');
    const parts = wordDiff(before, after);
    expect(side(parts, 'removed')).toBe(before);
    expect(side(parts, 'added')).toBe(after);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['A new paragraph.\n\n']);
  });
});
