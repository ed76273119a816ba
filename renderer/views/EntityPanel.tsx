import { useEffect, useState } from 'react';
import { A_TYPE, ENTITY_TYPES, type EntityDetail, type EntityType, type PlaceCandidate } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { plural } from '../text.js';
import { showDate, useDateStyle } from '../dates.js';

interface Props {
  entityId: number;
  refreshKey: number;
  onOpenArticle: (articleId: number) => void;
  onShowArticles: (entityId: number, name: string) => void;
  onClose: () => void;
  onOpenEntity: (id: number) => void;
  onPickOnMap: (entityId: number) => void;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  confirm: (message: string) => Promise<boolean>;
  ask: (question: string, initial?: string) => Promise<string | null>;
  notify: (message: string, undo?: () => void) => void;
}

/**
 * One entity: its names, notes, identifiers and place, every mention in context, merge/split/delete.
 * Keyed by the entity, so a page never carries another's state: the merge search and its "Merge
 * into this" buttons, ticked mentions and place hits start empty on every entity opened (after a
 * merge the old list would offer the new page's entity a merge into itself).
 */
export function EntityPanel(props: Props) {
  return <EntityPage key={props.entityId} {...props} />;
}

function EntityPage({ entityId, refreshKey, onOpenArticle, onShowArticles, onClose, onOpenEntity, onPickOnMap, run, confirm, ask, notify }: Props) {
  // Drawn again when the analyst changes the date format.
  useDateStyle();
  const [entity, setEntity] = useState<EntityDetail | null>(null);
  const [draft, setDraft] = useState({ name: '', aliases: '', notes: '', wikidata: '', geonames: '', type: 'person' as EntityType });
  const [mergeText, setMergeText] = useState('');
  const [mergeHits, setMergeHits] = useState<{ id: number; name: string; type: string }[]>([]);
  const [picked, setPicked] = useState<number[]>([]);
  const [placeText, setPlaceText] = useState('');
  const [places, setPlaces] = useState<PlaceCandidate[]>([]);

  useEffect(() => {
    let live = true;
    void run(() => call('entities.get', { id: entityId })).then((e) => {
      if (!live || !e) return;
      setEntity(e);
      setDraft({ name: e.name, aliases: e.aliases.join(', '), notes: e.notes ?? '', wikidata: e.wikidata ?? '', geonames: e.geonamesId ? String(e.geonamesId) : '', type: e.type });
    });
    return () => {
      live = false;
    };
  }, [entityId, refreshKey, run]);

  if (!entity) return <section className="reader" aria-busy="true" />;

  const save = () =>
    void run(() =>
      call('entities.update', {
        id: entity.id,
        name: draft.name,
        type: draft.type,
        notes: draft.notes || null,
        aliases: draft.aliases.split(',').map((a) => a.trim()).filter(Boolean),
        wikidata: draft.wikidata.trim() || null,
        geonamesId: draft.geonames.trim() ? Number(draft.geonames) : null,
      }),
    );

  return (
    <section className="reader entity-panel" aria-label="Entity">
      <header className="reader-bar">
        <strong className={`badge type-${entity.type}`}>{entity.type}</strong>
        <span className="spacer" />
        <button type="button" onClick={() => onShowArticles(entity.id, entity.name)}>
          Show its articles
        </button>
        <button type="button" onClick={onClose} aria-label="Close entity">
          ✕
        </button>
      </header>
      <div className="entity-body">
        <h1 data-testid="entity-name">{entity.name}</h1>
        <p className="muted">
          {entity.mentions} accepted · {entity.suggested} suggested · {plural(entity.articles, 'article')}
          {entity.firstSeen ? ` · ${showDate(entity.firstSeen)} – ${showDate(entity.lastSeen)}` : ''}
        </p>
        <div className="entity-form">
          <label className="field">
            <span>Name</span>
            <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </label>
          <label className="field">
            <span>Type</span>
            <select value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value as EntityType })}>
              {ENTITY_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Aliases (comma separated)</span>
            <input value={draft.aliases} onChange={(e) => setDraft({ ...draft, aliases: e.target.value })} />
          </label>
          <label className="field">
            <span>Notes</span>
            <textarea rows={3} value={draft.notes} onChange={(e) => setDraft({ ...draft, notes: e.target.value })} />
          </label>
          <div className="row">
            <label className="field">
              <span>Wikidata QID</span>
              <input value={draft.wikidata} placeholder="Q123" onChange={(e) => setDraft({ ...draft, wikidata: e.target.value })} />
            </label>
            <label className="field">
              <span>GeoNames id</span>
              <input value={draft.geonames} onChange={(e) => setDraft({ ...draft, geonames: e.target.value.replace(/\D/g, '') })} />
            </label>
          </div>
          <button type="button" className="primary" onClick={save}>
            Save entity
          </button>
        </div>
        {entity.type === 'place' && (
          <div className="entity-place">
            <h2>Place</h2>
            <p>{entity.placeLabel ? `${entity.placeLabel} (${entity.lat?.toFixed(4)}, ${entity.lon?.toFixed(4)})` : 'Not placed on the map yet.'}</p>
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                if (placeText.trim()) void run(() => call('places.search', { text: placeText })).then((r) => r && setPlaces(r));
              }}
            >
              <input aria-label="Find a place" placeholder="Find in the gazetteer…" value={placeText} onChange={(e) => setPlaceText(e.target.value)} />
              <button type="submit">Find</button>
              <button type="button" onClick={() => onPickOnMap(entity.id)} title="Click a point on the map to make a custom place">
                Pick on the map
              </button>
            </form>
            <ul className="plain">
              {places.map((p) => (
                <li key={p.id}>
                  <button type="button" className="link" onClick={() => void run(() => call('entities.setPlace', { id: entity.id, place: { gazetteerId: p.id } }))}>
                    {p.name}
                  </button>{' '}
                  <span className="muted">{[p.kind, p.admin1Name, p.country, p.population ? `pop. ${p.population.toLocaleString('en')}` : null].filter(Boolean).join(' · ')}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <h2>Merge into another entity</h2>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => call('entities.page', { query: { search: mergeText, types: [entity.type] }, startRow: 0, endRow: 10 })).then(
              (r) => r && setMergeHits(r.rows.filter((x) => x.id !== entity.id)),
            );
          }}
        >
          <input aria-label="Find the entity to merge into" placeholder={`Find ${A_TYPE[entity.type]}…`} value={mergeText} onChange={(e) => setMergeText(e.target.value)} />
          <button type="submit">Find</button>
        </form>
        <ul className="plain">
          {mergeHits.map((h) => (
            <li key={h.id}>
              {h.name}{' '}
              <button
                type="button"
                onClick={async () => {
                  if (!(await confirm(`Merge "${entity.name}" into "${h.name}"? Its mentions and names move there.`))) return;
                  const r = await run(() => call('entities.merge', { sourceId: entity.id, targetId: h.id }));
                  if (r) {
                    onOpenEntity(h.id);
                    notify(`Merged "${entity.name}" into "${h.name}".`, () => void run(() => call('entities.undoMerge', { undoId: r.undoId })).then((u) => u && onOpenEntity(u.restoredId)));
                  }
                }}
              >
                Merge into this
              </button>
            </li>
          ))}
        </ul>
        <h2>Mentions</h2>
        <div className="row">
          <button
            type="button"
            disabled={picked.length === 0}
            onClick={async () => {
              const name = await ask('Name of the new entity for the ticked mentions', entity.name);
              if (name) void run(() => call('entities.split', { id: entity.id, mentionIds: picked, name })).then((r) => r && (setPicked([]), onOpenEntity(r.newId)));
            }}
          >
            Split ticked into a new entity
          </button>
          <button
            type="button"
            className="danger"
            onClick={async () => {
              if (await confirm(`Delete "${entity.name}"? ${entity.mentions + entity.suggested === 1 ? 'Its mention is rejected, so it is' : `Its ${plural(entity.mentions + entity.suggested, 'mention')} are rejected, so they are`} not suggested again.`)) {
                if (await run(() => call('entities.delete', { id: entity.id }))) onClose();
              }
            }}
          >
            Delete entity
          </button>
        </div>
        <ul className="occurrences">
          {entity.occurrences.map((o) => (
            <li key={o.mentionId} className={`status-${o.status}`}>
              <input
                type="checkbox"
                aria-label={`Tick mention in ${o.articleTitle}`}
                checked={picked.includes(o.mentionId)}
                onChange={(e) => setPicked(e.target.checked ? [...picked, o.mentionId] : picked.filter((x) => x !== o.mentionId))}
              />
              <button type="button" className="link" onClick={() => onOpenArticle(o.articleId)}>
                {o.articleTitle}
              </button>
              <span className="muted"> {showDate(o.published)}</span>
              <div className="context">
                …{o.before}
                <mark>{o.quote}</mark>
                {o.after}…
              </div>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
