import { z } from 'zod';

/** One command in the history: an analyst action, an undo or redo of one, or a record (import, export, purge). */
export const HistoryEntry = z.object({
  id: z.number(),
  at: z.string(),
  /** The OS user who did it. */
  user: z.string(),
  /** The contract call it came from, e.g. mentions.review. */
  name: z.string(),
  label: z.string(),
  kind: z.enum(['do', 'undo', 'redo', 'record']),
  /** For an undo or redo: the command it reverses. */
  reverts: z.number().nullable(),
  rows: z.number(),
  /** An action whose effect has been undone since. */
  undone: z.boolean(),
  /** Its text was removed when the bin was emptied; it can no longer be undone. */
  redacted: z.boolean(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const HistoryPage = z.object({
  entries: z.array(HistoryEntry),
  /** What Ctrl+Z and Ctrl+Shift+Z would do now, or null. */
  undo: z.object({ id: z.number(), label: z.string() }).nullable(),
  redo: z.object({ id: z.number(), label: z.string() }).nullable(),
});
export type HistoryPage = z.infer<typeof HistoryPage>;

export const HistoryRow = z.object({
  table: z.string(),
  op: z.enum(['insert', 'update', 'delete']),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  redacted: z.boolean(),
});
export type HistoryRow = z.infer<typeof HistoryRow>;

export const AuditReport = z.object({
  ok: z.boolean(),
  commands: z.number(),
  rows: z.number(),
  head: z.string(),
  problems: z.array(z.object({ commandId: z.number(), problem: z.string() })),
});
export type AuditReport = z.infer<typeof AuditReport>;
