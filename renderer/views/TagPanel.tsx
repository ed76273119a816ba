import { useState } from 'react';
import type { Tag } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { plural } from '../text.js';

interface Props {
  tags: Tag[];
  activeIds: number[];
  onToggle: (id: number) => void;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  confirm: (message: string) => Promise<boolean>;
}

const PALETTE = ['#3b82f6', '#ef4444', '#10b981', '#f59e0b', '#8b5cf6', '#ec4899', '#14b8a6', '#64748b'];

function depthOrder(tags: Tag[]): { tag: Tag; depth: number }[] {
  const children = new Map<number | null, Tag[]>();
  for (const t of tags) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t]);
  const out: { tag: Tag; depth: number }[] = [];
  const visit = (parent: number | null, depth: number) => {
    for (const t of children.get(parent) ?? []) {
      out.push({ tag: t, depth });
      visit(t.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The tag taxonomy: click a tag to filter the table by it (sub-tags included); edit it in place. */
export function TagPanel({ tags, activeIds, onToggle, run, confirm }: Props) {
  const [name, setName] = useState('');
  const [parent, setParent] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const ordered = depthOrder(tags);

  const create = () => {
    if (!name.trim()) return;
    const color = PALETTE[tags.length % PALETTE.length]!;
    void run(() => call('tags.create', { name, color, parentId: parent ? Number(parent) : null })).then((t) => t && setName(''));
  };

  return (
    <nav className="tag-panel" aria-label="Tags">
      <h2>Tags</h2>
      <ul>
        {ordered.map(({ tag, depth }) => (
          <li key={tag.id} style={{ paddingLeft: depth * 14 }}>
            <div className={`tag-row${activeIds.includes(tag.id) ? ' active' : ''}`}>
              <button type="button" className="tag-filter" aria-pressed={activeIds.includes(tag.id)} onClick={() => onToggle(tag.id)} title="Filter the table by this tag">
                <span className="dot" style={{ background: tag.color }} />
                <span className="tag-name">{tag.name}</span>
                <span className="count">{tag.count}</span>
              </button>
              <button type="button" className="icon" aria-label={`Edit tag ${tag.name}`} onClick={() => setEditing(editing === tag.id ? null : tag.id)}>
                ✎
              </button>
            </div>
            {editing === tag.id && <TagEditor tag={tag} tags={tags} run={run} confirm={confirm} onDone={() => setEditing(null)} />}
          </li>
        ))}
      </ul>
      <form
        className="new-tag"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <input aria-label="New tag name" placeholder="New tag…" value={name} onChange={(e) => setName(e.target.value)} />
        <select aria-label="Parent of the new tag" value={parent} onChange={(e) => setParent(e.target.value)}>
          <option value="">(top level)</option>
          {ordered.map(({ tag, depth }) => (
            <option key={tag.id} value={tag.id}>
              {'  '.repeat(depth) + tag.name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={!name.trim()}>
          Create tag
        </button>
      </form>
    </nav>
  );
}

function TagEditor({ tag, tags, run, confirm, onDone }: { tag: Tag; tags: Tag[]; onDone: () => void } & Pick<Props, 'run' | 'confirm'>) {
  const [name, setName] = useState(tag.name);
  const [color, setColor] = useState(tag.color);
  const [parent, setParent] = useState(tag.parentId === null ? '' : String(tag.parentId));
  const [mergeInto, setMergeInto] = useState('');
  const others = tags.filter((t) => t.id !== tag.id);
  return (
    <div className="tag-editor" role="group" aria-label={`Edit ${tag.name}`}>
      <input aria-label="Tag name" value={name} onChange={(e) => setName(e.target.value)} />
      <input aria-label="Tag colour" type="color" value={color} onChange={(e) => setColor(e.target.value)} />
      <select aria-label="Parent tag" value={parent} onChange={(e) => setParent(e.target.value)}>
        <option value="">(top level)</option>
        {others.map((t) => (
          <option key={t.id} value={t.id}>
            under {t.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="primary"
        onClick={() =>
          void run(() => call('tags.update', { id: tag.id, name, color, parentId: parent ? Number(parent) : null })).then((t) => t && onDone())
        }
      >
        Save
      </button>
      <select aria-label="Merge into" value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
        <option value="">Merge into…</option>
        {others.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!mergeInto}
        onClick={async () => {
          const target = others.find((t) => t.id === Number(mergeInto))!;
          if (await confirm(`Merge "${tag.name}" into "${target.name}"? Its ${plural(tag.count, 'article')} get "${target.name}" and "${tag.name}" is removed.`)) {
            void run(() => call('tags.merge', { sourceId: tag.id, targetId: target.id })).then((t) => t && onDone());
          }
        }}
      >
        Merge
      </button>
      <button
        type="button"
        className="danger"
        onClick={async () => {
          if (await confirm(`Delete the tag "${tag.name}"? It is removed from ${plural(tag.count, 'article')}; its sub-tags move up.`)) {
            void run(() => call('tags.delete', { id: tag.id })).then((r) => r && onDone());
          }
        }}
      >
        Delete
      </button>
    </div>
  );
}
