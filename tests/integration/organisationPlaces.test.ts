import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeMapLayer } from '../../electron/contract/index.js';
import { clash, nestsIn, withoutNested } from '../../electron/contract/mentionNesting.js';
import { gazetteerFile } from '../../electron/paths.js';
import { extractEntities } from '../../electron/services/entities/extract.js';
import { isOwnedOrganisation, placesInOrganisationNames, withoutOpeningClitic } from '../../electron/services/entities/organisationPlaces.js';
import { Gazetteer } from '../../electron/services/gazetteer/gazetteer.js';
import { closedAfterEach, repoRoot } from './helpers.js';

const gazetteer = new Gazetteer(gazetteerFile(repoRoot));
afterAll(() => gazetteer.close());

/** The places suggested inside organisations' names, as "place in organisation → gazetteer place (kind, country)". */
function placesInNames(text: string): string[] {
  const found = extractEntities(text, { gazetteer, registry: new Map(), published: null });
  return found
    .filter((s) => s.inName)
    .map((s) => {
      const organisation = found.find((o) => o.type === 'organisation' && nestsIn(s, o))!;
      const p = s.places?.[0];
      return `${s.text} in ${organisation.text} → ${p ? `${p.name} (${p.kind}, ${p.country})` : '?'}${s.adjectival ? ' adjectival' : ''}`;
    });
}

describe('places named inside organisations’ names', () => {
  it('finds the place an organisation’s name opens or closes with, inside the organisation it leaves whole', () => {
    expect(placesInNames('A spokesman for the West Bank Health Ministry said 12 people had died.')).toEqual(['West Bank in West Bank Health Ministry → West Bank (admin1, PS)']);
    expect(placesInNames('The UK Department for International Development gave money to the Kenya Red Cross and the University of Nairobi.')).toEqual([
      'UK in UK Department for International Development → United Kingdom (country, GB) adjectival',
      'Kenya in Kenya Red Cross → Kenya (country, KE) adjectival',
      'Nairobi in University of Nairobi → Nairobi (city, KE)',
    ]);
    expect(placesInNames('Students at Kabul University protested; the Kunduz Provincial Council met and the Afghan National Army moved.')).toEqual([
      'Kabul in Kabul University → Kabul (city, AF)',
      'Kunduz in Kunduz Provincial Council → Kunduz (admin1, AF)',
      'Afghan in Afghan National Army → Afghanistan (country, AF) adjectival',
    ]);
    expect(placesInNames('The Government of Afghanistan and the Bank of England spoke.')).toEqual([
      'Afghanistan in Government of Afghanistan → Afghanistan (country, AF)',
      'England in Bank of England → England (admin1, GB)',
    ]);
  });

  it('reads an international body’s mission or force with the country it serves as one organisation, the country inside it', () => {
    expect(placesInNames('The U.N. Assistance Mission in Afghanistan said 40 civilians were killed; the EU Training Mission in Mali and the OSCE Special Monitoring Mission to Ukraine were suspended.')).toEqual([
      'Afghanistan in U.N. Assistance Mission in Afghanistan → Afghanistan (country, AF)',
      'Mali in EU Training Mission in Mali → Mali (country, ML)',
      'Ukraine in OSCE Special Monitoring Mission to Ukraine → Ukraine (country, UA)',
    ]);
    // A ministry's or an embassy's town after "in" is where it is, not a part of its name.
    const found = extractEntities('The Ministry of Defence in Kabul and the U.S. Embassy in Kabul said nothing.', { gazetteer, registry: new Map(), published: null });
    expect(found.filter((s) => s.type === 'organisation').map((s) => s.text)).toEqual(['Ministry of Defence', 'U.S. Embassy']);
    expect(found.filter((s) => s.text === 'Kabul' && !s.inName)).toHaveLength(2);
  });

  it('reads a body’s part named with the body after "of" as one organisation, joined in the text’s order', () => {
    const organisations = (text: string) =>
      extractEntities(text, { gazetteer, registry: new Map(), published: null })
        .filter((s) => s.type === 'organisation')
        .map((s) => s.text);
    expect(placesInNames('The General Staff of the Armed Forces of Ukraine said 40 drones were shot down.')).toEqual([
      'Ukraine in General Staff of the Armed Forces of Ukraine → Ukraine (country, UA)',
    ]);
    expect(organisations('The Political Bureau of the Central Committee of the Communist Party of China met.')).toEqual([
      'Political Bureau of the Central Committee of the Communist Party of China',
    ]);
    // A person's office is no part of the body, and an organisation of the lexicon stays a name of its own.
    expect(organisations('The President of the European Commission spoke.')).toEqual(['European Commission']);
    expect(organisations('The Press Office of the Taliban said so.')).toEqual(['Press Office', 'Taliban']);
    // "Staff" alone is the people who work there.
    expect(organisations('Staff of the Bureau of Statistics walked out.')).toEqual(['Bureau of Statistics']);
  });

  it('reads an organisation named by its kind and what it is for as one, up to the next name of a list', () => {
    const organisations = (text: string) =>
      extractEntities(text, { gazetteer, registry: new Map(), published: null })
        .filter((s) => s.type === 'organisation')
        .map((s) => s.text);
    // Before: the first missing, the next two each read as two organisations, the fourth cut at "and".
    expect(
      organisations(
        'The Institute for the Study of War, the Committee to Protect Journalists, the Office for the Coordination of Humanitarian Affairs and the U.N. Office on Drugs and Crime said so.',
      ),
    ).toEqual(['Institute for the Study of War', 'Committee to Protect Journalists', 'Office for the Coordination of Humanitarian Affairs', 'U.N. Office on Drugs and Crime']);
    expect(organisations('The Committee to Protect Journalists and Human Rights Watch met the Council on Monday.')).toEqual([
      'Committee to Protect Journalists',
      'Human Rights Watch',
      'Council',
    ]);
    // A known organisation inside stays its own; a prize is no organisation.
    expect(organisations('The Global Coalition to Counter ISIL struck. The Academy of Country Music Awards were held.')).not.toContain('Global Coalition to Counter ISIL');
    expect(organisations('The Global Coalition to Counter ISIL struck. The Academy of Country Music Awards were held.')).toContain('ISIL');
    expect(organisations('The Academy of Country Music Awards were held.')).not.toContain('Academy of Country Music Awards');
    // A possessive that ends the capitalised words belongs to what follows; one inside the name stays.
    expect(organisations("Mu Li of the University of NSW's school of public health spoke at the Ministry of Women's Affairs.")).toEqual(['University of NSW', "Ministry of Women's Affairs"]);
    // Written for this test in the style of Colombian reporting: the tagger alone read Colombia and
    // nothing else there. The words before a head it left unread are the name's, not a sentence's "The".
    const colombia = 'The Revolutionary Armed Forces of Colombia and the ELN fought in Catatumbo.';
    expect(organisations(colombia)).toEqual(['Revolutionary Armed Forces of Colombia', 'ELN']);
    // Written for this test: "and the" or a head word after "and" opens the next name of the list.
    // Before: one organisation ran on to "and the Conference" (a conference is an event, not a body).
    expect(organisations('The Commission on Human Rights and the Conference on Disarmament met.')).toEqual(['Commission on Human Rights']);
  });

  it('finds the place a possessive opening the name states, with or without a head word, and no place in a brand named after a person', () => {
    const text = 'From Atlanta to Wichita, Kansas; then to Wichita\'s Wesley Medical Center, and shares of McDonald\'s Corporation fell.';
    const organisation = (name: string) => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, text: name, type: 'organisation' as const, confidence: 0.5, reason: 'test' });
    const wichita = { start: text.indexOf('Wichita'), end: text.indexOf('Wichita') + 7, text: 'Wichita', type: 'place' as const, confidence: 0.9, reason: 'test' };
    const found = placesInOrganisationNames(text, [wichita, organisation("Wichita's Wesley Medical Center"), organisation("McDonald's Corporation")], gazetteer);
    expect(found.map((f) => [f.s.text, text.slice(f.s.start, f.s.end), f.pending])).toEqual([['Wichita', 'Wichita', true]]);
    expect(found[0]!.s.start).toBe(text.indexOf("Wichita's"));
  });

  it('finds a town of any size its own council, municipality or police names, and no smaller town in another organisation', () => {
    expect(placesInNames('Shops in London were closed. A Westminster City Council spokeswoman explained why, and the Leeds City Council agreed.')).toEqual([
      'Westminster in Westminster City Council → City of Westminster (city, GB)',
      'Leeds in Leeds City Council → Leeds (city, GB)',
    ]);
    expect(placesInNames('The Kandahar Municipality and the Kunduz Police said nothing.').map((p) => p.split(' → ')[0])).toEqual(['Kandahar in Kandahar Municipality', 'Kunduz in Kunduz Police']);
    expect(placesInNames('The Leeds Building Society, Stoke City Football Club and Bristol Myers Squibb declined to comment.')).toEqual([]);
  });

  it('finds the country a branch of an organisation is named for, and none in a brand', () => {
    expect(placesInNames('The outbreak caused Taco Bell Canada to recall onions; Amnesty International USA said so.')).toEqual([
      'Canada in Taco Bell Canada → Canada (country, CA)',
      'USA in Amnesty International USA → United States (country, US)',
    ]);
    expect(placesInNames('Flights on Air Canada were cancelled, Radio France reported.')).toEqual([]);
  });

  it('reads a town’s possessive before an organisation as the town in the organisation, not one place, and drops a clitic opening a name', () => {
    expect(placesInNames("Doctors at Lahore's Mayo Hospital said four people were hurt.")).toEqual(["Lahore in Lahore's Mayo Hospital → Lahore (city, PK)"]);
    const found = extractEntities("Kenya's Ministry of Health said cases rose.", { gazetteer, registry: new Map(), published: null });
    expect(found.filter((s) => s.type === 'organisation').map((s) => s.text)).toEqual(['Ministry of Health']);
    expect(['Lahore\'s Mayo Hospital', 'Boston’s Latin School', "St Mary's Hospital"].map(isOwnedOrganisation)).toEqual([true, true, true]);
    expect(["Trump's", "Lahore's Mayo", "Lahore's old Hospital", 'Mayo Hospital'].map(isOwnedOrganisation)).toEqual([false, false, false, false]);
    const s = { start: 10, end: 31, text: "'s Ministry of Health", type: 'organisation' as const, confidence: 0.4, reason: 'test' };
    withoutOpeningClitic(s);
    expect([s.start, s.text]).toEqual([13, 'Ministry of Health']);
  });

  it('names no place for a title of the press, a name after a person, a compass word, a continent, or a name without a place', () => {
    expect(placesInNames('The Washington Post and the Kabul Times reported it.')).toEqual([]);
    // Lincoln, Nebraska is a town of 290,000: not a place the name states unless the article names it too.
    expect(placesInNames('Officials of the Ministry of Interior spoke at the Lincoln Center, the Council of Europe and the Clinton Foundation.')).toEqual([]);
    expect(placesInNames('He moved to Lincoln, Nebraska, and joined the Lincoln Police Department.')).toEqual(['Lincoln in Lincoln Police Department → Lincoln (city, US)']);
    // A compass word opening a name is no province of that name: the place is the one the name closes with.
    expect(placesInNames('A Central Intelligence Agency task force met the Western Independence Party of Saskatchewan.')).toEqual([
      'Saskatchewan in Western Independence Party of Saskatchewan → Saskatchewan (admin1, CA)',
    ]);
  });

  it('lets a place share text only with the organisation around it', () => {
    const org = { start: 0, end: 16, type: 'organisation' };
    const kabul = { start: 0, end: 5, type: 'place' };
    expect(nestsIn(kabul, org)).toBe(true);
    expect(clash(kabul, org)).toBe(false);
    expect(clash({ ...kabul, type: 'person' }, org)).toBe(true);
    expect(clash(kabul, { ...org, type: 'place' })).toBe(true);
    expect(clash({ start: 3, end: 20, type: 'place' }, org)).toBe(true);
    expect(withoutNested([kabul, org, { start: 20, end: 25, type: 'place' }])).toEqual([org, { start: 20, end: 25, type: 'place' }]);
  });
});

describe('places inside organisations’ names in the workspace', () => {
  const core = closedAfterEach();
  const TEXT = 'Protest in Kabul\n\nStudents at Kabul University marched on Monday. The Kunduz Provincial Council said the road was closed.';

  async function imported() {
    const t = core();
    const file = path.join(t.dir, 'kabul.txt');
    fs.writeFileSync(file, TEXT);
    const report = await t.core.imports.importNow({ kind: 'paths', paths: [file] });
    const articleId = report.outcomes[0]!.articleId!;
    await t.call('mentions.suggest', { articleIds: [articleId] });
    return { t, file, articleId };
  }

  it('stores the place inside the organisation, keeps both through decisions and a re-run, and draws the place on the map', async () => {
    const { t, articleId } = await imported();
    const mentions = await t.call('mentions.list', { articleId });
    const university = mentions.find((m) => m.quote === 'Kabul University')!;
    const kabul = mentions.find((m) => m.quote === 'Kabul' && m.start === university.start)!;
    expect(university.type).toBe('organisation');
    expect(kabul).toMatchObject({ type: 'place', entityName: 'Kabul', adjectival: false });
    const council = mentions.find((m) => m.quote === 'Kunduz Provincial Council')!;
    expect(mentions.find((m) => m.quote === 'Kunduz' && m.start === council.start)!.candidates[0]).toMatchObject({ kind: 'admin1' });

    // Both are decided on their own; "Suggest again" keeps clear of decisions, not of the organisation around a place.
    await t.call('mentions.review', { id: university.id, action: 'accept', scope: 'this' });
    await t.call('mentions.review', { id: kabul.id, action: 'accept', scope: 'this' });
    await t.call('mentions.suggest', { articleIds: [articleId] });
    const after = await t.call('mentions.list', { articleId });
    expect(after.filter((m) => m.start === university.start).map((m) => [m.quote, m.status])).toEqual(
      expect.arrayContaining([
        ['Kabul University', 'accepted'],
        ['Kabul', 'accepted'],
      ]),
    );
    expect(after.some((m) => m.quote === 'Kunduz' && m.start === council.start && m.status === 'suggested')).toBe(true);

    const names = decodeMapLayer(await t.call('map.places', {})).map((p) => p.name).sort();
    expect(names).toEqual(expect.arrayContaining(['Kabul', 'Kunduz']));
  });

  it('lets the analyst mark a place inside an organisation by hand, and refuses any other overlap or a retype that would make one', async () => {
    const { t, articleId } = await imported();
    const mentions = await t.call('mentions.list', { articleId });
    const council = mentions.find((m) => m.quote === 'Kunduz Provincial Council')!;
    const kunduz = mentions.find((m) => m.quote === 'Kunduz' && m.start === council.start)!;
    await t.call('mentions.review', { id: council.id, action: 'accept', scope: 'this' });
    await t.call('mentions.review', { id: kunduz.id, action: 'reject', scope: 'this' });
    // "Provincial Council" as a place inside the organisation: allowed (the rejected mark it covers goes).
    const marked = await t.call('mentions.annotate', { articleId, start: council.start, end: council.start + 'Kunduz'.length, type: 'place', scope: 'this' });
    expect((await t.call('mentions.list', { articleId })).find((m) => m.id === marked.id)).toMatchObject({ type: 'place', status: 'accepted' });
    // A person there, or a span that runs out of the organisation, would overlap it.
    await expect(t.call('mentions.annotate', { articleId, start: council.start + 7, end: council.start + 17, type: 'person', scope: 'this' })).rejects.toMatchObject({ code: 'overlap' });
    await expect(t.call('mentions.annotate', { articleId, start: council.start + 18, end: council.end + 4, type: 'place', scope: 'this' })).rejects.toMatchObject({ code: 'overlap' });
    await expect(t.call('mentions.retype', { id: marked.id, type: 'person' })).rejects.toMatchObject({ code: 'overlap' });
    await expect(t.call('mentions.retype', { id: council.id, type: 'place' })).rejects.toMatchObject({ code: 'overlap' });
  });

  it('goes out to CoNLL as the organisation alone, and through W3C into another workspace with both', async () => {
    const { t, file, articleId } = await imported();
    const other = core();
    const mentions = await t.call('mentions.list', { articleId });
    for (const m of mentions.filter((x) => x.quote === 'Kabul University' || (x.quote === 'Kabul' && x.start > 20))) await t.call('mentions.review', { id: m.id, action: 'accept', scope: 'this' });

    const conll = fs.readFileSync((await t.call('exports.run', { format: 'conll', path: path.join(t.dir, 'kabul.conll') })).path, 'utf8');
    expect(conll).toContain('Kabul -X- -X- B-ORG\nUniversity -X- -X- I-ORG');

    const doc = fs.readFileSync((await t.call('exports.run', { format: 'w3c', path: path.join(t.dir, 'kabul.jsonld') })).path, 'utf8');
    await other.core.imports.importNow({ kind: 'paths', paths: [file] });
    const report = await other.call('imports.exchange', { name: 'kabul.jsonld', text: doc });
    expect(report.created).toBe(2);
    const back = await other.call('mentions.list', { articleId: 1 });
    expect(back.filter((m) => m.status === 'accepted').map((m) => `${m.quote} ${m.type}`).sort()).toEqual(['Kabul University organisation', 'Kabul place']);
  });
});
