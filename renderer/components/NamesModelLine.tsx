import { useEffect, useState } from 'react';
import type { NamesModelStatus } from '../../electron/contract/index.js';
import { call, onCoreEvent } from '../api.js';
import { useConfirm } from './ConfirmDialog.js';
import { showDateTime, useDateStyle } from '../dates.js';

/** What the workspace model kept of the decisions, in a few words (tagger/lessons.ts). */
const KEPT: Record<NonNullable<NamesModelStatus['lessons']>, string> = {
  rejections: 'keeps your rejections only',
  memory: 'remembers the names you decided',
  weights: 'retrained on your decisions',
  all: 'retrained on your decisions, remembers your names',
};

/**
 * Which model "Suggest again" uses: the workspace's own (trained on the analyst's decisions, when)
 * or the shipped one, whether new decisions are waiting to be learnt, and a way back to the shipped model.
 */
export function NamesModelLine({ run }: { run: <T>(action: () => Promise<T>) => Promise<T | undefined> }) {
  const [status, setStatus] = useState<NamesModelStatus | null>(null);
  const { confirm, dialog } = useConfirm();
  // Drawn again when the analyst changes the date format.
  useDateStyle();

  useEffect(() => {
    let live = true;
    const load = () => void call('namesModel.status', {}).then((s) => live && setStatus(s), () => live && setStatus(null));
    load();
    const off = onCoreEvent((e) => e.type === 'changed' && e.what.some((w) => w === 'namesModel' || w === 'history' || w === 'workspace') && load());
    return () => {
      live = false;
      off();
    };
  }, []);

  if (!status) return null;
  const reset = async () => {
    if (!(await confirm(`Go back to the shipped model? The workspace model (${status.label}) is dropped, and the decisions made so far are not learnt from again; later decisions are.`))) return;
    const next = await run(() => call('namesModel.reset', {}));
    if (next) setStatus(next);
  };
  const trained = status.using === 'workspace' && status.trainedAt ? `, trained ${showDateTime(status.trainedAt)}` : '';
  const kept = status.using === 'workspace' && status.lessons ? ` · ${KEPT[status.lessons]}` : '';
  const waiting = status.learning ? ' · learning…' : status.pending > 0 ? ` · ${status.pending} new decision${status.pending === 1 ? '' : 's'} to learn` : '';
  return (
    <span className="names-model muted" data-testid="names-model" title={
        status.problem ??
        'The model that suggests names here; it learns from your accepts, rejects, retypes, span changes and marks, and keeps only what held when it was tested on your own decisions (trained on the older half, checked on the newer, and the other way round).'
      }>
      Names: {status.label}
      {trained}
      {kept}
      {waiting}
      {status.problem && ' ⚠'}
      {status.using === 'workspace' && (
        <button type="button" className="link" onClick={() => void reset()}>
          Reset to the shipped model
        </button>
      )}
      {dialog}
    </span>
  );
}
