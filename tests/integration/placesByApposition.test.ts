import { afterAll, describe, expect, it } from 'vitest';
import { gazetteerFile } from '../../electron/paths.js';
import { extractEntities } from '../../electron/services/entities/extract.js';
import { Gazetteer } from '../../electron/services/gazetteer/gazetteer.js';
import { repoRoot } from './helpers.js';

const gazetteer = new Gazetteer(gazetteerFile(repoRoot));
afterAll(() => gazetteer.close());

/** Each suggestion but dates, as "quote: type → place (country)". */
function read(text: string): string[] {
  return extractEntities(text, { gazetteer, registry: new Map(), published: null })
    .filter((s) => s.type !== 'date')
    .map((s) => `${s.text}: ${s.type}${s.type === 'place' ? ` → ${s.places?.[0] ? `${s.places[0].name} (${s.places[0].country})` : '?'}` : ''}`);
}

describe('places the text says are places', () => {
  it('reads "Town, Country" as a town of that country when the gazetteer has one there, not as a person', () => {
    const found = read('Patients were followed for 42 days at four sites — Pailin, Cambodia; Attapeu, Laos; and Binh Phuoc, Vietnam — and none relapsed.');
    expect(found).toContain('Attapeu: place → Attapeu (LA)');
    expect(found).toContain('Binh Phuoc: place → Bình Phước (VN)');
    expect(found.filter((f) => f.includes(': person'))).toEqual([]);
  });

  it('reads a "Town, Country" the gazetteer lacks as a place in a list of sites it confirms, and not in a list of people', () => {
    // Written for this test. Before: "Sherkhel" was a person or nothing.
    const found = read('Samples came from four sites: Attapeu, Laos; Binh Phuoc, Vietnam; Sherkhel, Afghanistan; and Pailin, Cambodia.');
    expect(found).toContain('Sherkhel: place → ?');
    // No pair of these is a town the gazetteer confirms, so none lends the others its reading.
    const medals = read('The medals went to Bekele, Ethiopia; Tadese, Eritrea; and Kipchoge, Kenya.');
    expect(medals.filter((f) => /^(?:Bekele|Tadese|Kipchoge): place/u.test(f))).toEqual([]);
    // Beside such a list but no item of it (no semicolon parts it off), a person and their country stay so.
    const beside = read('Runners from Attapeu, Laos; Binh Phuoc, Vietnam; and Pailin, Cambodia; trailed Bekele, Ethiopia, and Kipchoge, Kenya.');
    expect(beside.filter((f) => /^(?:Bekele|Kipchoge): place/u.test(f))).toEqual([]);
  });

  it('reads a bare dateline in capitals as the place the story was filed from, where the gazetteer knows it', () => {
    // Before: "KABUL" a person.
    expect(read('KABUL — Afghan officials met Taliban envoys on Sunday.')[0]).toBe('KABUL: place → Kabul (AF)');
    expect(read('Officials said so.\nKANDAHAR - The Taliban attacked a checkpoint.')[0]).toBe('KANDAHAR: place → Kandahār (AF)');
    // A name in capitals the gazetteer does not know is left to the tagger.
    expect(read('JOHN SMITH — Afghan officials met.')[0]).toBe('JOHN SMITH: person');
  });

  it('reads a name before a lower-case "province", "governorate" or "oblast" as that area, after a possessive too', () => {
    // Before: "Hodeidah" was not suggested at all.
    expect(read("Jets struck missile sites in Yemen's Hodeidah province on Sunday.")).toContain('Hodeidah: place → Al Hudaydah (YE)');
    // Not a demonym ("the British province"), nor a word opening a sentence that names no area ("Police district officers").
    expect(read('Violence in the British province ended.').filter((f) => f.startsWith('British: place → ?'))).toEqual([]);
    expect(read('Police district officers came.').filter((f) => f.startsWith('Police: place'))).toEqual([]);
  });

  it('reads a name before a lower-case "state" as that state, and a province the tagger took for an organisation as the province', () => {
    // Written for this test. Before: "Ruweng" after the adjective was not suggested, "Kasai Occidental" was an organisation.
    const found = read('The governor of the south Sudanese Ruweng state spoke. Measles spread in Kasai Occidental province.');
    expect(found).toContain('Ruweng: place → ?');
    expect(found).toContain('Kasai Occidental: place → ?');
    // Not a people's adjective, a state's own media, a kind heading another name, a sentence's first word, or no name at all.
    const none = read('Talks on a Jewish state resumed. Iran state television reported it. The Ruweng state election was delayed. Federal state officials said so. The state has said so.');
    expect(none.filter((f) => /^(?:Jewish|Ruweng|Federal|The): place/u.test(f))).toEqual([]);
  });

  it('reads Kenya’s counties as its provinces, the name kept whole, and leaves a US county the gazetteer’s own', () => {
    // Before: "Lamu County" had no point, and Garissa before "counties" wanted a district.
    expect(read('Gunmen ambushed a convoy in Lamu County. Attacks hit the Mandera and Garissa counties.')).toEqual([
      'Lamu County: place → Lamu (KE)',
      'Mandera: place → Mandera County (KE)',
      'Garissa: place → Garissa County (KE)',
    ]);
    expect(read('Cook County officials met.')).toEqual(['Cook County: place → Cook County (US)']);
  });

  it('reads a name called a suburb, town or village as a place, known to the gazetteer or not', () => {
    expect(read('A resident of Mabvuku, a suburb located east of Harare, told reporters the water had run out.')).toContain('Mabvuku: place → ?');
    expect(read('Dead birds were found near Esperance, a town on the south coast of Western Australia.')).toContain('Esperance: place → Esperance (AU)');
    // A distance of two digits or more after the noun: before, only "5 km" was read, "25 km" not.
    expect(read('M23 rebels seized Sake, a town 25 km west of Goma in North Kivu.')).toContain('Sake: place → Sake (CD)');
    // Written for this test. Before: El Fasher an organisation (the tagger reads one where an army is named beside it).
    const stronghold = read('The Rapid Support Forces seized El Fasher, the last army stronghold in Darfur, on Sunday.');
    expect(stronghold).toContain('El Fasher: place → El Fasher (SD)');
    // An organisation called no kind of place stays one.
    expect(read('Boeing, the planemaker, said so.')).toContain('Boeing: organisation');
  });

  it('reads a name after "the village of", "the port of" as a place, and "City of London" as the name it is', () => {
    const found = read('Swans died in the village of Cellardyke in Fife, Scotland, and the port of Hodeidah was shelled. The University of Nairobi said nothing. Cases rose in the community of Sherkhel.');
    expect(found).toContain('Cellardyke: place → ?');
    expect(found).toContain('Sherkhel: place → ?');
    expect(found.some((f) => f.startsWith('Hodeidah: place'))).toBe(true);
    expect(found).toContain('University of Nairobi: organisation');
  });

  it('reads a name after a place and a lower-case kind of part of it ("Karachi suburb Orangi") as a place, but not a title there', () => {
    // Written for this test. Before: "Orangi" and "Sherkhel" were not suggested.
    const found = read('Troops entered the Karachi suburb Orangi on Monday. Floods cut off the Kunduz district Sherkhel.');
    expect(found).toContain('Orangi: place → ?');
    expect(found.some((f) => f.startsWith('Sherkhel: place'))).toBe(true);
    expect(read('The Kunduz district Governor said so.').filter((f) => f.startsWith('Governor'))).toEqual([]);
  });

  it('leaves people as they are: an athlete and their country, a councillor, an elder', () => {
    const found = read('Kenenisa Bekele won again. Bekele, Ethiopia, 12:37.35. Smith, a town councillor, said so. Ahmad, a village elder, agreed.');
    expect(found).toContain('Bekele: person');
    expect(found.filter((f) => /^(?:Bekele|Smith|Ahmad): place/.test(f))).toEqual([]);
  });

  it('leaves a word that opens a sentence, and a country after the name with a possessive', () => {
    const found = read('Meanwhile, a town in the north was shelled. Paul Kagame, Rwanda’s president, spoke.');
    expect(found.filter((f) => /^(?:Meanwhile|Kagame|Paul Kagame): place/.test(f))).toEqual([]);
  });

  it('reads a capital and what it is the capital of as places, and finds "Jawzjan" as GeoNames\' Jowzjan beside a town of its country', () => {
    // Both were missed: the town read as a person, the province not at all, and GeoNames spells it "Jowzjan" only.
    expect(read('Sheberghan is the capital of Jawzjan province.')).toEqual(['Sheberghan: place → Shibirghān (AF)', 'Jawzjan: place → Jowzjan (AF)']);
    expect(read('Maimana, the capital of Faryab, fell to the Taliban.').slice(0, 2)).toEqual(['Maimana: place → Maymana (AF)', 'Faryab: place → Faryab (AF)']);
  });

  it('takes "the capital of Georgia" for the country or the state by the article around it', () => {
    expect(read('The capital of Georgia is Tbilisi.')[0]).toBe('Georgia: place → Georgia (GE)');
    expect(read('Atlanta is the capital of Georgia.')[1]).toBe('Georgia: place → Georgia (US)');
    // A province's capital is still the province's.
    const kunduz = extractEntities('The Taliban took the capital of Kunduz.', { gazetteer, registry: new Map(), published: null }).find((s) => s.text === 'Kunduz');
    expect(kunduz?.places?.[0]).toMatchObject({ kind: 'admin1', country: 'AF' });
  });
});
