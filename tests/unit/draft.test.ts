import { describe, expect, it } from 'vitest';
import type { ActorType, Mention } from '../../electron/contract/index.js';
import { actorTypeOf, draftEvent, findAttributions } from '../../electron/services/events/draft.js';

type Annotation = [quote: string, type: 'organisation' | 'group' | 'place', entityName?: string];

/** Mentions as the tagger (or the analyst) leaves them: each annotated phrase linked to an entity. */
function annotate(sentence: string, annotations: Annotation[]): Mention[] {
  return annotations.map(([quote, type, entityName], i) => {
    const start = sentence.indexOf(quote);
    if (start === -1) throw new Error(`"${quote}" is not in "${sentence}"`);
    return {
      id: i + 1,
      articleId: 1,
      start,
      end: start + quote.length,
      quote,
      type,
      status: 'accepted',
      origin: 'analyst',
      entityId: 100 + i,
      entityName: entityName ?? quote,
      confidence: null,
      reason: null,
      date: null,
      candidates: type === 'place' ? [{ kind: 'city' }] : [],
      place: type === 'place' ? { label: quote, lat: 0, lon: 0 } : null,
    } as unknown as Mention;
  });
}

interface Expected {
  fatalities: number;
  actor1?: [name: string, type: ActorType | null] | null;
  actor2?: [name: string, type: ActorType | null] | null;
  source?: string | null;
  notes?: string | null;
  sub?: string;
}

// Wire-style sentences written for this test (CC0), in the shapes the news reports casualties,
// sources and parties.
const CASES: [sentence: string, annotations: Annotation[], expected: Expected][] = [
  [
    'At least 40 civilians were killed and more than 118 wounded when a suicide bomber struck a crowded market in Kabul on Sunday, the United Nations said.',
    [['civilians', 'group', 'Civilians (Afghanistan)'], ['Kabul', 'place'], ['United Nations', 'organisation']],
    { fatalities: 40, actor1: null, actor2: ['Civilians (Afghanistan)', 7], source: 'United Nations', notes: 'Wounded: 118 ("more than 118 wounded")', sub: 'Suicide bomb' },
  ],
  [
    'Gunmen killed 12 villagers in overnight raids on three villages near Jos, police said on Monday.',
    [['Gunmen', 'group', 'Unidentified Armed Group (Nigeria)'], ['villagers', 'group'], ['Jos', 'place'], ['police', 'organisation', 'Police Forces of Nigeria']],
    { fatalities: 12, actor1: ['Unidentified Armed Group (Nigeria)', 3], actor2: ['villagers', 7], source: 'Police Forces of Nigeria', notes: null, sub: 'Attack' },
  ],
  [
    "The death toll from Tuesday's car bombing in Mogadishu rose to 25, health officials said.",
    [['Mogadishu', 'place']],
    { fatalities: 25, actor1: null, actor2: null, source: 'health officials', sub: 'Remote explosive/landmine/IED' },
  ],
  [
    "Twenty-three people died when a bus struck a landmine near Kandahar, according to the provincial governor's office.",
    [['Kandahar', 'place']],
    { fatalities: 23, source: "provincial governor's office", sub: 'Remote explosive/landmine/IED' },
  ],
  [
    'Between 10 and 15 soldiers were killed when al-Shabaab fighters overran a military base in Lower Shabelle, a military official told Reuters.',
    [['al-Shabaab', 'organisation'], ['Lower Shabelle', 'place']],
    { fatalities: 10, actor1: ['al-Shabaab', 2], actor2: null, source: 'military official; Reuters', sub: 'Non-state actor overtakes territory' },
  ],
  [
    'Dozens of people were killed in clashes between rival clan militias in Galmudug on Friday, residents said.',
    [['clan militias', 'group', 'Clan Militia (Somalia)'], ['Galmudug', 'place']],
    { fatalities: 12, actor1: ['Clan Militia (Somalia)', 4], source: 'residents', sub: 'Armed clash' },
  ],
  [
    'Police opened fire on protesters in Khartoum on Thursday, killing at least three people, witnesses said.',
    [['Police', 'organisation', 'Police Forces of Sudan'], ['protesters', 'group', 'Protesters (Sudan)'], ['Khartoum', 'place']],
    { fatalities: 3, actor1: ['Police Forces of Sudan', 1], actor2: ['Protesters (Sudan)', 6], source: 'witnesses', sub: 'Excessive force against protesters' },
  ],
  [
    "Security forces killed 14 militants in a raid in North Waziristan, the military's media wing said in a statement.",
    [['Security forces', 'organisation', 'Military Forces of Pakistan'], ['militants', 'group', 'TTP: Tehrik-i-Taliban Pakistan'], ['North Waziristan', 'place']],
    { fatalities: 14, actor1: ['Military Forces of Pakistan', 1], actor2: ['TTP: Tehrik-i-Taliban Pakistan', 2], source: "military's media wing" },
  ],
  [
    'According to police, five people were killed and 20 injured when a grenade was thrown into a bar in Bujumbura.',
    [['police', 'organisation', 'Police Forces of Burundi'], ['Bujumbura', 'place']],
    { fatalities: 5, actor1: null, actor2: null, source: 'Police Forces of Burundi', notes: 'Wounded: 20 ("20 injured")', sub: 'Grenade' },
  ],
  [
    'A spokesman for the Interior Ministry said 32 people were arrested after the riots in Dakar.',
    [['Interior Ministry', 'organisation', 'Ministry of Interior (Senegal)'], ['Dakar', 'place']],
    { fatalities: 0, actor1: null, actor2: null, source: 'Ministry of Interior (Senegal)', notes: 'Arrested: 32 ("32 people were arrested")' },
  ],
  [
    'Taliban fighters captured the district centre of Dand-e-Ghori in Baghlan province, a spokesman for the group said.',
    [['Taliban', 'organisation'], ['Baghlan', 'place']],
    { fatalities: 0, actor1: ['Taliban', 2], actor2: null, source: 'group', sub: 'Non-state actor overtakes territory' },
  ],
  [
    'The Taliban said they had captured the Shirin Tagab district of Faryab.',
    [['Taliban', 'organisation'], ['Faryab', 'place']],
    { fatalities: 0, actor1: ['Taliban', 2], source: 'Taliban' },
  ],
  [
    'Army spokesman Ajmal Omar Shinwari told reporters that 60 Taliban fighters were killed in air strikes in Helmand.',
    [['Army', 'organisation', 'Military Forces of Afghanistan'], ['Taliban', 'organisation'], ['Helmand', 'place']],
    { fatalities: 60, actor1: ['Taliban', 2], source: 'Military Forces of Afghanistan', sub: 'Air/drone strike' },
  ],
  [
    'Three children were among 11 civilians killed when a mortar shell hit a house in Kunduz, the provincial police chief said.',
    [['civilians', 'group', 'Civilians (Afghanistan)'], ['Kunduz', 'place'], ['police', 'organisation', 'Police Forces of Afghanistan']],
    { fatalities: 11, actor1: null, actor2: ['Civilians (Afghanistan)', 7], source: 'Police Forces of Afghanistan', sub: 'Shelling/artillery/missile attack' },
  ],
  [
    'Fighting between the army and the Kachin Independence Army in Hpakant left at least nine soldiers dead, local media reported.',
    [['army', 'organisation', 'Military Forces of Myanmar'], ['Kachin Independence Army', 'organisation'], ['Hpakant', 'place']],
    { fatalities: 9, actor1: ['Military Forces of Myanmar', 1], actor2: ['Kachin Independence Army', 2], source: 'local media', sub: 'Armed clash' },
  ],
  [
    'Unidentified gunmen abducted 20 passengers from a bus on the Abuja-Kaduna highway, police said.',
    [['gunmen', 'group', 'Unidentified Armed Group (Nigeria)'], ['passengers', 'group', 'Civilians (Nigeria)']],
    { fatalities: 0, actor1: ['Unidentified Armed Group (Nigeria)', 3], actor2: ['Civilians (Nigeria)', 7], source: 'police', notes: 'Abducted: 20 ("abducted 20")', sub: 'Abduction/forced disappearance' },
  ],
  [
    'More than 2,000 people have been displaced by fighting in Tigray, the UN refugee agency said.',
    [['Tigray', 'place']],
    { fatalities: 0, source: 'UN refugee agency', notes: 'Displaced: 2000 ("More than 2,000 people have been displaced")' },
  ],
  [
    'The Islamic State group claimed responsibility for the attack, which killed 18 worshippers at a mosque in Herat.',
    [['Islamic State', 'organisation'], ['worshippers', 'group', 'Civilians (Afghanistan)'], ['Herat', 'place']],
    { fatalities: 18, actor1: ['Islamic State', 2], actor2: ['Civilians (Afghanistan)', 7], source: null, sub: 'Attack' },
  ],
  [
    'Rebels of the M23 seized the town of Bunagana on the Ugandan border, according to a statement from the Congolese army.',
    [['M23', 'organisation'], ['Bunagana', 'place'], ['Congolese army', 'organisation', 'Military Forces of the Democratic Republic of Congo']],
    { fatalities: 0, actor1: ['M23', 2], actor2: null, source: 'Military Forces of the Democratic Republic of Congo', sub: 'Non-state actor overtakes territory' },
  ],
  [
    "Members of the Kata'ib Nasr attacked a checkpoint in Deir ez-Zor, killing four guards, the Syrian Observatory for Human Rights reported.",
    [["Kata'ib Nasr", 'organisation'], ['Deir ez-Zor', 'place'], ['Syrian Observatory for Human Rights', 'organisation']],
    { fatalities: 4, actor1: ["Kata'ib Nasr", null], actor2: null, source: 'Syrian Observatory for Human Rights', sub: 'Armed clash' },
  ],
  [
    'Protesters set fire to tyres and blocked roads in Lagos, police spokesman Benjamin Hundeyin told AFP.',
    [['Protesters', 'group', 'Protesters (Nigeria)'], ['Lagos', 'place'], ['police', 'organisation', 'Police Forces of Nigeria']],
    { fatalities: 0, actor1: ['Protesters (Nigeria)', 6], actor2: null, source: 'Police Forces of Nigeria; AFP', sub: 'Violent demonstration' },
  ],
  [
    'Two soldiers and three civilians died in the shelling of Avdiivka, the regional governor said.',
    [['Avdiivka', 'place']],
    { fatalities: 5, source: 'regional governor', sub: 'Shelling/artillery/missile attack' },
  ],
  [
    'Eight people, including two police officers, were killed and 15 others were wounded in a bomb blast in Quetta, officials said.',
    [['Quetta', 'place']],
    { fatalities: 8, source: 'officials', notes: 'Wounded: 15 ("15 others were wounded")', sub: 'Remote explosive/landmine/IED' },
  ],
  [
    'Fourteen bodies were recovered after the attack on Solhan village in Burkina Faso, the government said on Saturday.',
    [['Solhan', 'place']],
    { fatalities: 14, source: 'government' },
  ],
  [
    'At least 30 people are missing after militants stormed a camp near Beni, the local civil society coordinator said.',
    [['militants', 'group', 'ADF: Allied Democratic Forces'], ['Beni', 'place']],
    { fatalities: 0, actor1: ['ADF: Allied Democratic Forces', 2], source: 'local civil society coordinator', notes: 'Missing: 30 ("At least 30 people are missing")' },
  ],
  [
    'Police arrested 45 protesters in Harare on Wednesday, a police spokesperson said.',
    [['Police', 'organisation', 'Police Forces of Zimbabwe'], ['protesters', 'group', 'Protesters (Zimbabwe)'], ['Harare', 'place']],
    { fatalities: 0, actor1: ['Police Forces of Zimbabwe', 1], actor2: ['Protesters (Zimbabwe)', 6], source: 'police', notes: 'Arrested: 45 ("arrested 45")', sub: 'Protest with intervention' },
  ],
  [
    'The army said it had killed 40 jihadists in an offensive in central Mali.',
    [['army', 'organisation', 'Military Forces of Mali'], ['jihadists', 'group', 'JNIM: Group for Support of Islam and Muslims']],
    { fatalities: 40, actor1: ['Military Forces of Mali', 1], actor2: ['JNIM: Group for Support of Islam and Muslims', 2], source: 'Military Forces of Mali' },
  ],
  [
    'Clashes between herders and farmers in Benue left dozens dead, the state governor’s office said.',
    [['herders', 'group', 'Herders (Nigeria)'], ['farmers', 'group', 'Farmers (Nigeria)'], ['Benue', 'place']],
    { fatalities: 12, actor1: ['Herders (Nigeria)', null], actor2: ['Farmers (Nigeria)', null], source: 'state governor’s office', sub: 'Armed clash' },
  ],
];

describe('the event prefill cites, never invents', () => {
  it.each(CASES)('%s', (sentence, annotations, expected) => {
    const mentions = annotate(sentence, annotations);
    const name = (id: number | undefined) => mentions.find((m) => m.entityId === id)?.entityName;
    const { input, evidence, cues } = draftEvent(1, sentence, 0, sentence.length, mentions, '2024-03-11');
    expect(input.fatalities).toBe(expected.fatalities);
    const actor = (a: typeof input.actor1) => (a ? [name(a.entityId), a.type ?? null] : null);
    if (expected.actor1 !== undefined) expect(actor(input.actor1)).toEqual(expected.actor1);
    if (expected.actor2 !== undefined) expect(actor(input.actor2 ?? undefined)).toEqual(expected.actor2);
    if (expected.source !== undefined) expect(input.source ?? null).toBe(expected.source);
    if (expected.notes !== undefined) expect(input.notes ?? null).toBe(expected.notes);
    if (expected.sub) expect(input.subEventType).toBe(expected.sub);
    // No one is both the voice that reports the event and a party to it, unless it speaks of itself.
    const sourceOnly = findAttributions(sentence).filter((a) => !a.selfReport);
    for (const a of [input.actor1, input.actor2]) {
      const m = a && mentions.find((x) => x.entityId === a.entityId);
      if (m) expect(sourceOnly.some((s) => m.start >= s.start && m.end <= s.end) && !mentions.some((x) => x.entityId === m.entityId && !sourceOnly.some((s) => x.start >= s.start && x.end <= s.end))).toBe(false);
    }
    // Every field it fills cites the sentence.
    if (input.actor1) expect(evidence.some((e) => e.field === 'actor1')).toBe(true);
    if (input.fatalities) expect(evidence.some((e) => e.field === 'fatalities')).toBe(true);
    if (input.notes) expect(evidence.some((e) => e.field === 'notes')).toBe(true);
    expect(cues.length).toBeGreaterThan(0);
  });

  it('covers at least 25 sentences', () => expect(CASES.length).toBeGreaterThanOrEqual(25));

  it('takes an actor type the analyst gave the entity before over any cue word', () => {
    // Ethiopian troops in Somalia: ACLED codes a state's forces abroad as External/Other forces.
    expect(actorTypeOf('Military Forces of Ethiopia', 8)).toEqual({ type: 8, why: 'coded as External/Other forces in earlier events' });
    const sentence = 'Ethiopian troops shelled al-Shabaab positions near Baidoa.';
    const mentions = annotate(sentence, [['Ethiopian troops', 'organisation', 'Military Forces of Ethiopia'], ['al-Shabaab', 'organisation'], ['Baidoa', 'place']]);
    expect(draftEvent(1, sentence, 0, sentence.length, mentions, null).input.actor1?.type).toBe(1);
    expect(draftEvent(1, sentence, 0, sentence.length, mentions, null, (id) => (id === 100 ? 8 : null)).input.actor1?.type).toBe(8);
  });

  it('gives no type where no cue says one', () => {
    expect(actorTypeOf("Kata'ib Nasr").type).toBeNull();
    expect(actorTypeOf('Wagner Group').type).toBeNull();
  });
});
