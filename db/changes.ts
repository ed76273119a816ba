import type { Db } from './open.js';
import { nowIso } from './open.js';

/** One analyst change, with before and after values: the audit trail. */
export function recordChange(
  db: Db,
  action: string,
  subject: string,
  subjectId: number | null,
  before: unknown,
  after: unknown,
): void {
  db.prepare('INSERT INTO change_log (at, action, subject, subject_id, before, after) VALUES (?, ?, ?, ?, ?, ?)').run(
    nowIso(),
    action,
    subject,
    subjectId,
    before === undefined ? null : JSON.stringify(before),
    after === undefined ? null : JSON.stringify(after),
  );
}
