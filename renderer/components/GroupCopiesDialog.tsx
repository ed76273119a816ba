import { useEffect, useRef, useState } from 'react';
import type { StoryGroupingProgress } from '../../electron/contract/index.js';
import { call, onCoreEvent } from '../api.js';
import { plural } from '../text.js';
import { Modal } from './Modal.js';

const count = (n: number) => n.toLocaleString('en');

/** What the job has got to, in the analyst's words. */
function said(p: StoryGroupingProgress): string {
  switch (p.state) {
    case 'running':
      return `Checked ${count(p.checked)} of ${plural(p.total, 'article')} for copies…`;
    case 'done':
      return `Done: ${plural(p.checked, 'article')} checked. The workspace now has ${plural(p.storiesWithCopies ?? 0, 'story', 'stories')} told by more than one article (${plural(p.copies ?? 0, 'article')}).`;
    case 'cancelled':
      return `Stopped: ${count(p.checked)} of ${plural(p.total, 'article')} checked and grouped. The others are grouped a few at a time with each import, or when you run this again.`;
    case 'failed':
      return `Grouping stopped: ${p.message ?? 'an error'}. What was grouped before stays grouped.`;
  }
}

/**
 * "Group copies in older articles": articles stored before copies of a story were recognised are
 * grouped a few per import; this groups them all now, in the core's background, with progress and
 * Cancel. Closing the dialog while it works cancels it.
 */
export function GroupCopiesDialog({ onClose }: { onClose: () => void }) {
  const [progress, setProgress] = useState<StoryGroupingProgress | null>(null);
  const [nothingToDo, setNothingToDo] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(false);
  const running = progress === null ? !nothingToDo && !error : progress.state === 'running';

  useEffect(() => onCoreEvent((event) => event.type === 'stories.progress' && setProgress(event)), []);
  useEffect(() => {
    // Once per dialog, though React runs effects twice in development.
    if (asked.current) return;
    asked.current = true;
    call('stories.groupStored', {}).then(
      ({ total }) => total === 0 && setNothingToDo(true),
      (e: Error) => setError(e.message),
    );
  }, []);

  const close = () => {
    // The dialog is gone by the time a refusal could be shown; the grouping's own events say how it ended.
    if (running) void call('stories.cancelGrouping', {}).catch(() => undefined);
    onClose();
  };

  return (
    <Modal title="Group copies in older articles" onClose={close}>
      <p role="status" data-testid="grouping-status">
        {error ?? (nothingToDo ? 'Every article is already grouped with its copies: nothing to do.' : progress ? said(progress) : 'Looking for articles not yet checked for copies…')}
      </p>
      {running && progress && <progress max={progress.total} value={progress.checked} aria-label="Grouping progress" />}
      <div className="modal-actions">
        {running ? (
          <button type="button" onClick={() => void call('stories.cancelGrouping', {}).catch((e: Error) => setError(e.message))}>
            Cancel
          </button>
        ) : (
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        )}
      </div>
    </Modal>
  );
}
