import { useState } from 'react';
import { PASSPHRASE_NEEDED, type WorkspaceInfo } from '../../electron/contract/index.js';
import { call, CallFailed, pickWorkspacePath } from '../api.js';
import { setDateStyle, showDate, useDateStyle } from '../dates.js';
import { plural } from '../text.js';
import { useConfirm } from './ConfirmDialog.js';
import { GroupCopiesDialog } from './GroupCopiesDialog.js';
import { Modal } from './Modal.js';
import { PassphraseDialog, useActivityForIdleLock, type PassphraseTask } from './PassphraseDialog.js';
import { usePrompt } from './PromptDialog.js';

type Action = 'open' | 'create' | 'createEncrypted' | 'saveCopy';
const LABEL: Record<Action, string> = { open: 'Open workspace', create: 'New workspace', createEncrypted: 'New encrypted workspace', saveCopy: 'Save a copy' };

interface Props {
  info: WorkspaceInfo;
  onChanged: (info: WorkspaceInfo) => void;
  onNotice: (message: string) => void;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Beside the archive, named after it: kunduz.awbz → kunduz.awb. */
const restoredName = (archive: string) => archive.replace(/(\.awbz|\.zip)?$/i, '.awb');

/** New / Open / Save a copy / recent. Electron asks with native dialogs; browser mode asks for a path. */
export function WorkspaceMenu({ info, onChanged, onNotice, run }: Props) {
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState<Action | null>(null);
  const [path, setPath] = useState('');
  const [restoring, setRestoring] = useState<{ archive: string; target: string } | null>(null);
  const { confirm, dialog: confirmDialog } = useConfirm();
  const { ask, dialog: promptDialog } = usePrompt();
  const [task, setTask] = useState<PassphraseTask | null>(null);
  const [grouping, setGrouping] = useState(false);
  const dates = useDateStyle();
  useActivityForIdleLock(info.encrypted && !info.locked);

  const keyChanged = (next: WorkspaceInfo) => {
    const done = task;
    const kind = task?.kind;
    setTask(null);
    if (done?.kind === 'restore') return restored(done.archive, next);
    onChanged(next);
    if (kind === 'set') onNotice(`${next.name} is encrypted now. Exports and reports you write from it are plain files.`);
    if (kind === 'change') onNotice('The passphrase is changed.');
    if (kind === 'remove') onNotice(`${next.name} is a plain file now: anyone with access to it can read it.`);
  };

  const lockNow = async () => {
    setOpen(false);
    const next = await run(() => call('workspace.lock', {}));
    if (next) onChanged(next);
  };

  const idleLock = async () => {
    setOpen(false);
    const answer = await ask('Lock the workspace after how many minutes without use? (0: never)', String(info.idleLockMinutes));
    if (answer === null) return;
    const minutes = Number(answer);
    if (!Number.isInteger(minutes) || minutes < 0) return onNotice(`"${answer}" is not a number of minutes: the idle lock is unchanged.`);
    const next = await run(() => call('workspace.setIdleLock', { minutes }));
    if (next) onChanged(next);
  };

  const purge = async () => {
    setOpen(false);
    const ok = await confirm(
      'Purge deleted data? The text of deleted articles and records is removed from the change log (their ids and the fields that changed stay), ' +
        'the search index is compacted and the workspace file is rewritten without the space they used. This cannot be undone; it may take a while for a large workspace.',
    );
    if (!ok) return;
    const report = await run(() => call('workspace.purge', {}));
    if (report) {
      onNotice(
        `Purged deleted data: ${plural(report.redactedChanges, 'change-log record')} redacted; the workspace went from ${megabytes(report.bytesBefore)} to ${megabytes(report.bytesAfter)}.` +
          (report.walEmptied ? '' : ' Another program has this workspace open; its log is emptied when it closes the workspace.'),
      );
    }
  };

  const perform = async (action: Action, target: string) => {
    if (action === 'saveCopy') {
      const copy = await run(() => call('workspace.saveCopy', { path: target }));
      if (copy) onNotice(`Saved a copy as ${copy.path}`);
    } else if (action === 'createEncrypted') {
      setTask({ kind: 'create', path: target });
    } else {
      const next = await run(async () => {
        try {
          return await call(action === 'open' ? 'workspace.open' : 'workspace.create', { path: target });
        } catch (e) {
          // An encrypted file: asked for its passphrase, then opened by the dialog.
          if (!(e instanceof CallFailed && e.code === PASSPHRASE_NEEDED)) throw e;
          setTask({ kind: 'open', path: target });
          return undefined;
        }
      });
      if (next) onChanged(next);
    }
  };

  const choose = async (action: Action) => {
    setOpen(false);
    const native = pickWorkspacePath(action === 'createEncrypted' ? 'create' : action);
    if (native) {
      const picked = await native;
      if (picked) await perform(action, picked);
      return;
    }
    setPath(action === 'open' ? '' : info.path.replace(/[^/\\]+$/, ''));
    setAsking(action);
  };

  // In the desktop app both paths come from main's own dialogs (it accepts no typed path); in browser mode the analyst types them.
  const restore = async () => {
    setOpen(false);
    const pickArchive = pickWorkspacePath('archive');
    if (!pickArchive) return setRestoring({ archive: '', target: '' });
    const archive = await pickArchive;
    if (!archive) return;
    const target = await pickWorkspacePath('create');
    if (!target) return;
    await restoreFrom(archive, target);
  };
  const restoreFrom = async (archive: string, target: string) => {
    const next = await run(async () => {
      try {
        return await call('workspace.restoreArchive', { archive, target });
      } catch (e) {
        // An encrypted archive: asked for its workspace's passphrase, then restored by the dialog.
        if (!(e instanceof CallFailed && e.code === PASSPHRASE_NEEDED)) throw e;
        setTask({ kind: 'restore', archive, target });
        return undefined;
      }
    });
    restored(archive, next);
  };
  const restored = (archive: string, next: WorkspaceInfo | undefined) => {
    if (!next) return;
    onChanged(next);
    onNotice(`Restored ${archive.split(/[/\\]/).pop()} as ${next.path}: its checksums and counts match its manifest.${next.encrypted ? ' It is encrypted with the passphrase it had.' : ''}`);
  };

  return (
    <div className="workspace-menu">
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} title={info.path}>
        Workspace: <strong>{info.name}</strong> ▾
      </button>
      {open && (
        <div role="menu" className="menu" onMouseLeave={() => setOpen(false)}>
          <button role="menuitem" type="button" onClick={() => void choose('create')}>
            New workspace…
          </button>
          <button role="menuitem" type="button" onClick={() => void choose('createEncrypted')}>
            New encrypted workspace…
          </button>
          <button role="menuitem" type="button" onClick={() => void choose('open')}>
            Open workspace…
          </button>
          <button role="menuitem" type="button" onClick={() => void choose('saveCopy')}>
            Save a copy…
          </button>
          <button role="menuitem" type="button" onClick={() => void restore()}>
            Restore an archive…
          </button>
          <button role="menuitem" type="button" disabled={info.readOnly !== null} title={info.readOnly ?? undefined} onClick={() => void purge()}>
            Purge deleted data…
          </button>
          <button
            role="menuitem"
            type="button"
            disabled={info.readOnly !== null}
            title={info.readOnly ?? 'Articles stored before copies of a story were recognised are grouped a few with each import; this groups them all now'}
            onClick={() => (setOpen(false), setGrouping(true))}
          >
            Group copies in older articles…
          </button>
          {info.encrypted ? (
            <>
              <button role="menuitem" type="button" onClick={() => void lockNow()}>
                Lock now
              </button>
              <button role="menuitem" type="button" disabled={info.readOnly !== null} onClick={() => (setOpen(false), setTask({ kind: 'change' }))}>
                Change passphrase…
              </button>
              <button role="menuitem" type="button" disabled={info.readOnly !== null} onClick={() => (setOpen(false), setTask({ kind: 'remove' }))}>
                Remove passphrase…
              </button>
              <button role="menuitem" type="button" onClick={() => void idleLock()}>
                Lock after idle: {info.idleLockMinutes ? `${info.idleLockMinutes} min` : 'never'}…
              </button>
            </>
          ) : (
            <button role="menuitem" type="button" disabled={info.readOnly !== null} title={info.readOnly ?? undefined} onClick={() => (setOpen(false), setTask({ kind: 'set' }))}>
              Encrypt with a passphrase…
            </button>
          )}
          <button
            role="menuitemcheckbox"
            aria-checked={dates === 'iso'}
            type="button"
            title={`Dates on screen: ${dates === 'iso' ? 'ISO, as the data holds them' : 'as this computer writes them'}`}
            onClick={() => (setOpen(false), setDateStyle(dates === 'iso' ? 'local' : 'iso'))}
          >
            {dates === 'iso' ? '✓ ' : ''}Dates as 2021-06-20 (ISO) rather than {showDate('2021-06-20', { style: 'local' })}
          </button>
          {info.recent.filter((r) => r !== info.path).length > 0 && <div className="menu-heading">Recent</div>}
          {info.recent
            .filter((r) => r !== info.path)
            .map((r) => (
              <button role="menuitem" type="button" key={r} title={r} onClick={() => (setOpen(false), void perform('open', r))}>
                {r.split(/[/\\]/).pop()}
              </button>
            ))}
        </div>
      )}
      {confirmDialog}
      {promptDialog}
      {grouping && <GroupCopiesDialog onClose={() => setGrouping(false)} />}
      {task && <PassphraseDialog task={task} info={info} onDone={keyChanged} onCancel={() => setTask(null)} />}
      {asking && (
        <Modal title={LABEL[asking]} onClose={() => setAsking(null)}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setAsking(null);
              void perform(asking, path);
            }}
          >
            <label className="field">
              <span>Workspace file on this computer</span>
              <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/cases/kunduz.awb" />
            </label>
            <div className="modal-actions">
              <button type="button" onClick={() => setAsking(null)}>
                Cancel
              </button>
              <button type="submit" className="primary" disabled={!path.trim()}>
                {LABEL[asking]}
              </button>
            </div>
          </form>
        </Modal>
      )}
      {restoring && (
        <Modal title="Restore a workspace archive" onClose={() => setRestoring(null)}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const archive = restoring.archive.trim();
              const target = restoring.target.trim() || restoredName(archive);
              setRestoring(null);
              void restoreFrom(archive, target);
            }}
          >
            <label className="field">
              <span>Archive (.awbz) on this computer</span>
              <input
                value={restoring.archive}
                onChange={(e) => setRestoring({ ...restoring, archive: e.target.value })}
                placeholder="/home/me/exports/kunduz.awbz"
              />
            </label>
            <label className="field">
              <span>New workspace file</span>
              <input value={restoring.target} onChange={(e) => setRestoring({ ...restoring, target: e.target.value })} placeholder={restoring.archive.trim() ? restoredName(restoring.archive.trim()) : '/home/me/cases/kunduz.awb'} />
            </label>
            <div className="modal-actions">
              <button type="button" onClick={() => setRestoring(null)}>
                Cancel
              </button>
              <button type="submit" className="primary" disabled={!restoring.archive.trim()}>
                Restore and open
              </button>
            </div>
          </form>
        </Modal>
      )}
    </div>
  );
}
