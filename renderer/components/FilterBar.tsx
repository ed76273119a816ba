import type { Tag } from '../../electron/contract/index.js';
import type { ViewQuery } from '../state/query.js';
import { showDateSpan, useDateStyle } from '../dates.js';

interface Props {
  query: ViewQuery;
  tags: Tag[];
  entityNames: Map<number, string>;
  /** What the box filter is: the map's view, or one spot of crowded events. */
  bboxLabel: string;
  onChange: (q: ViewQuery) => void;
}

/** Every filter in force (column filters show in the table header), each undone with one click. */
export function FilterBar({ query, tags, entityNames, bboxLabel, onChange }: Props) {
  // Drawn again when the analyst changes the date format.
  useDateStyle();
  const chips: { key: string; label: string; remove: () => void }[] = [];
  if (query.search.trim()) chips.push({ key: 'search', label: `Search: ${query.search}`, remove: () => onChange({ ...query, search: '' }) });
  for (const id of query.tagIds) {
    chips.push({ key: `tag${id}`, label: `Tag: ${tags.find((t) => t.id === id)?.name ?? id}`, remove: () => onChange({ ...query, tagIds: query.tagIds.filter((t) => t !== id) }) });
  }
  for (const id of query.entityIds) {
    chips.push({ key: `entity${id}`, label: `Mentions: ${entityNames.get(id) ?? `entity ${id}`}`, remove: () => onChange({ ...query, entityIds: query.entityIds.filter((e) => e !== id) }) });
  }
  if (query.bbox) chips.push({ key: 'bbox', label: bboxLabel, remove: () => onChange({ ...query, bbox: null }) });
  if (query.dateRange) chips.push({ key: 'dates', label: `Dates: ${showDateSpan(query.dateRange[0], query.dateRange[1])}`, remove: () => onChange({ ...query, dateRange: null }) });
  if (chips.length === 0) return null;
  return (
    <div className="filter-bar" role="toolbar" aria-label="Filters">
      {chips.map((c) => (
        <span key={c.key} className="filter-chip">
          {c.label}
          <button type="button" aria-label={`Remove filter ${c.label}`} onClick={c.remove}>
            ×
          </button>
        </span>
      ))}
      {chips.length > 1 && (
        <button type="button" className="link" onClick={() => onChange({ ...query, search: '', tagIds: [], entityIds: [], bbox: null, dateRange: null })}>
          Clear all
        </button>
      )}
    </div>
  );
}
