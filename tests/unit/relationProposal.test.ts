import { describe, expect, it } from 'vitest';
import { proposeRelation, type NamedSpan } from '../../renderer/state/relationProposal.js';

type Named = [quote: string, type: NamedSpan['type'], entity?: string];

/** The whole sentence as evidence, each quoted name annotated (the n-th occurrence with "quote#n"), one entity per distinct name. */
function propose(sentence: string, names: Named[]) {
  const ids = new Map<string, number>();
  const spans = names.map(([quote, type, entity]) => {
    const [text, nth] = quote.split('#') as [string, string | undefined];
    let start = -1;
    for (let n = 0; n < Number(nth ?? 1); n++) start = sentence.indexOf(text, start + 1);
    if (start === -1) throw new Error(`"${text}" is not in "${sentence}"`);
    const name = entity ?? text;
    if (!ids.has(name)) ids.set(name, ids.size + 1);
    return { entityId: ids.get(name)!, name, type, start, end: start + text.length };
  });
  const p = proposeRelation(sentence, { start: 0, end: sentence.length }, spans);
  return [p.source?.name ?? null, p.type, p.target?.name ?? null];
}

describe('proposing a relation from its evidence sentence', () => {
  it('"his spokesman": the spokesman speaks for the one named before, never for a place (the Dostum → Türkiye report)', () => {
    expect(
      propose('Dostum, who returned from Türkiye last week, will lead the operation himself, his spokesman, Ehsan Niro, told reporters.', [
        ['Dostum', 'person'],
        ['Türkiye', 'place'],
        ['Ehsan Niro', 'person'],
      ]),
    ).toEqual(['Ehsan Niro', 'spokesman for', 'Dostum']);
  });

  it('"a spokesman for": the person before speaks for the one after', () => {
    expect(
      propose('Ehsan Niro, a spokesman for Gen. Abdul Rashid Dostum, said the fighters had left Maimana.', [
        ['Ehsan Niro', 'person'],
        ['Abdul Rashid Dostum', 'person'],
        ['Maimana', 'place'],
      ]),
    ).toEqual(['Ehsan Niro', 'spokesman for', 'Abdul Rashid Dostum']);
  });

  it('"<group> spokesman <person>": the person after the cue speaks for the name that qualifies it', () => {
    expect(
      propose('Taliban spokesman Zabihullah Mujahid said on Twitter that the group had taken Kunduz.', [
        ['Taliban', 'organisation'],
        ['Zabihullah Mujahid', 'person'],
        ['Kunduz', 'place'],
      ]),
    ).toEqual(['Zabihullah Mujahid', 'spokesman for', 'Taliban']);
  });

  it('"<person>, the ministry\'s spokesman": the person before, for the possessive owner', () => {
    expect(
      propose("Rohullah Ahmadzai, the Ministry of Defence's spokesman, denied the report in Kabul.", [
        ['Rohullah Ahmadzai', 'person'],
        ['Ministry of Defence', 'organisation'],
        ['Kabul', 'place'],
      ]),
    ).toEqual(['Rohullah Ahmadzai', 'spokesman for', 'Ministry of Defence']);
  });

  it('"a spokesman for <org>, <person>": the person after the organisation', () => {
    expect(
      propose('A spokesman for the Kunduz police, Inamuddin Rahmani, said three officers were wounded.', [
        ['Kunduz police', 'organisation'],
        ['Inamuddin Rahmani', 'person'],
      ]),
    ).toEqual(['Inamuddin Rahmani', 'spokesman for', 'Kunduz police']);
  });

  it('"leader of" and "<group> leader <person>"', () => {
    expect(
      propose('Hibatullah Akhundzada, the leader of the Taliban, has not been seen in public since 2016.', [
        ['Hibatullah Akhundzada', 'person'],
        ['Taliban', 'organisation'],
      ]),
    ).toEqual(['Hibatullah Akhundzada', 'leader of', 'Taliban']);
    expect(
      propose('Jamiat commander Mohammad Atta Noor arrived in Mazar-i-Sharif on Sunday.', [
        ['Jamiat', 'organisation'],
        ['Mohammad Atta Noor', 'person'],
        ['Mazar-i-Sharif', 'place'],
      ]),
    ).toEqual(['Mohammad Atta Noor', 'leader of', 'Jamiat']);
  });

  it('"head of" links a person to the body he heads, skipping the place between', () => {
    expect(
      propose('Abdul Jabbar Qahraman, head of the Helmand provincial council in Lashkar Gah, said the road was closed.', [
        ['Abdul Jabbar Qahraman', 'person'],
        ['Helmand provincial council', 'organisation'],
        ['Lashkar Gah', 'place'],
      ]),
    ).toEqual(['Abdul Jabbar Qahraman', 'leader of', 'Helmand provincial council']);
  });

  it('"member of"', () => {
    expect(
      propose('Qari Salahuddin Ayoubi, a member of the Taliban, was killed in an airstrike in Kunduz province.', [
        ['Qari Salahuddin Ayoubi', 'person'],
        ['Taliban', 'organisation'],
        ['Kunduz', 'place'],
      ]),
    ).toEqual(['Qari Salahuddin Ayoubi', 'member of', 'Taliban']);
  });

  it('"allied with" and "an ally of"', () => {
    expect(
      propose('The Islamic Movement of Uzbekistan, long allied with the Taliban, pledged loyalty to Islamic State in 2015.', [
        ['Islamic Movement of Uzbekistan', 'organisation'],
        ['Taliban', 'organisation'],
        ['Islamic State', 'organisation'],
      ]),
    ).toEqual(['Islamic Movement of Uzbekistan', 'allied with', 'Taliban']);
    expect(
      propose('Junbish, an ally of Jamiat-e Islami in the north, withdrew its fighters.', [
        ['Junbish', 'organisation'],
        ['Jamiat-e Islami', 'organisation'],
      ]),
    ).toEqual(['Junbish', 'allied with', 'Jamiat-e Islami']);
  });

  it('"clashed with", "fought" and "clashes between"', () => {
    expect(
      propose('Afghan security forces clashed with Taliban fighters near Kunduz city on Monday.', [
        ['Afghan security forces', 'organisation'],
        ['Taliban', 'organisation'],
        ['Kunduz', 'place'],
      ]),
    ).toEqual(['Afghan security forces', 'fights against', 'Taliban']);
    expect(
      propose('Fighters loyal to Dostum fought the Taliban for two days in Faryab.', [
        ['Dostum', 'person'],
        ['Taliban', 'organisation'],
        ['Faryab', 'place'],
      ]),
    ).toEqual(['Dostum', 'fights against', 'Taliban']);
    expect(
      propose('Heavy clashes between the Taliban and government forces were reported in Baghlan.', [
        ['Taliban', 'organisation'],
        ['government forces', 'organisation'],
        ['Baghlan', 'place'],
      ]),
    ).toEqual(['Taliban', 'fights against', 'government forces']);
  });

  it('"based in" is the one cue that may end at a place', () => {
    expect(
      propose('The Haqqani network, based in North Waziristan, claimed the attack.', [
        ['Haqqani network', 'organisation'],
        ['North Waziristan', 'place'],
      ]),
    ).toEqual(['Haqqani network', 'located in', 'North Waziristan']);
  });

  it('with no cue, the first two different names that are not places, as "member of"', () => {
    expect(
      propose('In Kabul, Amrullah Saleh met Ahmad Massoud and the National Resistance Front.', [
        ['Kabul', 'place'],
        ['Amrullah Saleh', 'person'],
        ['Ahmad Massoud', 'person'],
        ['National Resistance Front', 'organisation'],
      ]),
    ).toEqual(['Amrullah Saleh', 'member of', 'Ahmad Massoud']);
  });

  it('keeps the type a cue gives when only one of its ends is named', () => {
    expect(
      propose('Rohullah Ahmadzai, a spokesman for the defense ministry, said 40 Taliban were killed.', [
        ['Rohullah Ahmadzai', 'person'],
        ['Taliban', 'organisation'],
      ]),
    ).toEqual(['Rohullah Ahmadzai', 'spokesman for', null]);
  });

  it('only names inside the evidence count', () => {
    const sentence = 'Earlier, Dostum spoke. Ehsan Niro, a spokesman for the Junbish party, said more.';
    const at = (q: string) => sentence.indexOf(q);
    const spans: NamedSpan[] = [
      { entityId: 1, name: 'Dostum', type: 'person', start: at('Dostum'), end: at('Dostum') + 6 },
      { entityId: 2, name: 'Ehsan Niro', type: 'person', start: at('Ehsan'), end: at('Ehsan') + 10 },
      { entityId: 3, name: 'Junbish', type: 'organisation', start: at('Junbish'), end: at('Junbish') + 7 },
    ];
    const p = proposeRelation(sentence, { start: at('Ehsan'), end: sentence.length }, spans);
    expect([p.source?.name, p.type, p.target?.name, p.cue]).toEqual(['Ehsan Niro', 'spokesman for', 'Junbish', 'spokesman for']);
  });
});
