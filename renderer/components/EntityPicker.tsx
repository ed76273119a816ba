import { useRef, useState } from 'react';
import type { EntityRow, EntityType, PlaceCandidate } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { describePlace } from './MentionPanel.js';
import { readCustomPlace } from './customPlace.js';

interface Props {
  label: string;
  types: EntityType[];
  value: { id: number; name: string } | null;
  onChange: (value: { id: number; name: string } | null) => void;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  /**
   * A place picker: the gazetteer is searched beside the registry (ranked with this article's
   * countries when given), and a place found in neither can be typed in with its coordinates.
   */
  gazetteer?: { articleId: number | null };
}

const samePoint = (a: { lat: number | null; lon: number | null }, b: { lat: number; lon: number }) =>
  a.lat !== null && a.lon !== null && Math.abs(a.lat - b.lat) < 1e-6 && Math.abs(a.lon - b.lon) < 1e-6;

/** Choose an entity from the registry by typing its name, or add a new one. */
export function EntityPicker({ label, types, value, onChange, run, gazetteer }: Props) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<EntityRow[]>([]);
  const [places, setPlaces] = useState<PlaceCandidate[]>([]);
  const [custom, setCustom] = useState<{ name: string; lat: string; lon: string; error: string | null } | null>(null);
  // Answers can come back out of order while the analyst types: only the latest query's count.
  const latest = useRef('');
  const choose = (v: { id: number; name: string }) => {
    onChange(v);
    setText('');
    setHits([]);
    setPlaces([]);
    setCustom(null);
  };
  const search = (q: string) => {
    setText(q);
    latest.current = q;
    if (q.trim().length < 2) {
      setHits([]);
      setPlaces([]);
      return;
    }
    void run(() => call('entities.page', { query: { search: q, types }, startRow: 0, endRow: 8 })).then((r) => r && latest.current === q && setHits(r.rows));
    if (gazetteer) void run(() => call('places.search', { text: q, articleId: gazetteer.articleId })).then((r) => r && latest.current === q && setPlaces(r.slice(0, 8)));
  };
  // A record the registry already holds is offered once, as the registry's entity.
  const fromGazetteer = places.filter((p) => !hits.some((h) => samePoint(h, p)));
  const addCustom = () => {
    if (!custom) return;
    const read = readCustomPlace(custom);
    if ('error' in read) return setCustom({ ...custom, error: read.error });
    void run(() => call('places.entity', { place: { custom: read } })).then((e) => e && choose({ id: e.id, name: e.name }));
  };
  const customField = (key: 'name' | 'lat' | 'lon', fieldLabel: string, placeholder: string) => (
    <label className="field">
      <span>{fieldLabel}</span>
      <input
        aria-label={`${label}: ${fieldLabel.toLowerCase()}`}
        placeholder={placeholder}
        value={custom![key]}
        autoFocus={key === 'lat'}
        onChange={(e) => setCustom({ ...custom!, [key]: e.target.value, error: null })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            addCustom();
          } else if (e.key === 'Escape') {
            // Leaves the event form open: only the custom place is abandoned.
            e.preventDefault();
            e.stopPropagation();
            setCustom(null);
          }
        }}
      />
    </label>
  );

  return (
    <div className="entity-picker field">
      <span>{label}</span>
      {value ? (
        <div className="row">
          <strong>{value.name}</strong>
          <button type="button" className="link" onClick={() => onChange(null)} aria-label={`Clear ${label}`}>
            change
          </button>
        </div>
      ) : custom ? (
        <div className="custom-place" role="group" aria-label={`${label}: a custom place`}>
          {customField('name', 'Name', 'Dawlat Abad checkpoint')}
          <div className="row">
            {customField('lat', 'Latitude', '36.41')}
            {customField('lon', 'Longitude', '64.91')}
          </div>
          {custom.error && (
            <p className="error" role="alert">
              {custom.error}
            </p>
          )}
          <div className="row">
            <button type="button" className="primary" onClick={addCustom}>
              Add this place
            </button>
            <button type="button" className="link" onClick={() => setCustom(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          <input aria-label={label} placeholder={gazetteer ? 'Type a place name…' : 'Type a name…'} value={text} onChange={(e) => search(e.target.value)} />
          {text.trim().length >= 2 && (
            <ul className="picker-hits" role="listbox" aria-label={`${label} choices`}>
              {hits.map((h) => (
                <li key={h.id}>
                  <button type="button" role="option" aria-selected={false} onClick={() => choose({ id: h.id, name: h.name })}>
                    {h.name} <span className="muted">{gazetteer ? (h.placeLabel ?? 'not on the map') : h.type}</span>
                  </button>
                </li>
              ))}
              {fromGazetteer.map((p) => (
                <li key={`g${p.id}`}>
                  <button
                    type="button"
                    role="option"
                    aria-selected={false}
                    onClick={() => void run(() => call('places.entity', { place: { gazetteerId: p.id } })).then((e) => e && choose({ id: e.id, name: e.name }))}
                  >
                    {p.name} <span className="muted">gazetteer · {describePlace(p)}</span>
                  </button>
                </li>
              ))}
              <li>
                {gazetteer ? (
                  <button type="button" className="link" onClick={() => setCustom({ name: text.trim(), lat: '', lon: '', error: null })}>
                    Add “{text.trim()}” as a custom place (with its coordinates)…
                  </button>
                ) : (
                  <button
                    type="button"
                    className="link"
                    onClick={() => void run(() => call('entities.create', { type: types[0]!, name: text.trim() })).then((e) => e && choose({ id: e.id, name: e.name }))}
                  >
                    Add “{text.trim()}” as a new {types[0]}
                  </button>
                )}
              </li>
            </ul>
          )}
        </>
      )}
    </div>
  );
}
