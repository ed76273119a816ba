import { plural, type ImportOutcome, type ImportReport } from '../electron/contract/index.js';

export { plural };

/**
 * What the import dialog's report says first. A cancelled import says how far it got and that the
 * rest was not imported; a Cancel that came after the last file says so rather than pretending.
 */
export function importSummary(report: ImportReport, outcomes: ImportOutcome[], cancelAsked: boolean): string {
  const count = (s: ImportOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  const results = `${count('imported').toLocaleString('en')} imported, ${count('duplicate').toLocaleString('en')} already present, ${count('failed').toLocaleString('en')} failed`;
  if (report.state === 'cancelled') {
    const rest = report.total - report.done;
    if (report.done === 0) return `Cancelled: nothing was imported (${plural(report.total, 'file')} not imported).`;
    return `Cancelled after ${report.done.toLocaleString('en')} of ${plural(report.total, 'file')}: ${results}. The other ${plural(rest, 'file')} ${rest === 1 ? 'was' : 'were'} not imported.`;
  }
  if (cancelAsked) return `${results}. The import had already finished when Cancel arrived.`;
  return results;
}
