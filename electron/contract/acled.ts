/**
 * ACLED's codebook, as far as coding needs it: event types and sub-types in the codebook's order,
 * actor types (inter codes), and the rules that derive disorder type and interaction.
 */
export const EVENT_TYPES = {
  Battles: ['Government regains territory', 'Non-state actor overtakes territory', 'Armed clash'],
  'Explosions/Remote violence': ['Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const;

export type EventType = keyof typeof EVENT_TYPES;
export type SubEventType = (typeof EVENT_TYPES)[EventType][number];
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];
export const SUB_EVENT_TYPES = Object.values(EVENT_TYPES).flat() as SubEventType[];

export function eventTypeOf(sub: SubEventType): EventType {
  return EVENT_TYPE_NAMES.find((t) => (EVENT_TYPES[t] as readonly string[]).includes(sub))!;
}

/** ACLED inter codes: the kind of actor. */
export const ACTOR_TYPES = {
  1: 'State forces',
  2: 'Rebel group',
  3: 'Political militia',
  4: 'Identity militia',
  5: 'Rioters',
  6: 'Protesters',
  7: 'Civilians',
  8: 'External/Other forces',
} as const;
export type ActorType = keyof typeof ACTOR_TYPES;
export const ACTOR_TYPE_CODES = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export function disorderTypeOf(sub: SubEventType): string {
  const type = eventTypeOf(sub);
  if (sub === 'Excessive force against protesters' || sub === 'Mob violence') return 'Political violence; Demonstrations';
  if (type === 'Protests' || type === 'Riots') return 'Demonstrations';
  if (type === 'Strategic developments') return 'Strategic developments';
  return 'Political violence';
}

/** Interaction: the two inter codes, lower first ("12", "17"); one-sided events are "<code>0". */
export function interactionOf(actor1: ActorType | null, actor2: ActorType | null): number | null {
  if (actor1 === null) return null;
  if (actor2 === null) return actor1 * 10;
  return Math.min(actor1, actor2) * 10 + Math.max(actor1, actor2);
}

/** Types where ACLED codes an event with no second actor. */
export const ONE_SIDED_ALLOWED: readonly EventType[] = ['Explosions/Remote violence', 'Protests', 'Riots', 'Strategic developments'];

/** Time precision: 1 the exact day, 2 within a week, 3 within a month. */
export const TIME_PRECISION = { 1: 'exact day', 2: 'within a week', 3: 'within a month' } as const;
/** Geo precision: 1 the place itself, 2 near it or part of a region, 3 a larger region. */
export const GEO_PRECISION = { 1: 'the place itself', 2: 'near it / part of a region', 3: 'a larger region' } as const;

export const SOURCE_SCALES = ['Local', 'Subnational', 'National', 'Regional', 'International', 'Other', 'New media', 'Local partner'] as const;

/** One colour and letter per event type, on the map view and in reports alike. */
export const EVENT_STYLE: Record<string, { colour: string; letter: string }> = {
  Battles: { colour: '#b91c1c', letter: 'B' },
  'Explosions/Remote violence': { colour: '#7c2d12', letter: 'E' },
  'Violence against civilians': { colour: '#6d28d9', letter: 'V' },
  Protests: { colour: '#0369a1', letter: 'P' },
  Riots: { colour: '#a16207', letter: 'R' },
  'Strategic developments': { colour: '#475569', letter: 'S' },
};
