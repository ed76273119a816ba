import { useState } from 'react';
import type { ArticleQueryInput, CallInput, Tag } from '../../electron/contract/index.js';
import { call } from '../api.js';

interface Props {
  selection: number[];
  total: number;
  filtered: boolean;
  query: () => ArticleQueryInput;
  tags: Tag[];
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  confirm: (message: string) => Promise<boolean>;
  onDeleted: () => void;
}

/** Bulk actions on the ticked rows, or on everything the current search and filters match. */
export function BulkBar({ selection, total, filtered, query, tags, run, confirm, onDeleted }: Props) {
  const [tagId, setTagId] = useState('');
  const [allMatching, setAllMatching] = useState(false);
  if (selection.length === 0 && !filtered) return null;
  const useAll = allMatching || selection.length === 0;
  const count = useAll ? total : selection.length;
  const target = (): CallInput<'tags.assign'>['target'] => (useAll ? { query: query() } : { ids: selection });
  const label = `${count} ${count === 1 ? 'article' : 'articles'}`;
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Bulk actions">
      {selection.length > 0 && filtered && (
        <label>
          <input type="checkbox" checked={allMatching} onChange={(e) => setAllMatching(e.target.checked)} /> all {total} matching
        </label>
      )}
      <span>{useAll ? `All ${count} matching` : `${label} selected`}:</span>
      <select aria-label="Tag for bulk action" value={tagId} onChange={(e) => setTagId(e.target.value)}>
        <option value="">Choose a tag…</option>
        {tags.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <button type="button" disabled={!tagId} onClick={() => void run(() => call('tags.assign', { target: target(), tagIds: [Number(tagId)] }))}>
        Tag
      </button>
      <button type="button" disabled={!tagId} onClick={() => void run(() => call('tags.unassign', { target: target(), tagIds: [Number(tagId)] }))}>
        Untag
      </button>
      <button
        type="button"
        className="danger"
        onClick={async () => {
          if (await confirm(`Delete ${label}? This removes them and their tags from the workspace.`)) {
            if (await run(() => call('articles.delete', { target: target() }))) onDeleted();
          }
        }}
      >
        Delete
      </button>
    </div>
  );
}
