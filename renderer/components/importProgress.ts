import type { ImportReport } from '../../electron/contract/index.js';

/**
 * The dialog hears of an import twice: progress events on the event stream and the one report it
 * fetches after the job starts. The two travel on different connections and can arrive in either
 * order, so a report fetched while the job ran may land after the event that finished it. Taking
 * whichever came last left the dialog on "running" for good; a report only ever moves forward.
 */
export function laterReport(current: ImportReport | null, incoming: ImportReport): ImportReport {
  if (!current || current.jobId !== incoming.jobId) return incoming;
  if (current.state !== 'running') return incoming.state === 'running' ? current : incoming;
  if (incoming.state !== 'running') return incoming;
  return incoming.done < current.done ? current : incoming;
}
