import { describe, expect, it } from 'vitest';
import type { Mention } from '../../electron/contract/index.js';
import { leastSureFirst, nextLeastSure, sureAtLeast } from '../../renderer/state/leastSure.js';

const mention = (id: number, start: number, confidence: number | null, status: Mention['status'] = 'suggested'): Mention => ({
  id,
  articleId: 1,
  start,
  end: start + 4,
  quote: `m${id}`,
  type: 'person',
  status,
  origin: 'auto',
  entityId: null,
  entityName: null,
  confidence,
  reason: null,
  date: null,
  candidates: [],
  adjectival: false,
  place: null,
});

const mentions = [mention(1, 0, 0.9), mention(2, 10, 0.4), mention(3, 20, null), mention(4, 30, 0.4), mention(5, 40, 0.1, 'accepted'), mention(6, 50, 0.95)];

describe('reviewing the least sure suggestions first', () => {
  it('orders suggestions by confidence, then by place in the text; decided ones and rule-made ones last or out', () => {
    expect(leastSureFirst(mentions).map((m) => m.id)).toEqual([2, 4, 1, 6, 3]);
  });

  it('steps through that order from the selection, and starts again after the last', () => {
    expect(nextLeastSure(mentions, null)?.id).toBe(2);
    expect(nextLeastSure(mentions, 2)?.id).toBe(4);
    expect(nextLeastSure(mentions, 4)?.id).toBe(1);
    expect(nextLeastSure(mentions, 3)?.id).toBe(2);
    // A decided mention selected: the least sure suggestion.
    expect(nextLeastSure(mentions, 5)?.id).toBe(2);
    expect(nextLeastSure([mention(5, 0, 0.1, 'accepted')], null)).toBeNull();
  });

  it('counts what an accept above a confidence would take', () => {
    expect(sureAtLeast(mentions, 0.9)).toBe(2);
    expect(sureAtLeast(mentions, 0.4)).toBe(4);
    expect(sureAtLeast(mentions, 0)).toBe(4);
    expect(sureAtLeast(mentions, 0.96)).toBe(0);
  });
});
