import { describe, expect, it } from 'vitest';
import type { TaggedName } from '../../electron/services/entities/tagger/decode.js';
import { bodiesOfTheirOwners } from '../../electron/services/entities/tagger/ownedBodies.js';
import { tokenizeSentences } from '../../electron/services/entities/tagger/tokens.js';

const known = new Set(['taliban', 'hezbollah']);
const nations = new Set(['taiwan']);

/** The names after the split, as "TYPE:words", for one sentence the tagger read as one name `whole`. */
function split(sentence: string, whole: string, remembered = false): string[] {
  const tokens = tokenizeSentences(sentence)[0]!;
  const wholeTokens = tokenizeSentences(whole)[0]!;
  const from = tokens.findIndex((t) => t.text === wholeTokens[0]!.text);
  const to = from + wholeTokens.length - 1;
  const names: TaggedName[] = [{ from, to, type: 'ORG', confidence: 0.8, remembered }];
  bodiesOfTheirOwners(names, tokens, (name) => known.has(name.toLowerCase()), (name) => nations.has(name.toLowerCase()));
  return names.map((n) => `${n.type}:${tokens.slice(n.from, n.to + 1).map((t) => t.text).join(' ')}`);
}

describe('a known organisation and its own body, read as one name', () => {
  it('parts the owner from the body its possessive names', () => {
    // Written for this test, in the style of Afghan reporting.
    expect(split("A spokesman for the Taliban's Ministry of Defence said so.", "Taliban's Ministry of Defence")).toEqual(['ORG:Taliban', 'ORG:Ministry of Defence']);
    expect(split("Hezbollah's Executive Council met.", "Hezbollah's Executive Council")).toEqual(['ORG:Hezbollah', 'ORG:Executive Council']);
  });

  it("parts a nation from the body its possessive names, as a place", () => {
    // Written for this test: read as one organisation at 50%.
    expect(split("In Taipei, Taiwan's Mainland Affairs Council said so.", "Taiwan's Mainland Affairs Council")).toEqual(['LOC:Taiwan', 'ORG:Mainland Affairs Council']);
  });

  it("leaves an owner no lexicon knows, a possessive before no head word, and the analyst's names", () => {
    expect(split("McDonald's Corporation said so.", "McDonald's Corporation")).toEqual(["ORG:McDonald 's Corporation"]);
    expect(split("The Taliban's Kandahar Shura met.", "Taliban's Kandahar Shura")).toEqual(["ORG:Taliban 's Kandahar Shura"]);
    expect(split("A spokesman for the Taliban's Ministry of Defence said so.", "Taliban's Ministry of Defence", true)).toEqual(["ORG:Taliban 's Ministry of Defence"]);
  });
});
