import type { SelectionLinks, SelectionRef } from '../../electron/contract/index.js';
import { showDate, useDateStyle } from '../dates.js';

const KIND: Record<SelectionRef['kind'], string> = { article: 'Article', entity: 'Entity', event: 'Event', relation: 'Relation' };
const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** How the selection reads ("20 Jun 2021 armed clash in Maymana"), its date in the analyst's format. */
export const selectionLabel = (links: Pick<SelectionLinks, 'label' | 'labelDate'>): string => [showDate(links.labelDate), links.label].filter(Boolean).join(' ');

/** Names the current selection and how much of every view it marks; one click clears it. */
export function SelectionBar({ kind, links, onClear }: { kind: SelectionRef['kind']; links: SelectionLinks; onClear: () => void }) {
  useDateStyle();
  const parts = [
    kind !== 'article' && count(links.articleIds.length, 'article', 'articles'),
    kind !== 'entity' && count(links.entityIds.length, 'entity', 'entities'),
    kind !== 'event' && count(links.eventIds.length, 'event', 'events'),
    kind !== 'relation' && count(links.relationIds.length, 'relation', 'relations'),
  ].filter(Boolean);
  return (
    <div className="selection-bar" role="status" aria-label="Selection" data-testid="selection-bar">
      <span className="selection-swatch" />
      <span>
        <strong>
          {KIND[kind]}: {selectionLabel(links)}
        </strong>{' '}
        <span className="muted">— marked in every view: {parts.join(', ')}</span>
      </span>
      <button type="button" className="link" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
