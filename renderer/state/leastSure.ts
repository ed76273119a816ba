import type { Mention } from '../../electron/contract/index.js';

/**
 * The article's suggestions in the order to review them, the model's least sure first (then in the
 * text's order). One with no confidence (a rule's, not the tagger's) counts as sure.
 */
export function leastSureFirst(mentions: readonly Mention[]): Mention[] {
  return mentions.filter((m) => m.status === 'suggested').sort((a, b) => (a.confidence ?? 1) - (b.confidence ?? 1) || a.start - b.start || a.id - b.id);
}

/** The suggestion to review after `selectedId` in that order: the least sure when none (or no suggestion) is selected, the first again after the last. */
export function nextLeastSure(mentions: readonly Mention[], selectedId: number | null): Mention | null {
  const order = leastSureFirst(mentions);
  const at = order.findIndex((m) => m.id === selectedId);
  return order[at + 1] ?? order[0] ?? null;
}

/** How many of the article's suggestions an accept at `minConfidence` (0–1) would take: those at or above it. */
export function sureAtLeast(mentions: readonly Mention[], minConfidence: number): number {
  return mentions.filter((m) => m.status === 'suggested' && m.confidence !== null && m.confidence >= minConfidence).length;
}
