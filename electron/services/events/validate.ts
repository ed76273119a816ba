import { ONE_SIDED_ALLOWED, eventTypeOf } from '../../contract/acled.js';
import type { EventInput, Problem } from '../../contract/events.js';
import { A_TYPE, type EntityType, type PlaceKind } from '../../contract/entities.js';

export interface ValidationContext {
  /** Entities named in the event: their names and registry types. */
  entity: (id: number) => { name: string; type: string; placed: boolean; placeKind: PlaceKind | null } | null;
  /** Articles cited as evidence, with their publication dates. */
  sources: { title: string; published: string | null }[];
  duplicates: number[];
}

/** ACLED's rules, said in plain words. Errors block saving; warnings do not. */
export function validateEvent(input: EventInput, ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  const error = (field: string, message: string) => problems.push({ field, message, severity: 'error' });
  const type = eventTypeOf(input.subEventType);

  const actor1 = ctx.entity(input.actor1.entityId);
  if (!actor1) error('actor1', 'Actor 1 is not in the registry (it may have been deleted).');
  else if (!['organisation', 'group', 'person'].includes(actor1.type)) error('actor1', `Actor 1 must be an organisation, group or person; "${actor1.name}" is a ${actor1.type}.`);
  if (input.actor2) {
    const actor2 = ctx.entity(input.actor2.entityId);
    if (!actor2) error('actor2', 'Actor 2 is not in the registry (it may have been deleted).');
    else if (!['organisation', 'group', 'person'].includes(actor2.type)) error('actor2', `Actor 2 must be an organisation, group or person; "${actor2.name}" is a ${actor2.type}.`);
    if (input.actor2.entityId === input.actor1.entityId) error('actor2', 'Actor 1 and actor 2 are the same; an actor does not fight itself.');
  } else if (!ONE_SIDED_ALLOWED.includes(type)) {
    error('actor2', type === 'Battles' ? 'A battle has two sides: add actor 2.' : 'Violence against civilians needs the civilians it targeted as actor 2.');
  }

  if (type === 'Battles') {
    if (input.actor1.type === 7 || input.actor2?.type === 7) error('actor2', 'Civilians are never a side in a battle: code the event as Violence against civilians.');
    for (const id of [...input.associates1, ...input.associates2]) {
      const e = ctx.entity(id);
      if (e && /civilian/i.test(e.name)) error('associates', `Civilians are never an associated actor in a battle ("${e.name}").`);
    }
  }
  if (type === 'Violence against civilians') {
    if (input.actor2 && input.actor2.type !== 7) error('actor2', 'In violence against civilians, actor 2 is the civilians targeted (actor type 7).');
    if (input.actor1.type === 7) error('actor1', 'Civilians do not commit violence against civilians in ACLED: code rioters or an identity militia.');
  }
  // Actor order as ACLED's codebook gives it for each sub-event type: the protesters are actor 1 of
  // a protest, except under excessive force, where the force that used it is actor 1 and the
  // protesters actor 2; the rioters are actor 1 of a riot (mob violence included); the civilians
  // targeted are actor 2 of violence against civilians (below).
  if (input.subEventType === 'Excessive force against protesters') {
    if (input.actor1.type === 6) error('actor1', 'Under excessive force against protesters, actor 1 is the force that used it (state forces, a militia…), not the protesters.');
    if (!input.actor2) error('actor2', 'Excessive force against protesters needs the protesters as actor 2.');
    else if (input.actor2.type !== 6) error('actor2', 'Under excessive force against protesters, actor 2 is the protesters (actor type 6).');
  } else if (type === 'Protests' && input.actor1.type !== 6) error('actor1', 'Actor 1 of a protest is the protesters (actor type 6).');
  if (type === 'Riots' && input.actor1.type !== 5) error('actor1', 'Actor 1 of a riot is the rioters (actor type 5).');
  if (input.subEventType === 'Peaceful protest' && input.fatalities > 0) error('fatalities', 'A peaceful protest has no fatalities: code a protest with intervention or excessive force.');
  if (input.civilianTargeting && input.actor2?.type !== 7 && type !== 'Explosions/Remote violence') {
    error('civilianTargeting', 'Civilian targeting is marked but actor 2 is not civilians.');
  }

  for (const s of ctx.sources) {
    if (s.published && input.date > s.published.slice(0, 10)) {
      error('date', `The event date ${input.date} is after the publication of "${s.title}" (${s.published.slice(0, 10)}).`);
    }
  }

  if (input.locationId === null) error('location', 'Choose the place where it happened.');
  else {
    const place = ctx.entity(input.locationId);
    if (!place) error('location', 'The location is not in the registry (it may have been deleted).');
    else if (place.type !== 'place') error('location', `The location must be a place; "${place.name}" is ${A_TYPE[place.type as EntityType] ?? place.type}.`);
    else if (!place.placed) error('location', `"${place.name}" is not on the map yet: pick its gazetteer record or click the map.`);
    else if ((place.placeKind === 'country' || place.placeKind === 'continent') && input.geoPrecision !== 3) error('geoPrecision', `"${place.name}" is a ${place.placeKind}: geo precision must be 3 (a larger region).`);
    else if (place.placeKind === 'region' && input.geoPrecision === 1) error('geoPrecision', `"${place.name}" is a region or a natural feature: geo precision must be 2 or 3, not 1.`);
    else if (place.placeKind === 'admin1' && input.geoPrecision === 1) error('geoPrecision', `"${place.name}" is a province or state: geo precision must be 2 or 3, not 1.`);
    else if (place.placeKind === 'admin2' && input.geoPrecision === 1) error('geoPrecision', `"${place.name}" is a district or county: geo precision must be 2 or 3, not 1.`);
  }

  for (const id of ctx.duplicates) {
    problems.push({ field: 'date', severity: 'warning', duplicateOf: id, message: `Event ${id} already codes the same actors at the same place on ${input.date}: merge them rather than count it twice.` });
  }
  return problems;
}
