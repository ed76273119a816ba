import { useEffect, useRef, useState } from 'react';
import { PASSPHRASE_NEEDED, PASSPHRASE_WRONG, type WorkspaceInfo } from '../../electron/contract/index.js';
import { call, CallFailed } from '../api.js';
import { Modal } from './Modal.js';

/**
 * What the passphrase dialog is for:
 * - unlock: the open workspace is locked (at start, or after the idle time);
 * - open / create: a workspace file chosen from the menu, encrypted or to be;
 * - restore: an archive of an encrypted workspace, restored under the passphrase it had;
 * - set / change / remove: the open workspace's passphrase (the file is written again).
 */
export type PassphraseTask =
  | { kind: 'unlock' }
  | { kind: 'open'; path: string }
  | { kind: 'create'; path: string }
  | { kind: 'restore'; archive: string; target: string }
  | { kind: 'set' }
  | { kind: 'change' }
  | { kind: 'remove' };

const TITLE: Record<PassphraseTask['kind'], string> = {
  unlock: 'Unlock the workspace',
  open: 'Open an encrypted workspace',
  create: 'New encrypted workspace',
  restore: 'Restore an encrypted archive',
  set: 'Encrypt this workspace',
  change: 'Change the passphrase',
  remove: 'Remove the passphrase',
};

const ACTION: Record<PassphraseTask['kind'], string> = {
  unlock: 'Unlock',
  open: 'Open',
  create: 'Create',
  restore: 'Restore and open',
  set: 'Encrypt',
  change: 'Change passphrase',
  remove: 'Decrypt',
};

const fileName = (p: string) => p.split(/[/\\]/).pop() ?? p;

/** Why a passphrase is refused before it is sent (the core checks again). */
function problem(task: PassphraseTask, current: string, next: string, repeat: string): string | null {
  const asksCurrent = task.kind === 'unlock' || task.kind === 'open' || task.kind === 'restore' || task.kind === 'change' || task.kind === 'remove';
  const asksNew = task.kind === 'create' || task.kind === 'set' || task.kind === 'change';
  if (asksCurrent && !current) return 'Enter the passphrase.';
  if (asksNew && next.length < 8) return 'A passphrase has at least 8 characters.';
  if (asksNew && next !== repeat) return 'The two new passphrases differ.';
  return null;
}

async function perform(task: PassphraseTask, current: string, next: string): Promise<WorkspaceInfo> {
  switch (task.kind) {
    case 'unlock':
      return call('workspace.unlock', { passphrase: current });
    case 'open':
      return call('workspace.open', { path: task.path, passphrase: current });
    case 'create':
      return call('workspace.create', { path: task.path, passphrase: next });
    case 'restore':
      return call('workspace.restoreArchive', { archive: task.archive, target: task.target, passphrase: current });
    case 'set':
      return call('workspace.setPassphrase', { current: null, next });
    case 'change':
      return call('workspace.setPassphrase', { current, next });
    case 'remove':
      return call('workspace.setPassphrase', { current, next: null });
  }
}

/**
 * Asks for a workspace's passphrase, or a new one. The typed text lives in this dialog's state only
 * (never in storage) and is sent once, to the core; a wrong passphrase is said here and the dialog
 * stays open.
 */
export function PassphraseDialog({ task, info, onDone, onCancel }: { task: PassphraseTask; info: WorkspaceInfo; onDone: (info: WorkspaceInfo) => void; onCancel: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const asksCurrent = task.kind === 'unlock' || task.kind === 'open' || task.kind === 'restore' || task.kind === 'change' || task.kind === 'remove';
  const asksNew = task.kind === 'create' || task.kind === 'set' || task.kind === 'change';
  const target = task.kind === 'open' || task.kind === 'create' ? fileName(task.path) : task.kind === 'restore' ? fileName(task.archive) : `${info.name}`;

  const submit = async () => {
    const refused = problem(task, current, next, repeat);
    if (refused) return setError(refused);
    setBusy(true);
    setError(null);
    try {
      const done = await perform(task, current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      onDone(done);
    } catch (e) {
      setError(e instanceof CallFailed && (e.code === PASSPHRASE_WRONG || e.code === PASSPHRASE_NEEDED) ? e.message : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={TITLE[task.kind]} onClose={onCancel}>
      <form
        className="passphrase-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p>
          {task.kind === 'unlock' && <>{target} is encrypted and locked. Enter its passphrase to open it.</>}
          {task.kind === 'open' && <>{target} is encrypted. Enter its passphrase to open it.</>}
          {task.kind === 'restore' && (
            <>
              {target} holds an encrypted workspace. Enter the passphrase it had: it is restored as {fileName(task.target)}, still encrypted with that passphrase.
            </>
          )}
          {(task.kind === 'create' || task.kind === 'set') && (
            <>
              {target} will be stored encrypted: without the passphrase nothing in it can be read. <strong>Nobody can recover a forgotten passphrase</strong>, not
              even with this app.
            </>
          )}
          {task.kind === 'change' && <>{target} is written again under the new passphrase; the old one stops working.</>}
          {task.kind === 'remove' && <>{target} is written again as a plain file that anyone with access to it can read.</>}
        </p>
        {asksCurrent && (
          <label className="field">
            <span>{task.kind === 'change' || task.kind === 'remove' ? 'Current passphrase' : 'Passphrase'}</span>
            <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
          </label>
        )}
        {asksNew && (
          <>
            <label className="field">
              <span>New passphrase (8 characters or more; a few words are easier to remember)</span>
              <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
            </label>
            <label className="field">
              <span>The new passphrase again</span>
              <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
            </label>
          </>
        )}
        {(task.kind === 'create' || task.kind === 'set') && (
          <p className="muted">
            Exports and reports are written as plain files; a workspace archive of an encrypted workspace stays encrypted with the same passphrase.
          </p>
        )}
        {error && (
          <span role="alert" className="field-error">
            {error}
          </span>
        )}
        <div className="modal-actions">
          {task.kind !== 'unlock' && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Working…' : ACTION[task.kind]}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The whole window while the workspace is locked: nothing of it is shown until the passphrase is entered. */
export function LockedWorkspace({ info, onUnlocked }: { info: WorkspaceInfo; onUnlocked: (info: WorkspaceInfo) => void }) {
  return (
    <div className="app locked" data-testid="locked">
      <header className="top-bar">
        <span className="brand">Analyst Workbench</span>
        <span>
          Workspace: <strong>{info.name}</strong> (locked)
        </span>
      </header>
      <PassphraseDialog task={{ kind: 'unlock' }} info={info} onDone={onUnlocked} onCancel={() => {}} />
    </div>
  );
}

/** At most one "still here" a minute: enough for an idle time counted in minutes. */
const ACTIVITY_EVERY_MS = 60_000;

/**
 * Tells the core the analyst is at the window (keys, pointer, scrolling), so reading an article
 * without any call does not count as idle. Only for an open encrypted workspace.
 */
export function useActivityForIdleLock(enabled: boolean): void {
  const last = useRef(0);
  useEffect(() => {
    if (!enabled) return;
    const seen = () => {
      const now = Date.now();
      if (now - last.current < ACTIVITY_EVERY_MS) return;
      last.current = now;
      void call('workspace.activity', {}).catch(() => {});
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, seen, { passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, seen);
    };
  }, [enabled]);
}
