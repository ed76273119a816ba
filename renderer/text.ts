import { plural, type ImportOutcome, type ImportReport } from '../electron/contract/index.js';

export { plural };

/**
 * What the import dialog's report says first. A cancelled import says how far it got and that the
 * rest was not imported; a Cancel that came after the last file says so rather than pretending.
 * The counts are the core's (the list it sends may be shorter), plus the files the window itself
 * refused (`refusedHere`).
 */
export function importSummary(report: ImportReport, refusedHere: ImportOutcome[], cancelAsked: boolean): string {
  const failed = report.failed + refusedHere.filter((o) => o.status === 'failed').length;
  const results = `${report.imported.toLocaleString('en')} imported, ${report.duplicates.toLocaleString('en')} already present, ${failed.toLocaleString('en')} failed`;
  if (report.state === 'cancelled') {
    const rest = report.total - report.done;
    if (report.done === 0) return `Cancelled: nothing was imported (${plural(report.total, 'file')} not imported).`;
    return `Cancelled after ${report.done.toLocaleString('en')} of ${plural(report.total, 'file')}: ${results}. The other ${plural(rest, 'file')} ${rest === 1 ? 'was' : 'were'} not imported.`;
  }
  if (cancelAsked) return `${results}. The import had already finished when Cancel arrived.`;
  return results;
}

/** The line under the import report's table when the core listed only some of the files (failures first). */
export function unlistedNote(report: ImportReport): string | null {
  const n = report.unlisted ?? 0;
  if (n === 0) return null;
  const failedUnlisted = report.failed - report.outcomes.filter((o) => o.status === 'failed').length;
  const which = failedUnlisted > 0 ? `${failedUnlisted.toLocaleString('en')} of them failed too` : `each was imported or already present`;
  return `${plural(n, 'more file')} not listed here: ${which}. The counts above include them.`;
}
