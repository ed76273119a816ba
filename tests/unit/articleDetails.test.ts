import { describe, expect, it } from 'vitest';
import { detailsPatch, mergeDetails, type DetailsDraft } from '../../renderer/state/articleDetails.js';

const base: DetailsDraft = {
  title: 'Taliban enter Kunduz',
  source: 'Pajhwok',
  url: '',
  author: '',
  published: '2021-06-21',
  dateline: 'KUNDUZ',
  reliability: '',
  credibility: '',
};

describe('the reader saves only what the analyst changed, and only what is valid', () => {
  it('sends a changed grading and a changed field, nothing else', () => {
    const { patch, errors } = detailsPatch({ ...base, reliability: 'B', credibility: '2', source: 'Example Wire ' }, base);
    expect(patch).toEqual({ reliability: 'B', credibility: 2, source: 'Example Wire' });
    expect(errors).toEqual({});
  });

  it('clears a field emptied by the analyst', () => {
    expect(detailsPatch({ ...base, dateline: '  ' }, base).patch).toEqual({ dateline: null });
  });

  it('holds back an invalid edit with its reason, without holding back a valid one', () => {
    const { patch, errors } = detailsPatch({ ...base, published: '21 June', reliability: 'C', title: ' ' }, base);
    expect(patch).toEqual({ reliability: 'C' });
    expect(errors.published).toBe('Use a date like 2021-06-20');
    expect(errors.title).toBe('A title cannot be empty');
  });

  it('keeps unsaved edits when a fresh copy arrives, and takes the rest from it', () => {
    const draft = { ...base, author: 'S. Ahmadi', reliability: 'B' };
    const saved = { ...base, reliability: 'B' };
    const fresh = { ...base, reliability: 'B', dateline: 'KABUL' };
    expect(mergeDetails(draft, saved, fresh)).toEqual({ ...base, author: 'S. Ahmadi', reliability: 'B', dateline: 'KABUL' });
  });

  it('does not eat the space the analyst is typing when the saved copy comes back trimmed', () => {
    const draft = { ...base, source: 'Example ' };
    expect(mergeDetails(draft, draft, { ...base, source: 'Example' }).source).toBe('Example ');
  });
});
