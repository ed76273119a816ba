import { CallFailed } from '../api.js';

/**
 * Counts a table's block requests. A block asked before the latest can come back after it (a
 * refresh of the old filter overtaken by the new filter's first block): its total is then stale.
 * A failed block whose order the core passed over for a newer sort or filter (code "superseded",
 * see electron/services/orderReader.ts), with other blocks asked since, is of a table no longer
 * shown: nobody waits for it and nothing is wrong, so the analyst sees no error for it.
 */
export function staleBlocks() {
  let latest = 0;
  return {
    /** Call when a block is asked for; the ticket it returns names that block. */
    ask: (): number => ++latest,
    /** No block was asked for after this one. */
    isLatest: (ticket: number): boolean => ticket === latest,
    droppedQuietly: (error: unknown, ticket: number): boolean => error instanceof CallFailed && error.code === 'superseded' && ticket !== latest,
  };
}
