import type { ActorType, SubEventType } from '../../contract/acled.js';
import type { EventInputRaw, EvidenceInput } from '../../contract/events.js';
import type { Mention } from '../../contract/entities.js';
import { proposeFatalities } from './fatalities.js';

/** The sub-event a sentence most likely describes, from its verbs and nouns. */
const SUB_EVENT_CUES: [RegExp, SubEventType][] = [
  [/\b(suicide (bomb|attack))/i, 'Suicide bomb'],
  [/\b(air ?strikes?|drone|warplanes?|aircraft (struck|bombed))/i, 'Air/drone strike'],
  [/\b(shell(ed|ing)?|artillery|missiles?|rockets?|mortars?)\b/i, 'Shelling/artillery/missile attack'],
  [/\b(ied|roadside bomb|landmines?|car bomb|explosive device)\b/i, 'Remote explosive/landmine/IED'],
  [/\bgrenades?\b/i, 'Grenade'],
  [/\b(abduct\w*|kidnap\w*)\b/i, 'Abduction/forced disappearance'],
  [/\b(recaptur\w*|retook|regain\w*)\b/i, 'Government regains territory'],
  [/\b(captur\w*|seiz\w*|took control|overr[au]n|fell to|invad\w*|entered|took over)\b/i, 'Non-state actor overtakes territory'],
  [/\b(clash\w*|fight\w*|battles?|exchang\w* fire|attack\w* (police|army|troops|forces|checkpoints?|posts?))\b/i, 'Armed clash'],
  [/\b(killed|killing|massacred|executed) [\w\s]{0,20}civilians\b|\bcivilians were (killed|shot)\b/i, 'Attack'],
  [/\b(riot\w*)\b/i, 'Violent demonstration'],
  [/\b(protest\w*|demonstrat\w*|rall(y|ied)|march\w*)\b/i, 'Peaceful protest'],
  [/\b(arrest\w*|detain\w*)\b/i, 'Arrests'],
  [/\b(agreement|ceasefire|truce|deal|signed)\b/i, 'Agreement'],
];

/** A first guess at ACLED's actor type from a name; the analyst confirms it. */
export function guessActorType(name: string, entityType: string): ActorType {
  if (/\b(forces?|army|police|military|air force|navy|government|ministry|troops|soldiers|national guard)\b/i.test(name)) return 1;
  if (/\bcivilians?\b/i.test(name)) return 7;
  if (/\bprotesters?|demonstrators?\b/i.test(name)) return 6;
  if (/\brioters?\b/i.test(name)) return 5;
  if (entityType === 'group') return 4;
  return 2;
}

const PRECISION = { day: 1, week: 2, month: 3, year: 3, decade: 3 } as const;

/**
 * Pre-fills an event from the selected text and the annotations in and around it: actors from the
 * organisations and groups named, the location from its places, the date from its date (or the
 * nearest one before it), the sub-event from its verbs, fatalities from its figures. Every field
 * filled from the text cites it.
 */
export function draftEvent(
  articleId: number,
  body: string,
  start: number,
  end: number,
  mentions: Mention[],
  published: string | null,
): { input: Partial<EventInputRaw>; evidence: EvidenceInput[]; fatalities: ReturnType<typeof proposeFatalities> } {
  const text = body.slice(start, end);
  const inside = mentions.filter((m) => m.status !== 'rejected' && m.start >= start && m.end <= end);
  const actors = inside.filter((m) => (m.type === 'organisation' || m.type === 'group') && m.entityId !== null);
  const places = inside.filter((m) => m.type === 'place' && m.entityId !== null && m.place);
  const datesInside = inside.filter((m) => m.type === 'date' && m.date?.value);
  // The most precise date in the text ("Sunday night" over "in the past few days").
  const dateMention =
    datesInside.find((m) => m.date!.precision === 'day') ??
    datesInside[0] ??
    mentions.filter((m) => m.type === 'date' && m.date?.value && m.end <= start && m.date.precision !== 'decade' && m.date.precision !== 'year').at(-1);
  const sub = SUB_EVENT_CUES.find(([re]) => re.test(text))?.[1] ?? 'Armed clash';
  const fatalities = proposeFatalities([text]);
  const evidence: EvidenceInput[] = [{ field: 'eventType', articleId, start, end }];
  const input: Partial<EventInputRaw> = { subEventType: sub, fatalities: fatalities.proposal, civilianTargeting: sub === 'Attack' };
  const distinctActors = [...new Map(actors.map((a) => [a.entityId, a])).values()];
  if (distinctActors[0]) {
    input.actor1 = { entityId: distinctActors[0].entityId!, type: guessActorType(distinctActors[0].entityName ?? distinctActors[0].quote, distinctActors[0].type) };
    evidence.push({ field: 'actor1', articleId, start, end });
  }
  if (distinctActors[1]) {
    input.actor2 = { entityId: distinctActors[1].entityId!, type: guessActorType(distinctActors[1].entityName ?? distinctActors[1].quote, distinctActors[1].type) };
    evidence.push({ field: 'actor2', articleId, start, end });
  }
  // Where it happened: a place introduced by "in", "at", "near"… rather than one it is measured
  // from ("to the west of Kunduz in Maimana"), and a town before a province before a country.
  const rank = (p: Mention) => {
    const before = body.slice(Math.max(0, p.start - 30), p.start).toLowerCase();
    const kind = p.candidates[0]?.kind;
    let score = kind === 'city' ? 3 : kind === 'admin1' ? 2 : kind === 'custom' ? 3 : 1;
    if (/\b(in|at|near|outside|into|inside|entered|to)\s+(the\s+(city|town|village)\s+of\s+)?$/.test(before)) score += 4;
    if (/\b(of|from)\s+$/.test(before) && !/\b(city|town|village|port)\s+of\s+$/.test(before)) score -= 2;
    return score;
  };
  const place = [...places].sort((a, b) => rank(b) - rank(a))[0];
  if (place) {
    input.locationId = place.entityId;
    const kind = place.candidates[0]?.kind;
    input.geoPrecision = kind === 'country' ? 3 : kind === 'admin1' ? 2 : /\b(near|outside|outskirts|around)\b/i.test(text) ? 2 : 1;
    evidence.push({ field: 'location', articleId, start, end });
  }
  if (dateMention?.date?.value) {
    input.date = dateMention.date.value;
    input.timePrecision = PRECISION[dateMention.date.precision as keyof typeof PRECISION] ?? 2;
    evidence.push({ field: 'date', articleId, start: dateMention.start, end: dateMention.end });
  } else if (published) {
    input.date = published.slice(0, 10);
    input.timePrecision = 2;
  }
  if (fatalities.readings.some((r) => r.figure !== null)) evidence.push({ field: 'fatalities', articleId, start, end });
  return { input, evidence, fatalities };
}
