import { z } from 'zod';
import { ColumnFilter } from './articles.js';
import { filterColumns, filterKindsFit } from './tableFilters.js';

export const RELATION_TYPES = ['member of', 'spokesman for', 'leader of', 'allied with', 'fights against', 'located in', 'part of', 'custom'] as const;
export const RelationType = z.enum(RELATION_TYPES);

const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Use a date like 2021-06-20, 2021-06 or 2021');

export const RelationInput = z
  .object({
    sourceId: z.number().int().positive(),
    targetId: z.number().int().positive(),
    type: RelationType,
    /** The name of a custom type ("financed by"); required when type is "custom". */
    label: z.string().trim().max(100).nullable().default(null),
    startDate: IsoDate.nullable().default(null),
    endDate: IsoDate.nullable().default(null),
    notes: z.string().max(20_000).nullable().default(null),
  })
  .refine((r) => r.sourceId !== r.targetId, { message: 'A relation joins two different entities.', path: ['targetId'] })
  .refine((r) => r.type !== 'custom' || !!r.label, { message: 'Name the custom relation (e.g. "financed by").', path: ['label'] })
  .refine((r) => !r.startDate || !r.endDate || r.startDate <= r.endDate, { message: 'The relation cannot end before it starts.', path: ['endDate'] });
export type RelationInput = z.infer<typeof RelationInput>;

export const RelationEvidence = z.object({ articleId: z.number().int().positive(), start: z.number().int().min(0), end: z.number().int().min(1) });

export const RelationRecord = z.object({
  id: z.number(),
  source: z.object({ id: z.number(), name: z.string(), type: z.string() }),
  target: z.object({ id: z.number(), name: z.string(), type: z.string() }),
  type: z.string(),
  label: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  notes: z.string().nullable(),
  evidence: z.array(z.object({ id: z.number(), articleId: z.number(), articleTitle: z.string(), quote: z.string(), start: z.number(), end: z.number() })),
});
export type RelationRecord = z.infer<typeof RelationRecord>;

/** The columns the Relations table filters on, each with the kind of filter it takes ("when" filters on the start date). */
export const RELATION_FILTER_KINDS = { source: 'text', type: 'text', target: 'text', when: 'date', notes: 'text' } as const;
export const RELATION_COLUMNS = ['source', 'type', 'target', 'when'] as const;

/** How the Relations table narrows and orders its rows, besides the entities of the filter bar. */
export const RelationNarrowing = z.object({
  /** The search box on the relations' own text: the names of both ends, the type and the notes. */
  search: z.string().max(500).default(''),
  /** The Relations table's column filters (AG Grid's filter model), applied in SQL. */
  filters: z.partialRecord(z.enum(filterColumns(RELATION_FILTER_KINDS)), ColumnFilter).superRefine(filterKindsFit(RELATION_FILTER_KINDS)).default({}),
  sort: z.array(z.object({ column: z.enum(RELATION_COLUMNS), direction: z.enum(['asc', 'desc']) })).max(1).default([]),
});
export type RelationNarrowing = z.infer<typeof RelationNarrowing>;

/** A graph for the link chart: entities as nodes, relations as edges. */
export const Graph = z.object({
  nodes: z.array(z.object({ id: z.number(), name: z.string(), type: z.string(), degree: z.number() })),
  edges: z.array(z.object({ id: z.number(), source: z.number(), target: z.number(), type: z.string(), label: z.string().nullable() })),
  truncated: z.boolean(),
});
export type Graph = z.infer<typeof Graph>;
