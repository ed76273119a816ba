import { z } from 'zod';

/** What the analyst has selected: one record of one kind. */
export const SelectionRef = z.object({ kind: z.enum(['article', 'entity', 'event', 'relation']), id: z.number().int().positive() });
export type SelectionRef = z.infer<typeof SelectionRef>;

/** The records tied to a selection, which every view marks. Each list is capped at SELECTION_CAP. */
export const SelectionLinks = z.object({
  /** How the selected record reads in a sentence: a title, a name, an event's kind and place. */
  label: z.string(),
  /** The day that opens the label (an event's), as stored: kept apart so the window writes it in the analyst's date format. */
  labelDate: z.string().nullable(),
  articleIds: z.array(z.number()),
  entityIds: z.array(z.number()),
  eventIds: z.array(z.number()),
  relationIds: z.array(z.number()),
  dates: z.array(z.string()),
});
export type SelectionLinks = z.infer<typeof SelectionLinks>;

export const SELECTION_CAP = 5000;

/**
 * The most article ids a query may carry: the ticked articles, or those a filter matches, which
 * every article of a million-article workspace may be. A query past it is refused at the boundary,
 * never cut short, since counts read over part of a selection are wrong without a word.
 */
export const ARTICLE_IDS_MAX = 1_000_000;
export const noLinks: SelectionLinks = { label: '', labelDate: null, articleIds: [], entityIds: [], eventIds: [], relationIds: [], dates: [] };
