import { useState } from 'react';
import { RELATION_TYPES, type RelationRecord } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { EntityPicker } from './EntityPicker.js';

type Ref = { id: number; name: string } | null;

interface Props {
  /** The text that says so, cited as evidence. */
  evidence: { articleId: number; start: number; end: number; quote: string };
  source: Ref;
  target: Ref;
  /** The type proposed from the evidence's cue words, and those words (null: nothing in the text said it). */
  type?: (typeof RELATION_TYPES)[number];
  cue?: string | null;
  onSaved: (relation: RelationRecord) => void;
  onClose: () => void;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
}

/** "X — spokesman for — Y", from a selected sentence, which becomes the relation's evidence. */
export function RelationForm({ evidence, source: initialSource, target: initialTarget, type: proposedType = 'member of', cue = null, onSaved, onClose, run }: Props) {
  const [source, setSource] = useState<Ref>(initialSource);
  const [target, setTarget] = useState<Ref>(initialTarget);
  const [type, setType] = useState<(typeof RELATION_TYPES)[number]>(proposedType);
  const [label, setLabel] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const types = ['organisation', 'person', 'group', 'place'] as const;
  return (
    <div className="event-form" role="form" aria-label="Relate two entities">
      <header className="row">
        <h2>Relation</h2>
        <span className="spacer" />
        <button type="button" onClick={onClose} aria-label="Close the relation form">
          ✕
        </button>
      </header>
      <blockquote className="evidence">“{evidence.quote}”</blockquote>
      <p className="muted" data-testid="relation-cue">
        {cue ? `Proposed from “${cue}”: check the type and direction.` : 'No cue words found: choose the type.'}
      </p>
      <EntityPicker label="From" types={[...types]} value={source} onChange={setSource} run={run} />
      <label className="field">
        <span>Relation</span>
        <select aria-label="Relation type" value={type} onChange={(e) => setType(e.target.value as (typeof RELATION_TYPES)[number])}>
          {RELATION_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      {type === 'custom' && (
        <label className="field">
          <span>Name of the relation</span>
          <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="financed by" />
        </label>
      )}
      <EntityPicker label="To" types={[...types]} value={target} onChange={setTarget} run={run} />
      <div className="row">
        <label className="field">
          <span>From date</span>
          <input value={startDate} onChange={(e) => setStartDate(e.target.value)} placeholder="2021 or 2021-06" />
        </label>
        <label className="field">
          <span>Until</span>
          <input value={endDate} onChange={(e) => setEndDate(e.target.value)} />
        </label>
      </div>
      <button
        type="button"
        className="primary"
        disabled={!source || !target}
        onClick={() =>
          void run(() =>
            call('relations.create', {
              input: { sourceId: source!.id, targetId: target!.id, type, label: label || null, startDate: startDate || null, endDate: endDate || null },
              evidence: [{ articleId: evidence.articleId, start: evidence.start, end: evidence.end }],
            }),
          ).then((r) => r && onSaved(r))
        }
      >
        Save relation
      </button>
    </div>
  );
}
