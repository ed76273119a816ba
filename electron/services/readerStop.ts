/**
 * How a read on the reader's connection (a table's order, or the articles of the map's filter) is
 * stopped once the window has asked for another (see OrderReader.stopTerm): shared by the core,
 * which adds the condition to its reads, and the reader worker, which defines the function.
 */

/** The function the reader worker's connection defines: true, or it throws to stop the read. */
export const STOP_FUNCTION = 'awb_still_wanted';

/** One row in this many (by id) asks the function: a few milliseconds of reading. A power of two. */
export const STOP_EVERY = 4096;

/**
 * Always true. The id test comes first so that SQLite, which stops at the first true side of an OR,
 * calls the function for one row in STOP_EVERY only: called for every row it cost 0.25 µs a row
 * (150,000 ids by date: 43 → 73 ms), and so 43 → 47–50 ms. `likelihood` tells the planner it keeps
 * every row, so a read is planned as without it. Written for the repository's reads, whose article
 * table is `a`.
 */
export const STOP_TERM = `likelihood((a.id & ${STOP_EVERY - 1}) <> 0 OR ${STOP_FUNCTION}(), 1.0)`;
