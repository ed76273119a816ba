import { useState } from 'react';
import type { EntityType } from '../../electron/contract/index.js';
import { call } from '../api.js';

interface Props {
  label: string;
  types: EntityType[];
  value: { id: number; name: string } | null;
  onChange: (value: { id: number; name: string } | null) => void;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
}

/** Choose an entity from the registry by typing its name, or add a new one. */
export function EntityPicker({ label, types, value, onChange, run }: Props) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<{ id: number; name: string; type: string }[]>([]);
  const search = (q: string) => {
    setText(q);
    if (q.trim().length < 2) return setHits([]);
    void run(() => call('entities.page', { query: { search: q, types }, startRow: 0, endRow: 8 })).then((r) => r && setHits(r.rows));
  };
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
      ) : (
        <>
          <input aria-label={label} placeholder="Type a name…" value={text} onChange={(e) => search(e.target.value)} />
          {text.trim().length >= 2 && (
            <ul className="picker-hits" role="listbox" aria-label={`${label} choices`}>
              {hits.map((h) => (
                <li key={h.id}>
                  <button type="button" role="option" aria-selected={false} onClick={() => (onChange({ id: h.id, name: h.name }), setText(''), setHits([]))}>
                    {h.name} <span className="muted">{h.type}</span>
                  </button>
                </li>
              ))}
              <li>
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    void run(() => call('entities.create', { type: types[0]!, name: text.trim() })).then((e) => {
                      if (e) onChange({ id: e.id, name: e.name });
                      setText('');
                      setHits([]);
                    })
                  }
                >
                  Add “{text.trim()}” as a new {types[0]}
                </button>
              </li>
            </ul>
          )}
        </>
      )}
    </div>
  );
}
