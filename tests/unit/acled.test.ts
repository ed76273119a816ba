import { describe, expect, it } from 'vitest';
import { acledRegionOf, interactionLabel, readActorType, readSourceScale, SourceScale } from '../../electron/contract/acled.js';
import type { EventInput } from '../../electron/contract/events.js';
import { validateEvent, type ValidationContext } from '../../electron/services/events/validate.js';
import { readAcledDate, readInteraction } from '../../electron/services/exports/acledImport.js';

describe('ACLED vocabularies, read as ACLED and others write them', () => {
  it('reads actor types as text in any case, singular or plural, or as codes', () => {
    for (const v of ['Rebel Groups', 'Rebel group', 'REBEL GROUP', 'rebel groups', '2', ' 2 ', 'Rebel Forces']) expect(readActorType(v), v).toBe(2);
    expect(readActorType('State Forces')).toBe(1);
    expect(readActorType('Political Militias')).toBe(3);
    expect(readActorType('Identity militia')).toBe(4);
    expect(readActorType('Communal / Identity Groups')).toBe(4);
    expect(readActorType('Protestors')).toBe(6);
    expect(readActorType('Civilians')).toBe(7);
    expect(readActorType('External/Other Forces')).toBe(8);
    expect(readActorType('Foreign / Others')).toBe(8);
    // Not read, never a default: a misspelt rebel group does not become state forces.
    for (const v of ['Rebel Groupz', '', '9', '0', '12']) expect(readActorType(v), v).toBeNull();
  });

  it('reads compound source scales and refuses unknown parts', () => {
    expect(readSourceScale('Subnational-National')).toBe('Subnational-National');
    expect(readSourceScale('new media-national')).toBe('New media-National');
    expect(readSourceScale('Local partner-Other')).toBe('Local partner-Other');
    expect(readSourceScale('National')).toBe('National');
    expect(readSourceScale('Galactic')).toBeNull();
    expect(readSourceScale('National-Galactic')).toBeNull();
    expect(SourceScale.safeParse('Subnational-National').success).toBe(true);
    expect(SourceScale.safeParse('subnational-national').success).toBe(false);
  });

  it('reads ACLED’s date forms and refuses impossible dates', () => {
    expect(readAcledDate('16 May 2025')).toBe('2025-05-16');
    expect(readAcledDate('2025-05-16')).toBe('2025-05-16');
    expect(readAcledDate('16-May-25')).toBe('2025-05-16');
    expect(readAcledDate('03-September-2019')).toBe('2019-09-03');
    expect(readAcledDate('14-Mar-97')).toBe('1997-03-14');
    expect(readAcledDate('5 Sept 2021')).toBe('2021-09-05');
    for (const v of ['31 February 2025', '2025-13-01', '16/05/2025', 'May 2025', '16 Mayo 2025', '']) expect(readAcledDate(v), v).toBeNull();
  });

  it('writes and reads interactions as text or codes', () => {
    expect(interactionLabel(2, 1)).toBe('State Forces-Rebel Groups');
    expect(interactionLabel(6, null)).toBe('Sole Protesters');
    expect(readInteraction('State Forces-Rebel Groups')).toBe(12);
    expect(readInteraction('rebel group-state forces')).toBe(12);
    expect(readInteraction('Sole Protesters')).toBe(60);
    expect(readInteraction('Protesters only')).toBe(60);
    expect(readInteraction('Sole Others')).toBe(80);
    expect(readInteraction('17')).toBe(17);
    expect(readInteraction('71')).toBeNull();
    expect(readInteraction('Rebels-Picnickers')).toBeNull();
  });

  it('gives ACLED’s regions, not the UN’s subregions', () => {
    expect(acledRegionOf('IRN')).toBe('Middle East');
    expect(acledRegionOf('PAK')).toBe('South Asia');
    expect(acledRegionOf('KEN')).toBe('Eastern Africa');
    expect(acledRegionOf('KAZ')).toBe('Caucasus and Central Asia');
    expect(acledRegionOf('XYZ')).toBeNull();
  });
});

describe('actor order per sub-event type, as ACLED’s codebook gives it', () => {
  const entities: Record<number, { name: string; type: string }> = {
    1: { name: 'Police Forces of Afghanistan (2021-)', type: 'organisation' },
    2: { name: 'Protesters (Afghanistan)', type: 'group' },
    3: { name: 'Herat', type: 'place' },
    4: { name: 'Rioters (Afghanistan)', type: 'group' },
  };
  const ctx: ValidationContext = { entity: (id) => (entities[id] ? { ...entities[id]!, placed: true, placeKind: 'city' } : null), sources: [], duplicates: [] };
  const event = (sub: EventInput['subEventType'], a1: [number, number], a2: [number, number] | null): EventInput => ({
    date: '2025-05-17', timePrecision: 1, subEventType: sub, actor1: { entityId: a1[0], type: a1[1] as 1 }, actor2: a2 ? { entityId: a2[0], type: a2[1] as 6 } : null,
    associates1: [], associates2: [], civilianTargeting: false, locationId: 3, geoPrecision: 1, fatalities: 1, source: null, sourceScale: null, notes: null, tags: [],
  });
  const errors = (e: EventInput) => validateEvent(e, ctx).filter((p) => p.severity === 'error').map((p) => p.field);

  it('excessive force: the force is actor 1, the protesters actor 2', () => {
    expect(errors(event('Excessive force against protesters', [1, 1], [2, 6]))).toEqual([]);
    expect(errors(event('Excessive force against protesters', [2, 6], [1, 1]))).toEqual(['actor1', 'actor2']);
    expect(errors(event('Excessive force against protesters', [1, 1], null))).toEqual(['actor2']);
  });

  it('other protests: the protesters are actor 1; riots: the rioters', () => {
    expect(errors({ ...event('Peaceful protest', [2, 6], null), fatalities: 0 })).toEqual([]);
    expect(errors(event('Protest with intervention', [2, 6], [1, 1]))).toEqual([]);
    expect(errors(event('Protest with intervention', [1, 1], [2, 6]))).toEqual(['actor1']);
    expect(errors(event('Mob violence', [4, 5], null))).toEqual([]);
    expect(errors(event('Violent demonstration', [1, 1], [4, 5]))).toEqual(['actor1']);
  });
});

describe('the country a point lies in (for custom places)', () => {
  it('finds the country of points the gazetteer does not know, and none at sea', async () => {
    const { countryAt } = await import('../../electron/services/gazetteer/countryAt.js');
    expect(countryAt(29.015, 61.4497)).toBe('IR'); // Mirjaveh
    expect(countryAt(34.6614, 61.0644)).toBe('AF'); // Islam Qala
    expect(countryAt(30.1872, 67.0125)).toBe('PK'); // Quetta
    expect(countryAt(0, -30)).toBeNull(); // the Atlantic
  });
});
