import { describe, expect, it } from 'vitest';
import { bodiesOfBodies, bodiesOfPlaces } from '../../electron/services/entities/tagger/possessedBodies.js';
import { readingsAfter, taggedSentence } from './taggedSentence.js';

/** The names after the rule, as "TYPE:words@confidence" (see taggedSentence). */
const bodies = (sentence: string, read: string[]) => readingsAfter((names, tokens) => bodiesOfPlaces(names, tokens), sentence, read);

// Every sentence here is written for these tests; the "before" readings are the shipped tagger's on them.
describe("a body named after a place's possessive", () => {
  it('is an organisation where the tagger read nothing there or doubted another reading', () => {
    // Before: "Kenya" read, "High Court" not at all.
    expect(bodies("Kenya's High Court on Thursday suspended the deal.", ['LOC:Kenya@0.7', 'LOC:Thursday@0.2'])).toEqual(['LOC:Kenya@0.7', 'ORG:High Court@0.7', 'LOC:Thursday@0.2']);
    expect(bodies("Nigeria's Senate passed the bill.", ['LOC:Nigeria@0.9', 'PER:Senate@0.3'])).toEqual(['LOC:Nigeria@0.9', 'ORG:Senate@0.7']);
    expect(bodies("Britain's Competition and Markets Authority opened an inquiry.", ['LOC:Britain@0.8'])).toEqual(['LOC:Britain@0.8', 'ORG:Competition and Markets Authority@0.7']);
    expect(bodies("China's Ministry of Commerce said so.", ['LOC:China@0.8', 'LOC:Commerce@0.3'])).toEqual(['LOC:China@0.8', 'ORG:Ministry of Commerce@0.7']);
  });

  it("leaves a body the tagger read, a sure other reading, words not ending in a body's head, a longer run, and the analyst's names", () => {
    expect(bodies("Russia's Defence Ministry said so.", ['LOC:Russia@0.9', 'ORG:Defence Ministry@0.94'])).toEqual(['LOC:Russia@0.9', 'ORG:Defence Ministry@0.94']);
    expect(bodies("Kenya's High Court ruled.", ['LOC:Kenya@0.9', 'LOC:High Court@0.6'])).toEqual(['LOC:Kenya@0.9', 'LOC:High Court@0.6']);
    expect(bodies("Kenya's Rift Valley was dry.", ['LOC:Kenya@0.9'])).toEqual(['LOC:Kenya@0.9']);
    // A scheme's name is no body's.
    expect(bodies("He joined China's Thousand Talents Program.", ['LOC:China@0.9'])).toEqual(['LOC:China@0.9']);
    expect(bodies("Kenya's High Court Judge Ann Mwangi ruled.", ['LOC:Kenya@0.9'])).toEqual(['LOC:Kenya@0.9']);
    expect(bodies("Obama's Senate years were short.", ['PER:Obama@0.9'])).toEqual(['PER:Obama@0.9']);
    const { tokens, names } = taggedSentence("Kenya's Senate met.", ['LOC:Kenya@0.9', 'PER:Senate@0.3']);
    names[1]!.remembered = true;
    bodiesOfPlaces(names, tokens);
    expect(names.map((n) => n.type)).toEqual(['LOC', 'PER']);
  });
});

describe("a body's part named after the body's possessive", () => {
  const parts = (sentence: string, read: string[]) => readingsAfter(bodiesOfBodies, sentence, read);

  it('is two organisations where the tagger read one', () => {
    // Before: one organisation at 50%.
    expect(parts("The Treasury Department's Office of Foreign Assets Control acted.", ["ORG:Treasury Department 's Office of Foreign Assets Control@0.5"])).toEqual([
      'ORG:Treasury Department@0.5',
      'ORG:Office of Foreign Assets Control@0.5',
    ]);
  });

  it("is so after a body named by its head and what it is of", () => {
    expect(parts("The House of Representatives' Committee on Good Government met.", ["ORG:House of Representatives ' Committee on Good Government@0.66"])).toEqual([
      'ORG:House of Representatives@0.66',
      'ORG:Committee on Good Government@0.66',
    ]);
  });

  it("is so after a plural's apostrophe", () => {
    expect(parts("The Department of Health and Human Services' Office of Inspector General said so.", ["ORG:Department of Health and Human Services ' Office of Inspector General@0.57"])).toEqual([
      'ORG:Department of Health and Human Services@0.57',
      'ORG:Office of Inspector General@0.57',
    ]);
  });

  it("leaves a possessive after no body's head or before no part's head, and the analyst's names", () => {
    expect(parts("The Microsoft's Threat Intelligence Center said so.", ["ORG:Microsoft 's Threat Intelligence Center@0.8"])).toEqual(["ORG:Microsoft 's Threat Intelligence Center@0.8"]);
    expect(parts("The Ministry of Women's Affairs said so.", ["ORG:Ministry of Women 's Affairs@0.8"])).toEqual(["ORG:Ministry of Women 's Affairs@0.8"]);
    const { tokens, names } = taggedSentence("The Treasury Department's Office of Foreign Assets Control acted.", ["ORG:Treasury Department 's Office of Foreign Assets Control@0.5"]);
    names[0]!.remembered = true;
    bodiesOfBodies(names, tokens);
    expect(names).toHaveLength(1);
  });
});
