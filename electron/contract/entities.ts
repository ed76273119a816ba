import { z } from 'zod';
import { ArticleQuery, ColumnFilter } from './articles.js';
import { ARTICLE_IDS_MAX } from './selection.js';

export const ENTITY_TYPES = ['person', 'organisation', 'place', 'group'] as const;
export const MENTION_TYPES = [...ENTITY_TYPES, 'date'] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export const MentionType = z.enum(MENTION_TYPES);
export type EntityType = z.infer<typeof EntityType>;
export type MentionType = z.infer<typeof MentionType>;
/** Each type with its indefinite article, for messages ("This mention is an organisation"). */
export const A_TYPE: Record<MentionType, string> = { person: 'a person', organisation: 'an organisation', place: 'a place', group: 'a group', date: 'a date' };

/** What a gazetteer record is: 'city' is any point (a town, an airport); 'custom' a workspace's own place. */
export const PLACE_KINDS = ['city', 'admin1', 'admin2', 'country', 'continent', 'region', 'custom'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const PlaceCandidate = z.object({
  /** Gazetteer id, or a negative number for a custom place of this workspace. */
  id: z.number(),
  name: z.string(),
  kind: z.enum(PLACE_KINDS),
  country: z.string().nullable(),
  admin1Name: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  population: z.number(),
  /** The GeoNames record it is, where known (towns, continents, most provinces and states). */
  geonamesId: z.number().nullable().optional(),
  score: z.number().optional(),
  /** An airport or air base: a point like a town ('city'), but the analyst must not read it as one. */
  facility: z.enum(['airport', 'air base']).optional(),
  /** A region or natural feature, in a word: "sea", "island", "mountains", "region" (kind 'region'). */
  natural: z.string().max(40).optional(),
});
export type PlaceCandidate = z.infer<typeof PlaceCandidate>;

export const Mention = z.object({
  id: z.number(),
  articleId: z.number(),
  start: z.number(),
  end: z.number(),
  quote: z.string(),
  type: MentionType,
  status: z.enum(['suggested', 'accepted', 'rejected']),
  origin: z.enum(['auto', 'analyst']),
  entityId: z.number().nullable(),
  entityName: z.string().nullable(),
  confidence: z.number().nullable(),
  reason: z.string().nullable(),
  date: z.object({ value: z.string().nullable(), until: z.string().nullable(), precision: z.string() }).nullable(),
  candidates: z.array(PlaceCandidate),
  /** A nationality adjective naming its country ("Russian forces" → Russia); the map can leave these out. */
  adjectival: z.boolean(),
  /** Where the linked entity is placed on the map, if it is. */
  place: z.object({ label: z.string().nullable(), lat: z.number(), lon: z.number() }).nullable(),
});
export type Mention = z.infer<typeof Mention>;

export const ENTITY_COLUMNS = ['type', 'name', 'mentions', 'suggested', 'articles', 'firstSeen', 'lastSeen'] as const;
export const EntityColumn = z.enum(ENTITY_COLUMNS);
export type EntityColumn = z.infer<typeof EntityColumn>;

export const EntityQuery = z.object({
  search: z.string().max(500).default(''),
  types: z.array(EntityType).default([]),
  /** Only entities mentioned in these articles. */
  articleIds: z.array(z.number().int()).max(ARTICLE_IDS_MAX).default([]),
  /** Only entities (places) inside [west, south, east, north]. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable().default(null),
  includeSuggested: z.boolean().default(true),
  /** Only entities mentioned in the articles this query matches: the articles table's filters apply here too. */
  articleQuery: ArticleQuery.nullable().default(null),
  sort: z.array(z.object({ column: EntityColumn, direction: z.enum(['asc', 'desc']) })).max(1).default([]),
  /** The Entities table's column filters (AG Grid's filter model), applied in SQL. */
  filters: z.partialRecord(z.enum(['type', 'name']), ColumnFilter).default({}),
});
export type EntityQuery = z.infer<typeof EntityQuery>;
export type EntityQueryInput = z.input<typeof EntityQuery>;

export const EntityRow = z.object({
  id: z.number(),
  type: EntityType,
  name: z.string(),
  aliases: z.array(z.string()),
  /** Accepted mentions. */
  mentions: z.number(),
  suggested: z.number(),
  articles: z.number(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  placeLabel: z.string().nullable(),
});
export type EntityRow = z.infer<typeof EntityRow>;

export const EntityDetail = EntityRow.extend({
  notes: z.string().nullable(),
  geonamesId: z.number().nullable(),
  wikidata: z.string().nullable(),
  placeId: z.number().nullable(),
  occurrences: z.array(
    z.object({
      mentionId: z.number(),
      articleId: z.number(),
      articleTitle: z.string(),
      published: z.string().nullable(),
      start: z.number(),
      end: z.number(),
      quote: z.string(),
      before: z.string(),
      after: z.string(),
      status: z.enum(['suggested', 'accepted', 'rejected']),
    }),
  ),
});
export type EntityDetail = z.infer<typeof EntityDetail>;

export const PlacePick = z.union([
  z.object({ gazetteerId: z.number().int() }),
  z.object({ custom: z.object({ name: z.string().trim().min(1).max(200), lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }) }),
  z.object({ none: z.literal(true) }),
]);
export type PlacePick = z.infer<typeof PlacePick>;

/** How far a place chosen for one mention reaches: the mention, its entity's mentions in the article, or the entity itself. */
export const PlaceScope = z.enum(['this', 'article', 'entity']);
export type PlaceScope = z.infer<typeof PlaceScope>;

export const MapPlace = z.object({
  entityId: z.number(),
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  mentions: z.number(),
});
export type MapPlace = z.infer<typeof MapPlace>;

/**
 * Places for the map, packed: "id,lat,lon,mentions" records joined by ";", with names for the
 * most-mentioned ones (the labels). Building 100,000 row objects cost more than the query itself;
 * one string crosses the boundary in a fraction of that (see npm run bench).
 */
export const MapLayer = z.object({ packed: z.string(), names: z.array(z.tuple([z.number(), z.string()])) });
export type MapLayer = z.infer<typeof MapLayer>;

/**
 * The basemap's names, Natural Earth style: countries at their GeoNames point and cities of 50,000
 * people or more, as [name, lat, lon, population] (cities add 1 for a capital, else 0).
 */
export const BasemapLabels = z.object({
  countries: z.array(z.tuple([z.string(), z.number(), z.number(), z.number()])),
  cities: z.array(z.tuple([z.string(), z.number(), z.number(), z.number(), z.number()])),
});
export type BasemapLabels = z.infer<typeof BasemapLabels>;

export function decodeMapLayer(layer: MapLayer): MapPlace[] {
  if (!layer.packed) return [];
  const names = new Map(layer.names);
  const out: MapPlace[] = [];
  const text = layer.packed;
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf(';', at);
    if (end === -1) end = text.length;
    const a = text.indexOf(',', at);
    const b = text.indexOf(',', a + 1);
    const c = text.indexOf(',', b + 1);
    const id = Number(text.slice(at, a));
    out.push({ entityId: id, name: names.get(id) ?? '', lat: Number(text.slice(a + 1, b)), lon: Number(text.slice(b + 1, c)), mentions: Number(text.slice(c + 1, end)) });
    at = end + 1;
  }
  return out;
}
