import { z } from 'zod';
import { ArticleQuery, ColumnFilter } from './articles.js';
import { ARTICLE_IDS_MAX } from './selection.js';
import { filterColumns, filterKindsFit } from './tableFilters.js';
import { ACTOR_TYPE_CODES, EVENT_TYPE_NAMES, SUB_EVENT_TYPES, SourceScale, type ActorType, type SubEventType } from './acled.js';

export const EVENT_FIELDS = ['date', 'eventType', 'actor1', 'actor2', 'associates', 'location', 'fatalities', 'civilianTargeting', 'notes'] as const;
export const EventField = z.enum(EVENT_FIELDS);
export type EventField = z.infer<typeof EventField>;

const ActorTypeCode = z.union(ACTOR_TYPE_CODES.map((c) => z.literal(c)) as [z.ZodLiteral<1>, ...z.ZodLiteral<ActorType>[]]);

/** What the analyst codes; everything else (disorder type, interaction, admin areas) is derived. */
export const EventInput = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2021-06-20'),
  timePrecision: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  subEventType: z.enum(SUB_EVENT_TYPES as [SubEventType, ...SubEventType[]]),
  actor1: z.object({ entityId: z.number().int().positive(), type: ActorTypeCode }),
  actor2: z.object({ entityId: z.number().int().positive(), type: ActorTypeCode }).nullable(),
  associates1: z.array(z.number().int().positive()).max(50).default([]),
  associates2: z.array(z.number().int().positive()).max(50).default([]),
  civilianTargeting: z.boolean().default(false),
  locationId: z.number().int().positive().nullable(),
  geoPrecision: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  fatalities: z.number().int().min(0).max(1_000_000),
  source: z.string().max(500).nullable().default(null),
  sourceScale: SourceScale.nullable().default(null),
  notes: z.string().max(20_000).nullable().default(null),
  tags: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
});
export type EventInput = z.infer<typeof EventInput>;
export type EventInputRaw = z.input<typeof EventInput>;

export const EvidenceInput = z.object({ field: EventField, articleId: z.number().int().positive(), start: z.number().int().min(0), end: z.number().int().min(1) });
export type EvidenceInput = z.infer<typeof EvidenceInput>;

export const Evidence = EvidenceInput.extend({ id: z.number(), quote: z.string(), articleTitle: z.string(), published: z.string().nullable() });
export type Evidence = z.infer<typeof Evidence>;

export const Problem = z.object({ field: z.string(), message: z.string(), severity: z.enum(['error', 'warning']), duplicateOf: z.number().optional() });
export type Problem = z.infer<typeof Problem>;

export const EventRecord = z.object({
  id: z.number(),
  date: z.string(),
  timePrecision: z.number(),
  disorderType: z.string(),
  eventType: z.string(),
  subEventType: z.string(),
  actor1: z.object({ entityId: z.number(), name: z.string(), type: z.number() }).nullable(),
  actor2: z.object({ entityId: z.number(), name: z.string(), type: z.number() }).nullable(),
  associates1: z.array(z.object({ entityId: z.number(), name: z.string() })),
  associates2: z.array(z.object({ entityId: z.number(), name: z.string() })),
  interaction: z.number().nullable(),
  civilianTargeting: z.boolean(),
  location: z.object({ entityId: z.number(), name: z.string() }).nullable(),
  geoPrecision: z.number(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  admin1: z.string().nullable(),
  admin2: z.string().nullable(),
  admin3: z.string().nullable(),
  country: z.string().nullable(),
  /** The location as an imported row named it, kept beside the place it is linked to; null for events coded here. */
  placeName: z.string().nullable(),
  /** ACLED's event_id_cnty of an imported row; null for events coded here. */
  acledId: z.string().nullable(),
  updatedAt: z.string(),
  fatalities: z.number(),
  source: z.string().nullable(),
  sourceScale: z.string().nullable(),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  evidence: z.array(Evidence),
  /** Fields with no quote behind them. */
  unsupported: z.array(EventField),
  /**
   * The events that are this one coded again from another copy of its story (same sub-event type,
   * date, location and actors; see db/eventCopies.ts): counted once with it. Empty for most events.
   */
  alsoCodedAs: z.array(z.number()),
  /** Whether this event counts in totals, the timeline and the map: false for the one of such a group that does not. */
  counted: z.boolean(),
});
export type EventRecord = z.infer<typeof EventRecord>;

/** An event's codable fields as the form and the grid send them back: its record without what is derived. */
export function eventInputOf(e: EventRecord): EventInputRaw | null {
  if (!e.actor1) return null;
  return {
    date: e.date,
    timePrecision: e.timePrecision as 1 | 2 | 3,
    subEventType: e.subEventType as SubEventType,
    actor1: { entityId: e.actor1.entityId, type: e.actor1.type as ActorType },
    actor2: e.actor2 ? { entityId: e.actor2.entityId, type: e.actor2.type as ActorType } : null,
    associates1: e.associates1.map((a) => a.entityId),
    associates2: e.associates2.map((a) => a.entityId),
    civilianTargeting: e.civilianTargeting,
    locationId: e.location?.entityId ?? null,
    geoPrecision: e.geoPrecision as 1 | 2 | 3,
    fatalities: e.fatalities,
    source: e.source,
    sourceScale: e.sourceScale as EventInputRaw['sourceScale'],
    notes: e.notes,
    tags: e.tags,
  };
}

/** An event's coded fields by name, flat: what the CLI prints and exchange files carry. */
export function eventFields(e: EventRecord) {
  return {
    timePrecision: e.timePrecision,
    disorderType: e.disorderType,
    eventType: e.eventType,
    subEventType: e.subEventType,
    actor1: e.actor1?.name ?? null,
    actor2: e.actor2?.name ?? null,
    interaction: e.interaction,
    location: e.location?.name ?? null,
    admin1: e.admin1,
    country: e.country,
    geoPrecision: e.geoPrecision,
    fatalities: e.fatalities,
  };
}

export const EVENT_COLUMNS = ['date', 'eventType', 'subEventType', 'actor1', 'actor2', 'location', 'fatalities', 'updated'] as const;
/** The columns the Events table filters on, each with the kind of filter it takes. */
export const EVENT_FILTER_KINDS = {
  date: 'date',
  timePrecision: 'number',
  eventType: 'text',
  subEventType: 'text',
  actor1: 'text',
  actor2: 'text',
  location: 'text',
  geoPrecision: 'number',
  fatalities: 'number',
  notes: 'text',
} as const;
export const EVENT_FILTER_COLUMNS = filterColumns(EVENT_FILTER_KINDS);
export const EventQuery = z.object({
  dateFrom: z.string().nullable().default(null),
  dateTo: z.string().nullable().default(null),
  eventTypes: z.array(z.string()).default([]),
  entityIds: z.array(z.number().int()).max(50).default([]),
  articleIds: z.array(z.number().int()).max(ARTICLE_IDS_MAX).default([]),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable().default(null),
  /** Only events with evidence from the articles this query matches (the search box, tags, column filters). */
  articleQuery: ArticleQuery.nullable().default(null),
  /** Only these events (those tied to the current selection); absent for no such limit. */
  ids: z.array(z.number().int()).max(5000).optional(),
  sort: z.array(z.object({ column: z.enum(EVENT_COLUMNS), direction: z.enum(['asc', 'desc']) })).max(1).default([]),
  /** The search box on the events' own text: actors, location, notes, event and sub-event type. */
  search: z.string().max(500).default(''),
  /** The Events table's column filters (AG Grid's filter model), applied in SQL. */
  filters: z.partialRecord(z.enum(EVENT_FILTER_COLUMNS), ColumnFilter).superRefine(filterKindsFit(EVENT_FILTER_KINDS)).default({}),
});
export type EventQuery = z.infer<typeof EventQuery>;
export type EventQueryInput = z.input<typeof EventQuery>;

export interface EventPoint {
  id: number;
  eventType: string;
  lat: number;
  lon: number;
  geoPrecision: number;
  fatalities: number;
}

/** Reads events.points' packed records ("id,typeIndex,lat,lon,geoPrecision,fatalities;…", lat and lon in 1e-5 degrees). */
export function decodeEventPoints(packed: string): EventPoint[] {
  if (!packed) return [];
  return packed.split(';').map((r) => {
    const [id, type, lat, lon, geo, fatalities] = r.split(',');
    return { id: Number(id), eventType: EVENT_TYPE_NAMES[Number(type)] ?? 'Unknown', lat: Number(lat) / 1e5, lon: Number(lon) / 1e5, geoPrecision: Number(geo), fatalities: Number(fatalities) };
  });
}
