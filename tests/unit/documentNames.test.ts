import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../electron/services/entities/extract.js';
import { linkAcronyms, spreadSurnames } from '../../electron/services/entities/documentNames.js';

/** Suggestions for the listed names, as the tagger would give them (first occurrence after the previous). */
function suggest(text: string, names: [string, Suggestion['type'], number?][]): Suggestion[] {
  let from = 0;
  return names.map(([name, type, confidence]) => {
    const start = text.indexOf(name, from);
    if (start === -1) throw new Error(`"${name}" is not in the text`);
    from = start + name.length;
    return { start, end: start + name.length, text: name, type, confidence: confidence ?? 0.9, reason: `${type}, read by the name tagger` };
  });
}
const shown = (suggestions: Suggestion[]) => suggestions.sort((a, b) => a.start - b.start).map((s) => `${s.type}:${s.text}@${s.start}`);

describe('an acronym the article defines for an organisation', () => {
  it('names the organisation wherever the article uses it, and takes over a use the tagger typed otherwise', () => {
    const text = 'The Council on American-Islamic Relations (CAIR) condemned it. CAIR said more. A CAIR-led group and CAIRO are other words.';
    const suggestions = suggest(text, [['Council on American-Islamic Relations', 'organisation'], ['CAIR', 'place', 0.4]]);
    suggestions.splice(1, 1); // the definition itself was not read; the second use was read as a place
    suggestions.push({ start: text.indexOf('CAIR said'), end: text.indexOf('CAIR said') + 4, text: 'CAIR', type: 'person', confidence: 0.4, reason: 'person, read by the name tagger' });
    linkAcronyms(text, suggestions);
    expect(shown(suggestions)).toEqual([`organisation:Council on American-Islamic Relations@4`, 'organisation:CAIR@43', `organisation:CAIR@${text.indexOf('CAIR said')}`]);
    expect(suggestions.find((s) => s.start === 43)!.reason).toBe('stands for “Council on American-Islamic Relations”, as the article says');
  });

  it('is defined after the name\'s possessive too', () => {
    const text = "The Department of Environment and Conservation's (DEC) coordinator spoke. DEC said more.";
    const suggestions = suggest(text, [['Department of Environment and Conservation', 'organisation']]);
    linkAcronyms(text, suggestions);
    expect(shown(suggestions)).toEqual(['organisation:Department of Environment and Conservation@4', `organisation:DEC@${text.indexOf('DEC')}`, `organisation:DEC@${text.lastIndexOf('DEC')}`]);
  });

  it('needs the letters to abbreviate the name, and leaves places, dates and the analyst\'s decisions alone', () => {
    const text = 'The Taliban (AP) spoke. AP reported. The National Directorate of Security (NDS) said NDS agents left.';
    const suggestions = suggest(text, [['Taliban', 'group'], ['National Directorate of Security', 'organisation']]);
    const decided: Suggestion = { start: text.lastIndexOf('NDS'), end: text.lastIndexOf('NDS') + 3, text: 'NDS', type: 'person', confidence: 0.95, reason: 'confirmed before in this workspace' };
    suggestions.push(decided);
    linkAcronyms(text, suggestions);
    expect(suggestions.some((s) => s.text === 'AP')).toBe(false);
    expect(decided.type).toBe('person');
    expect(suggestions.filter((s) => s.text === 'NDS').map((s) => s.type)).toEqual(['person', 'organisation']);
  });
});

describe('a surname after the full name', () => {
  it('marks the person where the article later writes the surname alone, not before the full name', () => {
    const text = 'Ghani is a common name. President Ashraf Ghani spoke on Monday. Ghani said the talks would go on; Ghani\'s aides agreed.';
    const suggestions = suggest(text, [['Ashraf Ghani', 'person']]);
    spreadSurnames(text, suggestions);
    const later = [text.indexOf('Ghani said'), text.indexOf("Ghani's")];
    expect(shown(suggestions)).toEqual([`person:Ashraf Ghani@${text.indexOf('Ashraf')}`, ...later.map((at) => `person:Ghani@${at}`)]);
    expect(suggestions.at(-1)!.reason).toBe('Ashraf Ghani by surname, as the article named them earlier');
  });

  it('reads a surname two people share as a person, less surely, naming both', () => {
    const shared = 'Ashraf Ghani and Rula Ghani arrived. Ghani spoke.';
    const b = suggest(shared, [['Ashraf Ghani', 'person'], ['Rula Ghani', 'person']]);
    spreadSurnames(shared, b);
    expect(b.slice(2).map((s) => [s.text, s.type, s.confidence, s.reason])).toEqual([['Ghani', 'person', 0.7, 'a person by surname: Ashraf Ghani or Rula Ghani, whom the article named earlier']]);
  });

  it('leaves a surname that is also a plain word of the article, and one of a doubtful full name', () => {
    const plainWord = 'Marc Rich arrived. Rich said little; the rich stayed away.';
    const a = suggest(plainWord, [['Marc Rich', 'person']]);
    spreadSurnames(plainWord, a);
    expect(a).toHaveLength(1);

    const doubtful = 'Bov Parish lies north. Parish records say so.';
    const c = suggest(doubtful, [['Bov Parish', 'person', 0.45]]);
    spreadSurnames(doubtful, c);
    expect(c).toHaveLength(1);
  });

  it('marks only the surname written as a word of its own: not inside a longer word, a hyphenated name, a link or beside another script’s letter', () => {
    const text = 'Ashraf Ghani spoke. Ghanistan, Al-Ghani, Ghani-Ahmadzai, Ghani.com, AGhani, Ghani2 and 𝐀Ghani are not him; Ghani, (Ghani) and Ghani-2 are.';
    const suggestions = suggest(text, [['Ashraf Ghani', 'person']]);
    spreadSurnames(text, suggestions);
    const found = suggestions.slice(1).map((s) => text.slice(s.start - 1, s.end + 2));
    expect(found).toEqual([' Ghani, ', '(Ghani) ', ' Ghani-2']);
  });

  it('takes over a doubtful place or organisation read at the surname, but not a surer one or the analyst\'s', () => {
    const text = 'Spokesman Andrej Mahecic spoke. According to Mahecic, food ran out. Mahecic said so. Then Mahecic left.';
    const suggestions = suggest(text, [['Andrej Mahecic', 'person', 0.95], ['Mahecic', 'place', 0.44], ['Mahecic', 'organisation', 0.9]]);
    suggestions[1]!.places = [];
    const decided: Suggestion = { start: text.lastIndexOf('Mahecic'), end: text.lastIndexOf('Mahecic') + 7, text: 'Mahecic', type: 'place', confidence: 0.3, reason: 'confirmed before in this workspace' };
    suggestions.push(decided);
    spreadSurnames(text, suggestions);
    expect(suggestions.map((s) => s.type)).toEqual(['person', 'person', 'organisation', 'place']);
    expect(suggestions[1]).toMatchObject({ confidence: 0.8, reason: 'Andrej Mahecic by surname, as the article named them earlier' });
    expect(suggestions[1]!.places).toBeUndefined();
  });

  it('reads an Arabic surname written with its particle in lower case', () => {
    // Written for this test in the style of Syria reporting. Before: "al-Sharaa" an organisation (46%).
    const text = 'President Ahmed al-Sharaa met envoys. The group al-Sharaa led dissolved itself.';
    const suggestions = suggest(text, [['Ahmed al-Sharaa', 'person', 0.95], ['al-Sharaa', 'organisation', 0.46]]);
    spreadSurnames(text, suggestions);
    expect(shown(suggestions)).toEqual(['person:Ahmed al-Sharaa@10', `person:al-Sharaa@${text.lastIndexOf('al-Sharaa')}`]);
  });

  it('does not take a span another suggestion holds', () => {
    const text = 'Hamid Karzai returned. The Karzai Foundation paid.';
    const suggestions = suggest(text, [['Hamid Karzai', 'person'], ['Karzai Foundation', 'organisation']]);
    spreadSurnames(text, suggestions);
    expect(shown(suggestions)).toEqual(['person:Hamid Karzai@0', `organisation:Karzai Foundation@${text.indexOf('Karzai Foundation')}`]);
  });
});
