/**
 * How an order read on the reader's connection is stopped once the window has asked for another
 * (see OrderReader.stopTerm): shared by the core, which adds the condition to its reads, and the
 * reader worker, which defines the function.
 */

/** The function the reader worker's connection defines. */
export const STOP_FUNCTION = 'awb_order_still_wanted';

/** Rows a read looks at between two looks at the order asked for last: a few milliseconds of reading. */
export const STOP_EVERY = 4096;

/** Always true; `likelihood` tells the planner it keeps every row, so a read is planned as without it. */
export const STOP_TERM = `likelihood(${STOP_FUNCTION}(), 1.0)`;
