import { ACTOR_TYPES, eventTypeOf, type ActorType, type SubEventType } from '../../contract/acled.js';
import type { EventInputRaw, EvidenceInput } from '../../contract/events.js';
import type { Mention } from '../../contract/entities.js';
import { proposeFatalities } from './fatalities.js';

/** The sub-event a sentence most likely describes, from its verbs and nouns. */
const SUB_EVENT_CUES: [RegExp, SubEventType][] = [
  [/\b(suicide (bomb|attack))/i, 'Suicide bomb'],
  [/\b(air ?strikes?|drone|warplanes?|aircraft (struck|bombed))/i, 'Air/drone strike'],
  [/\b(shell(ed|ing)?|artillery|missiles?|rockets?|mortars?)\b/i, 'Shelling/artillery/missile attack'],
  [/\b(ied|roadside bomb\w*|landmines?|car bomb\w*|explosive device|bomb blast|blast|explosion)\b/i, 'Remote explosive/landmine/IED'],
  [/\bgrenades?\b/i, 'Grenade'],
  [/\b(abduct\w*|kidnap\w*)\b/i, 'Abduction/forced disappearance'],
  [/\b(recaptur\w*|retook|regain\w*)\b/i, 'Government regains territory'],
  [/\b(captur\w*|seiz\w*|took control|overr[au]n|fell to|invad\w*|entered|took over)\b/i, 'Non-state actor overtakes territory'],
  [/\b(clash\w*|fight\w*|battles?|exchang\w* fire|attack\w* (a |an |the )?(police|army|troops|forces|checkpoints?|posts?|base|barracks))\b/i, 'Armed clash'],
  [/\b(killed|killing|massacred|executed) [\w\s]{0,20}(civilians|villagers|worshippers|passengers|residents)\b|\b(civilians|villagers|worshippers|passengers|residents) were (killed|shot)\b/i, 'Attack'],
  // Force against a protest: ACLED's two interventions, before the protest itself.
  [/\b(opened fire|fired (live )?(rounds|bullets)|shot|beat|killed|killing)\b[^.]{0,40}\b(protesters|demonstrators)\b/i, 'Excessive force against protesters'],
  [/\b(tear gas|water cannon|rubber bullets|dispersed|arrest\w*|detain\w*)\b[^.]{0,40}\b(protest\w*|demonstrat\w*)|\b(protest\w*|demonstrat\w*)[^.]{0,60}\b(tear gas|water cannon|rubber bullets|dispersed)\b/i, 'Protest with intervention'],
  [/\b(riot\w*|set fire|torched|looted|stoned)\b/i, 'Violent demonstration'],
  [/\b(protest\w*|demonstrat\w*|rall(y|ied)|march\w*)\b/i, 'Peaceful protest'],
  [/\b(arrest\w*|detain\w*)\b/i, 'Arrests'],
  [/\b(agreement|ceasefire|truce|deal|signed)\b/i, 'Agreement'],
];

const ACTOR_TYPE_CUES: [RegExp, ActorType, string][] = [
  // Armies and fronts of liberation movements are rebels, whatever their name says ("Kachin Independence Army").
  [/\b(liberation|independence|revolutionary|resistance|salvation|patriotic|people'?s) (army|front|movement|forces)\b/i, 2, 'Rebel group'],
  // State forces: a state's police, army and other armed bodies ("Military Forces of Nigeria").
  [/\b(police|policem[ae]n|gendarmes?|gendarmerie|army|military|soldiers?|troops|armed forces|security forces|government forces|forces of|national guard|air force|navy|marines|border guards?|ministry of (defen[cs]e|interior)|(defen[cs]e|interior) ministry)\b/i, 1, 'State forces'],
  // Rebel groups: armed movements fighting a state; the names ACLED codes as such that the news uses bare.
  [/\b(rebels?|insurgents?|militants?|jihadists?|guerrillas?|taliban|al-shabaab|boko haram|islamic state|isis|isil|iswap|jnim|al-qaeda|al qaeda|m23|farc|eln|pkk|liberation (army|front)|resistance movement)\b/i, 2, 'Rebel group'],
  // Identity militias: armed groups of an ethnic, clan or communal identity.
  [/\b(ethnic|communal|clan|tribal|identity) militias?\b|\bvigilantes?\b/i, 4, 'Identity militia'],
  // ACLED codes unidentified armed men as a political militia, as it does militias without an identity.
  [/\b(militias?|militiamen|gunmen|armed men|unidentified armed group|paramilitar(y|ies))\b/i, 3, 'Political militia'],
  [/\b(rioters?|mobs?)\b/i, 5, 'Rioters'],
  [/\b(protesters?|protestors?|demonstrators?|marchers)\b/i, 6, 'Protesters'],
  [/\b(civilians?|villagers?|residents?|worshippers|passengers|students|journalists?|aid workers|children|women|refugees|displaced people|pilgrims|shoppers|teachers|health workers)\b/i, 7, 'Civilians'],
  [/\b(peacekeepers?|peacekeeping|united nations (mission|forces)|private (security|military))\b/i, 8, 'External/Other forces'],
];

/**
 * An actor's ACLED type (inter code): the one the analyst gave this entity before, else the one its
 * name's cue words call for, else none: the analyst chooses (a guess by default would be invented).
 */
export function actorTypeOf(name: string, known: ActorType | null = null): { type: ActorType | null; why: string } {
  if (known) return { type: known, why: `coded as ${ACTOR_TYPES[known]} in earlier events` };
  for (const [re, type, label] of ACTOR_TYPE_CUES) {
    const cue = re.exec(name);
    if (cue) return { type, why: `"${cue[0]}" → ${label}` };
  }
  return { type: null, why: `no cue in "${name}": choose its type` };
}

/** A reporting source in the text: who says it, and where the words that say so stand. */
export interface Attribution {
  start: number;
  end: number;
  /** The speaker as written ("a spokesman for the Interior Ministry"). */
  speaker: string;
  /** The source as the event records it ("Interior Ministry"). */
  source: string;
  /** "The Taliban said they captured…": the speaker is also a party. */
  selfReport: boolean;
}

const SPEECH = /\b(said|says|say|told|tells|reported|reports|stated|announced|confirmed|added|quoted|claimed)\b/gi;
const SPEAKER_TRIM = /^(?:and\s+|but\s+|while\s+|as\s+)?(?:the|a|an)\s+/i;
const SPOKESPERSON = /^(?:(?:the|a|an)\s+)?(?:spokes(?:man|woman|person)|official|officer|source|commander|statement|representative)s?\s+(?:for|of|from|at|with)\s+(?:the\s+)?(.+)$/i;
const SPOKESPERSON_AFTER = /^(.+?)\s+(?:spokes(?:man|woman|person)|representative)\b.*$/i;

function sourceName(speaker: string): string {
  const text = speaker.trim().replace(/\s+/g, ' ');
  const of = SPOKESPERSON.exec(text);
  if (of) return of[1]!.replace(/^(?:the|a|an)\s+/i, '');
  const before = SPOKESPERSON_AFTER.exec(text.replace(SPEAKER_TRIM, ''));
  if (before) return before[1]!;
  return text.replace(SPEAKER_TRIM, '');
}

/**
 * Who the text says reports it: "…, the United Nations said", "according to police", "X told
 * Reuters", "a spokesman for X said", "reported by X". These are the event's sources, not its parties.
 */
export function findAttributions(text: string): Attribution[] {
  const found: Attribution[] = [];
  for (const m of text.matchAll(/\baccording to\s+((?:a statement (?:from|by)\s+)?[^,.;:()]+?)(?=\s+(?:on|in|at|who|which)\b|[,.;:()]|$)/gi)) {
    const speaker = m[1]!.replace(/^a statement (?:from|by)\s+/i, '');
    found.push({ start: m.index, end: m.index + m[0].length, speaker, source: sourceName(speaker), selfReport: false });
  }
  for (const m of text.matchAll(/\b(?:reported|quoted|cited|confirmed) by\s+([^,.;:()]+?)(?=\s+(?:on|in|at)\b|[,.;:()]|$)/gi)) {
    found.push({ start: m.index, end: m.index + m[0].length, speaker: m[1]!, source: sourceName(m[1]!), selfReport: false });
  }
  for (const m of text.matchAll(SPEECH)) {
    const verbEnd = m.index + m[0].length;
    const rest = text.slice(verbEnd);
    if (/^\s+by\b/i.test(rest) || (m[1]!.toLowerCase() === 'claimed' && /^\s+(responsibility|credit|control)\b/i.test(rest))) continue;
    // The speaker runs back to the start of the clause: a stop, a comma, a quotation mark, "that".
    const head = text.slice(0, m.index);
    const boundary = Math.max(...[/[.;:!?"“”]\s*[^.;:!?"“”]*$/, /,\s*[^,]*$/, /\bthat\s+[^]*$/].map((re) => {
      const b = re.exec(head);
      return b ? b.index + b[0].length - b[0].replace(/^[.;:!?"“”,]\s*|^that\s+/, '').length : 0;
    }));
    let start = boundary;
    let speaker = head.slice(start).trim();
    // "A spokesman for the ministry, Ahmad Ali, said": the apposition leads back to its office.
    const apposition = /(?:^|[.;:!?]\s*|,\s*)((?:the|a|an)?\s*(?:spokes(?:man|woman|person)|official|commander|representative)\s+(?:for|of)\s+[^,]+),\s*$/i.exec(head.slice(0, start));
    if (apposition) {
      start = head.lastIndexOf(apposition[1]!, start);
      speaker = apposition[1]!;
    }
    if (!speaker || speaker.split(/\s+/).length > 8 || /\b(killed|wounded|attacked|died|were|was|had|have|has)\b/i.test(speaker) || /^(he|she|they|it|we|i|who|which)$/i.test(speaker)) continue;
    start = text.indexOf(speaker, start);
    let end = verbEnd;
    // "…told Reuters" / "told AFP": the agency is a source too.
    let source = sourceName(speaker);
    const agency = /^\s+((?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})/.exec(rest);
    if (/^told$|^tells$/i.test(m[1]!) && agency) {
      const name = agency[1]!.replace(/[.,]+$/, '');
      source = `${source}; ${name.replace(/^the\s+/i, '')}`;
      end += agency[0].length - (agency[1]!.length - name.length);
    }
    const selfReport = /^\s*(?:on \w+\s+)?(?:that\s+)?(?:they|it|its (?:fighters|forces|men|troops|members)|their (?:fighters|forces|men))\b/i.test(rest) || /^claimed$/i.test(m[1]!);
    if (!found.some((f) => f.start <= start && f.end >= end)) found.push({ start, end, speaker, source, selfReport });
  }
  return found.sort((a, b) => a.start - b.start);
}

const KIND_LABEL = { wounded: 'Wounded', missing: 'Missing', displaced: 'Displaced', arrested: 'Arrested', abducted: 'Abducted', killed: 'Killed' } as const;

const PRECISION = { day: 1, week: 2, month: 3, year: 3, decade: 3 } as const;

/**
 * Pre-fills an event from the selected text and the annotations in and around it, citing the text
 * for every field it fills and inventing nothing: actors from the organisations and groups named
 * as parties (a reporting source is the event's source, never a party), each actor's type from
 * what the analyst coded before or its cue words (else left to the analyst), the location from its
 * places, the date from its date (or the nearest one before it), the sub-event from its verbs,
 * fatalities from figures of the dead only (the wounded, missing, displaced and arrested go to
 * the notes with their words).
 */
export function draftEvent(
  articleId: number,
  body: string,
  start: number,
  end: number,
  mentions: Mention[],
  published: string | null,
  knownType: (entityId: number) => ActorType | null = () => null,
): { input: Partial<EventInputRaw>; evidence: EvidenceInput[]; fatalities: ReturnType<typeof proposeFatalities>; cues: string[] } {
  const text = body.slice(start, end);
  const cues: string[] = [];
  const inside = mentions.filter((m) => m.status !== 'rejected' && m.start >= start && m.end <= end);
  const attributions = findAttributions(text);
  const reporting = (m: Mention) => attributions.some((a) => !a.selfReport && m.start - start >= a.start && m.end - start <= a.end);
  // An entity named only as the one who reports it is no party to the event.
  const parties = inside.filter((m) => (m.type === 'organisation' || m.type === 'group') && m.entityId !== null);
  const sourceOnly = new Set(parties.filter(reporting).map((m) => m.entityId!));
  for (const m of parties) if (!reporting(m)) sourceOnly.delete(m.entityId!);
  // "Russian forces" names who fights, not where: a nationality adjective is no location.
  const places = inside.filter((m) => m.type === 'place' && !m.adjectival && m.entityId !== null && m.place);
  const datesInside = inside.filter((m) => m.type === 'date' && m.date?.value);
  // The most precise date in the text ("Sunday night" over "in the past few days").
  const dateMention =
    datesInside.find((m) => m.date!.precision === 'day') ??
    datesInside[0] ??
    mentions.filter((m) => m.type === 'date' && m.date?.value && m.end <= start && m.date.precision !== 'decade' && m.date.precision !== 'year').at(-1);
  const sub = SUB_EVENT_CUES.find(([re]) => re.test(text))?.[1] ?? 'Armed clash';
  const fatalities = proposeFatalities([text]);
  const evidence: EvidenceInput[] = [{ field: 'eventType', articleId, start, end }];
  const input: Partial<EventInputRaw> = { subEventType: sub, fatalities: fatalities.proposal };

  if (attributions.length) {
    // The source as written, with its registry name where one of its words is an annotated entity.
    const sources = attributions.map((a) => {
      const named = inside.find((m) => m.entityId !== null && m.type !== 'date' && m.type !== 'place' && m.start - start >= a.start && m.end - start <= a.end);
      return named ? a.source.replace(new RegExp(`(^|; )[^;]*${escapeRe(named.quote)}[^;]*`, 'i'), `$1${named.entityName ?? named.quote}`) : a.source;
    });
    input.source = [...new Set(sources)].join('; ');
    for (const a of attributions) cues.push(`Source: "${text.slice(a.start, a.end).trim()}" → ${a.source}${a.selfReport ? ' (also a party: it speaks of itself)' : ' (reports the event; not an actor)'}`);
  }

  const typed = [...new Map(parties.filter((m) => !sourceOnly.has(m.entityId!)).map((m) => [m.entityId!, m])).values()].map((m) => {
    const name = m.entityName ?? m.quote;
    const { type, why } = actorTypeOf(name === m.quote ? name : `${name} ${m.quote}`, knownType(m.entityId!));
    return { mention: m, name, type, why };
  });
  // Victims are the second actor: "40 civilians were killed … when a suicide bomber struck".
  const victims = typed.filter((a) => a.type === 7);
  const others = typed.filter((a) => a.type !== 7);
  const [first, second] = others.length ? [others[0], others[1] ?? victims[0]] : [undefined, victims[0]];
  for (const [field, actor] of [['actor1', first], ['actor2', second]] as const) {
    if (!actor) continue;
    input[field] = { entityId: actor.mention.entityId!, type: actor.type as ActorType };
    evidence.push({ field, articleId, start, end });
    cues.push(`${field === 'actor1' ? 'Actor 1' : 'Actor 2'}: ${actor.name}, type ${actor.why}`);
  }
  input.civilianTargeting = sub === 'Attack' || (second?.type === 7 && /Explosions|Violence against civilians/.test(eventTypeOf(sub)));

  // Where it happened: a place introduced by "in", "at", "near"… rather than one it is measured
  // from ("to the west of Kunduz in Maimana"), and a town before a province before a country.
  const rank = (p: Mention) => {
    const before = body.slice(Math.max(0, p.start - 30), p.start).toLowerCase();
    const kind = p.candidates[0]?.kind;
    let score = kind === 'city' ? 3 : kind === 'admin2' ? 2.5 : kind === 'admin1' ? 2 : kind === 'custom' ? 3 : 1;
    if (/\b(in|at|near|outside|into|inside|entered|to)\s+(the\s+(city|town|village)\s+of\s+)?$/.test(before)) score += 4;
    if (/\b(of|from)\s+$/.test(before) && !/\b(city|town|village|port)\s+of\s+$/.test(before)) score -= 2;
    return score;
  };
  const place = [...places].sort((a, b) => rank(b) - rank(a))[0];
  if (place) {
    input.locationId = place.entityId;
    const kind = place.candidates[0]?.kind;
    input.geoPrecision = kind === 'country' || kind === 'continent' || kind === 'region' ? 3 : kind === 'admin1' || kind === 'admin2' ? 2 : /\b(near|outside|outskirts|around)\b/i.test(text) ? 2 : 1;
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
  const apart = fatalities.readings.flatMap((r) => r.others);
  if (apart.length) {
    input.notes = apart.map((c) => `${KIND_LABEL[c.kind]}: ${c.figure} ("${c.phrase}")`).join('\n');
    evidence.push({ field: 'notes', articleId, start, end });
    cues.push(`Not counted as fatalities (in the notes): ${apart.map((c) => `"${c.phrase}"`).join(', ')}`);
  }
  return { input, evidence, fatalities, cues };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
