import { describe, expect, it } from 'vitest';
import { namesEndingAtTheirLegalForm } from '../../electron/services/entities/tagger/legalFormEnds.js';
import { readingsAfter, taggedSentence } from './taggedSentence.js';

/** The names after the rule, as "TYPE:words@confidence" (see taggedSentence). */
const cut = (sentence: string, read: string[]) => readingsAfter(namesEndingAtTheirLegalForm, sentence, read);

// Every sentence here is written for these tests; the "before" readings are the shipped tagger's on them.
describe("a name running on past a company's legal form", () => {
  it('is the company, and the name after it where two capitalised words or more follow', () => {
    // Before: "Walt Disney Co. Cillian Murphy" a person (33%), "Pfizer Inc. Shares" an organisation (81%).
    expect(cut('It is a unit of Walt Disney Co. Cillian Murphy thanked Cork.', ['PER:Walt Disney Co. Cillian Murphy@0.33', 'LOC:Cork@0.82'])).toEqual([
      'ORG:Walt Disney Co.@0.33',
      'PER:Cillian Murphy@0.33',
      'LOC:Cork@0.82',
    ]);
    expect(cut('The drug was bought by Pfizer Inc. Shares rose.', ['ORG:Pfizer Inc. Shares@0.81'])).toEqual(['ORG:Pfizer Inc.@0.81']);
  });

  it("leaves a form closing the name, an office after it, a form without its dot and the analyst's names", () => {
    expect(cut('Sony Corp. said so.', ['ORG:Sony Corp.@0.41'])).toEqual(['ORG:Sony Corp.@0.41']);
    expect(cut('Sony Corp. Chief Executive said so.', ['ORG:Sony Corp. Chief Executive@0.41'])).toEqual(['ORG:Sony Corp.@0.41']);
    expect(cut('Kuwait Petroleum Corp Chairman spoke.', ['ORG:Kuwait Petroleum Corp Chairman@0.5'])).toEqual(['ORG:Kuwait Petroleum Corp Chairman@0.5']);
    const { tokens, names } = taggedSentence('Walt Disney Co. Cillian Murphy spoke.', ['PER:Walt Disney Co. Cillian Murphy@0.33']);
    names[0]!.remembered = true;
    namesEndingAtTheirLegalForm(names, tokens);
    expect(names).toHaveLength(1);
  });
});
