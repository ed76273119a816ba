import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import type { AuditReport, HistoryEntry, HistoryPage, HistoryRow } from '../../electron/contract/index.js';
import { call, onCoreEvent } from '../api.js';
import { plural } from '../text.js';
import { Modal } from '../components/Modal.js';
import { showDatesIn, showDateTime, useDateStyle } from '../dates.js';
import { newestOnly } from '../state/newestOnly.js';

type Run = <T>(action: () => Promise<T>) => Promise<T | undefined>;
type Next = Pick<HistoryPage, 'undo' | 'redo'>;

/** Where Ctrl+Z belongs to the field being typed in (its own text undo), not to the workspace. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return !target.readOnly;
  if (target instanceof HTMLInputElement) return !target.readOnly && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return false;
}

/**
 * Undo and redo of the workspace for the whole window: what they would do now (for the buttons'
 * titles), and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y anywhere but in a text field, where the browser's own
 * text undo stays. The default is prevented everywhere else: Chromium's document-wide text undo
 * would otherwise put an old search back into the search box.
 */
export function useUndoRedo(run: Run, notify: (text: string) => void) {
  const [next, setNext] = useState<Next>({ undo: null, redo: null });
  const gate = useMemo(() => newestOnly(), []);
  // The Undo and Redo labels name the step they would take: an older answer must not name a step already taken.
  const refresh = useCallback(() => void gate(call('history.list', { limit: 1 })).then((p) => p && setNext({ undo: p.undo, redo: p.redo }), () => undefined), [gate]);
  useEffect(() => {
    refresh();
    return onCoreEvent((e) => e.type === 'changed' && refresh());
  }, [refresh]);
  const undo = useCallback(
    () => void run(() => call('history.undo', {})).then((r) => r && notify(r.done ? `Undone: ${showDatesIn(r.done.label.replace(/^Undo: /, ''))}` : 'Nothing to undo.')),
    [run, notify],
  );
  const redo = useCallback(
    () => void run(() => call('history.redo', {})).then((r) => r && notify(r.done ? `Redone: ${showDatesIn(r.done.label.replace(/^Redo: /, ''))}` : 'Nothing to redo.')),
    [run, notify],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const isUndo = key === 'z' && !e.shiftKey;
      const isRedo = (key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey);
      if ((!isUndo && !isRedo) || isTextField(e.target)) return;
      e.preventDefault();
      // Held down, the key repeats: one undo per press.
      if (e.repeat) return;
      if (isUndo) undo();
      else redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
  return { next, undo, redo };
}

// To the second: several changes often share a minute.
const when = (iso: string) => showDateTime(iso, { seconds: true });

function state(e: HistoryEntry): string {
  if (e.kind === 'record') return 'on record';
  if (e.kind === 'undo') return 'undo';
  if (e.kind === 'redo') return e.undone ? 'redo, undone' : 'redo';
  return e.undone ? 'undone' : '';
}

/** One changed row, before → after, showing only the fields that differ. */
function RowChange({ row }: { row: HistoryRow }) {
  const keys = [...new Set([...Object.keys(row.before ?? {}), ...Object.keys(row.after ?? {})])];
  const show = (v: unknown) => (v === null || v === undefined ? '∅' : typeof v === 'string' ? (v.length > 80 ? `${v.slice(0, 77)}…` : v) : JSON.stringify(v));
  const shown = row.op === 'update' ? keys.filter((k) => JSON.stringify(row.before?.[k]) !== JSON.stringify(row.after?.[k])) : keys.filter((k) => k !== 'body').slice(0, 6);
  return (
    <li>
      <strong>
        {row.op} {row.table.replaceAll('_', ' ')}
      </strong>
      {row.redacted && <span className="muted"> (text purged)</span>}
      {shown.map((k) => (
        <span key={k} className="muted">
          {' '}
          · {k}: {row.op === 'update' ? `${show(row.before?.[k])} → ${show(row.after?.[k])}` : show((row.after ?? row.before)?.[k])}
        </span>
      ))}
    </li>
  );
}

const PAGE = 100;

/**
 * The History (and audit) panel: every change to the workspace, newest first, with who made it and
 * when; a change opens to show the rows it touched; "Undo to here" undoes it and everything after.
 * The bin is the history too: a deleted article comes back by undoing its delete, until the bin is
 * emptied (purge), which removes the deleted text for good.
 */
export function HistoryPanel({ run, confirm, onClose, onNotice }: { run: Run; confirm: (message: string) => Promise<boolean>; onClose: () => void; onNotice: (text: string) => void }) {
  // Drawn again when the analyst changes the date format.
  useDateStyle();
  const [page, setPage] = useState<HistoryPage | null>(null);
  const [more, setMore] = useState<HistoryEntry[]>([]);
  const [open, setOpen] = useState<{ id: number; rows: HistoryRow[] } | null>(null);
  const [audit, setAudit] = useState<AuditReport | null>(null);
  const gate = useMemo(() => newestOnly(), []);
  const load = useCallback(() => {
    void gate(run(() => call('history.list', { limit: PAGE }))).then((p) => {
      if (!p) return;
      setPage(p);
      setMore([]);
    });
  }, [run, gate]);
  useEffect(() => {
    load();
    return onCoreEvent((e) => e.type === 'changed' && load());
  }, [load]);
  const entries = [...(page?.entries ?? []), ...more];
  const toggle = (id: number) => {
    if (open?.id === id) return setOpen(null);
    void run(() => call('history.rows', { id })).then((rows) => rows && setOpen({ id, rows }));
  };
  const undoTo = async (e: HistoryEntry) => {
    const later = entries.filter((x) => x.id > e.id && (x.kind === 'do' || x.kind === 'redo') && !x.undone).length;
    if (later > 0 && !(await confirm(`Undo “${showDatesIn(e.label)}” and the ${later} change${later === 1 ? '' : 's'} made after it?`))) return;
    const r = await run(() => call('history.undoTo', { id: e.id }));
    if (r) onNotice(`${r.undone} change${r.undone === 1 ? '' : 's'} undone.`);
  };
  const emptyBin = async () => {
    if (!(await confirm('Empty the bin? The text of deleted articles and other deleted records is removed from the workspace file for good; their deletes can no longer be undone.'))) return;
    const r = await run(() => call('workspace.purge', {}));
    if (r) onNotice(`Bin emptied: ${plural(r.redactedChanges, 'record')} redacted; the file went from ${r.bytesBefore.toLocaleString('en')} to ${r.bytesAfter.toLocaleString('en')} bytes.`);
  };
  return (
    <Modal title="History" onClose={onClose}>
      <div className="row history-actions">
        <button type="button" onClick={() => void run(() => call('history.verify', {})).then((a) => a && setAudit(a))}>
          Check the audit trail
        </button>
        <button type="button" className="danger" onClick={() => void emptyBin()}>
          Empty the bin…
        </button>
      </div>
      {audit && (
        <p role="status" data-testid="audit-result" className={audit.ok ? 'muted' : 'error'}>
          {audit.ok
            ? `The audit trail is intact: ${plural(audit.commands, 'record')}, ${plural(audit.rows, 'changed row')}, each chained to the one before.`
            : `The audit trail was altered: ${audit.problems.map((p) => `record ${p.commandId}: ${p.problem}`).join('; ')}`}
        </p>
      )}
      {entries.length === 0 ? (
        <p className="muted">Nothing has been changed in this workspace yet.</p>
      ) : (
        <table className="history" aria-label="History">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
              <th />
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <Fragment key={e.id}>
                <tr className={e.undone ? 'undone' : undefined} data-testid="history-entry">
                  <td>{when(e.at)}</td>
                  <td>{e.user}</td>
                  <td>
                    <button type="button" className="link" aria-expanded={open?.id === e.id} onClick={() => toggle(e.id)}>
                      {showDatesIn(e.label)}
                    </button>
                  </td>
                  <td className="muted">{state(e)}</td>
                  <td>
                    {(e.kind === 'do' || e.kind === 'redo') && !e.undone && !e.redacted && (
                      <button type="button" onClick={() => void undoTo(e)}>
                        Undo to here
                      </button>
                    )}
                  </td>
                </tr>
                {open?.id === e.id && (
                  <tr>
                    <td colSpan={5}>
                      {open.rows.length === 0 ? (
                        <span className="muted">No rows of the workspace changed (a record of something done outside it).</span>
                      ) : (
                        <ul className="plain history-rows">
                          {open.rows.map((row, i) => (
                            <RowChange key={i} row={row} />
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      <div className="modal-actions">
        {entries.length >= PAGE && entries.length % PAGE === 0 && (
          <button
            type="button"
            onClick={() => void run(() => call('history.list', { limit: PAGE, beforeId: entries.at(-1)!.id })).then((p) => p && setMore((m) => [...m, ...p.entries]))}
          >
            Older changes
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
