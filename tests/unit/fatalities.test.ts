import { describe, expect, it } from 'vitest';
import { proposeFatalities, readCasualties, readFatalities } from '../../electron/services/events/fatalities.js';

describe('fatality figures, read conservatively', () => {
  it('reads numbers, words and qualifiers', () => {
    expect(readFatalities('the Taliban recently killed more than 20 of the government’s most elite forces').figure).toBe(20);
    expect(readFatalities('killing at least 12 soldiers').figure).toBe(12);
    expect(readFatalities('Artillery fire killed five civilians').figure).toBe(5);
    expect(readFatalities('twenty-three people died').figure).toBe(23);
    expect(readFatalities('1,200 bodies were found').figure).toBe(1200);
  });

  it('counts vague quantities the ACLED way', () => {
    expect(readFatalities('dozens of people were killed').figure).toBe(12);
    expect(readFatalities('several civilians were killed').figure).toBe(3);
    expect(readFatalities('hundreds dead after the bombing').figure).toBe(100);
    expect(readFatalities('a soldier and his wife were killed').figure).not.toBeNull();
  });

  it('ignores quotes that report no deaths', () => {
    expect(readFatalities('dozens of government forces surrendered after running out of ammunition').figure).toBeNull();
  });

  it('proposes the lowest credible figure when reports conflict', () => {
    const { proposal, readings } = proposeFatalities(['Officials said 14 people were killed.', 'Residents said dozens were killed.', 'Police said 9 people died.']);
    expect(proposal).toBe(9);
    expect(readings.map((r) => r.figure)).toEqual([14, 12, 9]);
  });

  it('never counts the wounded, missing, displaced or arrested as dead', () => {
    const un = readFatalities('At least 40 civilians were killed and more than 118 wounded when a suicide bomber struck a crowded market in Kabul on Sunday, the United Nations said.');
    expect(un.figure).toBe(40);
    expect(un.others).toEqual([{ kind: 'wounded', figure: 118, phrase: 'more than 118 wounded', reading: 'more than 118 → 118' }]);
    expect(readFatalities('Dozens of people were wounded and five killed.').figure).toBe(5);
    expect(readFatalities('The blast killed 5 and wounded 30, according to police.').figure).toBe(5);
    expect(readFatalities('leaving 7 dead and 20 injured').figure).toBe(7);
    expect(readFatalities('Five people were injured in the blast.').figure).toBeNull();
    expect(readCasualties('About 2,000 people were displaced and 14 are missing.')).toEqual({
      killed: [],
      others: [
        { kind: 'displaced', figure: 2000, phrase: 'About 2,000 people were displaced', reading: 'about 2,000 → 2000' },
        { kind: 'missing', figure: 14, phrase: '14 are missing', reading: '14 → 14' },
      ],
    });
    expect(readCasualties('Police arrested 45 protesters on 12 March in the capital.').others.map((c) => [c.kind, c.figure])).toEqual([['arrested', 45]]);
  });

  it('reads death tolls, ranges, sums and parts the way ACLED counts them', () => {
    expect(readFatalities("The death toll from Tuesday's car bombing in Mogadishu rose to 25, health officials said.").figure).toBe(25);
    expect(readFatalities('Between 10 and 15 soldiers were killed in the ambush.').figure).toBe(10);
    expect(readFatalities('10-15 people were killed').figure).toBe(10);
    expect(readFatalities('Two soldiers and three civilians were killed.').figure).toBe(5);
    expect(readFatalities('killing 12 soldiers and 3 civilians').figure).toBe(15);
    expect(readFatalities('At least 40 people, including 12 children, were killed.').figure).toBe(40);
    expect(readFatalities('Forty-one people were killed, officials said.').figure).toBe(41);
    expect(readFatalities('The attack in 2019 killed 150 people aged 12 to 60.').figure).toBe(150);
    expect(readFatalities('No one was killed in the attack, which wounded six.').figure).toBeNull();
    expect(readFatalities('A policeman was killed and two others were injured.').figure).toBe(1);
  });
});
