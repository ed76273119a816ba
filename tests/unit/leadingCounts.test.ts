import { describe, expect, it } from 'vitest';
import type { TaggedName } from '../../electron/services/entities/tagger/decode.js';
import { withoutLeadingCounts } from '../../electron/services/entities/tagger/leadingCounts.js';
import { tokenizeSentences } from '../../electron/services/entities/tagger/tokens.js';

const known = new Set(["people's liberation army", 'hamas']);

/** The name the tagger read as `whole` after the rule, as its words. */
function trimmed(sentence: string, whole: string, remembered = false): string {
  const tokens = tokenizeSentences(sentence)[0]!;
  const words = tokens.map((t) => t.text);
  const first = words.indexOf(whole.split(' ')[0]!);
  const last = first + tokenizeSentences(whole)[0]!.length - 1;
  const names: TaggedName[] = [{ from: first, to: last, type: 'ORG', confidence: 0.5, remembered }];
  // As the extractor's: a known name, or one closed by a head word.
  withoutLeadingCounts(names, tokens, (name) => known.has(name.toLowerCase()) || / (?:Army|Brigade)$/.test(name));
  return sentence.slice(tokens[names[0]!.from]!.start, tokens[names[0]!.to]!.end);
}

describe('a count opening a name', () => {
  it('is left out of a name it counts', () => {
    // Written for this test, in the style of Taiwan reporting.
    expect(trimmed("In all, 30 People's Liberation Army aircraft crossed.", "30 People's Liberation Army")).toBe("People's Liberation Army");
    expect(trimmed('Israel said 12 Hamas fighters were killed.', '12 Hamas')).toBe('Hamas');
  });

  it("stays in a formation's name, a name of its own, and the analyst's names", () => {
    expect(trimmed('Royal Marines of 3 Commando Brigade landed.', '3 Commando Brigade')).toBe('3 Commando Brigade');
    expect(trimmed('The band 98 Degrees played.', '98 Degrees')).toBe('98 Degrees');
    expect(trimmed('Israel said 12 Hamas fighters were killed.', '12 Hamas', true)).toBe('12 Hamas');
  });
});
