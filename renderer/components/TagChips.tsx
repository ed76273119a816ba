import type { ArticleRow } from '../../electron/contract/index.js';

export function TagChips({ tags, onRemove }: { tags: ArticleRow['tags']; onRemove?: (id: number) => void }) {
  return (
    <span className="tag-chips">
      {tags.map((t) => (
        <span key={t.id} className="tag-chip" style={{ borderColor: t.color }}>
          <span className="dot" style={{ background: t.color }} />
          {t.name}
          {onRemove && (
            <button type="button" className="chip-remove" aria-label={`Remove tag ${t.name}`} onClick={() => onRemove(t.id)}>
              ×
            </button>
          )}
        </span>
      ))}
    </span>
  );
}
