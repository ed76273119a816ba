import { useState } from 'react';
import { MENTION_TYPES, splitReason, type Mention, type MentionType, type PlaceCandidate, type PlaceScope } from '../../electron/contract/index.js';
import { shrinkEnd, shrinkStart, stretchEnd, stretchStart, type Span } from '../../electron/contract/spanEdges.js';
import { call } from '../api.js';
import { showDate } from '../dates.js';
import { ScopeSelect, type Scope } from './ScopeSelect.js';

export type { Scope };

export const TYPE_LABEL: Record<MentionType, string> = { person: 'Person', organisation: 'Organisation', place: 'Place', group: 'Group', date: 'Date' };

/** "district/county · Faryab · AF · pop. 8,942", "air base · Parwan · AF", "sea": what tells two places of one name apart. */
export function describePlace(c: PlaceCandidate): string {
  const kind = c.facility ?? (c.kind === 'admin1' ? 'province/state' : c.kind === 'admin2' ? 'district/county' : c.kind === 'custom' ? 'custom place' : c.kind === 'region' ? (c.natural ?? 'region') : c.kind);
  return [kind, c.admin1Name, c.country, c.population ? `pop. ${c.population.toLocaleString('en')}` : null].filter(Boolean).join(' · ');
}

interface Props {
  mention: Mention;
  /** The organisation whose name this place is named in ("Kabul University" for "Kabul"), if any. */
  namedIn?: Mention | null;
  body: string;
  scope: Scope;
  onScope: (s: Scope) => void;
  onOpenEntity: (id: number) => void;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
}

/** Review of one annotation: accept, reject, type, span, entity and place. Keys: a, r, 1–5, Shift/Alt+arrows. */
export function MentionPanel({ mention, namedIn = null, body, scope, onScope, onOpenEntity, run }: Props) {
  const [placeQuery, setPlaceQuery] = useState('');
  const [found, setFound] = useState<Mention['candidates']>([]);
  // A candidate chosen but not yet applied: the analyst says how far it reaches first.
  const [choice, setChoice] = useState<{ mentionId: number; candidate: PlaceCandidate } | null>(null);
  const chosen = choice?.mentionId === mention.id ? choice.candidate : null;
  const setChosen = (candidate: PlaceCandidate | null) => setChoice(candidate && { mentionId: mention.id, candidate });
  /** One edge moved by a word; a step that cannot move (a one-word span, the end of the text) sends nothing. */
  const step = (move: (text: string, span: Span) => Span) => {
    const { start, end } = move(body, mention);
    if (start !== mention.start || end !== mention.end) void run(() => call('mentions.respan', { id: mention.id, start, end }));
  };
  const place = (scope: PlaceScope) => {
    if (!chosen) return;
    setChosen(null);
    void run(() => call('mentions.place', { id: mention.id, place: { gazetteerId: chosen.id }, scope }));
  };
  // The type asked for shows at once, and a second click before the list comes back is not lost
  // (it used to compare with the type the reader still held, and dropped "back to Organisation").
  // It holds until the reader's list is read again, which brings a new mention object.
  const [asked, setAsked] = useState<{ of: Mention; type: MentionType } | null>(null);
  const shownType = asked?.of === mention ? asked.type : mention.type;
  const retype = (type: MentionType) => {
    if (type === shownType) return;
    setAsked({ of: mention, type });
    void run(async () => {
      await call('mentions.retype', { id: mention.id, type });
      return true;
    }).then((done) => done || setAsked(null));
  };
  const candidates = [...mention.candidates, ...found.filter((f) => !mention.candidates.some((c) => c.id === f.id))];
  const reason = mention.reason ? splitReason(mention.reason) : null;

  return (
    <div className="mention-panel" role="group" aria-label="Annotation">
      <p className="mention-quote">
        <strong>“{mention.quote}”</strong> <span className={`badge status-${mention.status}`}>{mention.status}</span>
        {mention.origin === 'auto' && mention.confidence !== null && (
          <span className="muted" data-testid="mention-confidence" title="How sure the model was of this suggestion">
            {' '}
            {Math.round(mention.confidence * 100)}% sure
          </span>
        )}
      </p>
      {reason && <p className="muted">Why: {reason.why}</p>}
      {namedIn && (
        <p className="muted" data-testid="nested-note">
          Named inside “{namedIn.quote}” ({TYPE_LABEL[namedIn.type].toLowerCase()}): the place its name says it belongs to. Rejecting it leaves the organisation as it is.
        </p>
      )}
      {mention.adjectival && (
        <p className="muted" data-testid="adjectival-note">
          An adjective naming {mention.entityName ?? 'its country'}: the map counts it only while “Count nationality adjectives” is on (in its legend).
        </p>
      )}
      {reason?.model && (
        <p className="muted" data-testid="suggested-by">
          Suggested by the {reason.model}
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" onClick={() => void run(() => call('mentions.review', { id: mention.id, action: 'accept', scope }))} title="Accept (a)">
          Accept
        </button>
        <button type="button" className="danger" onClick={() => void run(() => call('mentions.review', { id: mention.id, action: 'reject', scope }))} title="Reject (r)">
          Reject
        </button>
        <ScopeSelect value={scope} onChange={onScope} />
      </div>
      <div className="row type-buttons" role="radiogroup" aria-label="Type">
        {MENTION_TYPES.map((t, i) => (
          <button
            key={t}
            type="button"
            role="radio"
            aria-checked={shownType === t}
            className={`type-${t}${shownType === t ? ' chosen' : ''}`}
            title={`${TYPE_LABEL[t]} (${i + 1})`}
            onClick={() => retype(t)}
          >
            {TYPE_LABEL[t]}
          </button>
        ))}
      </div>
      <div className="row" aria-label="Span">
        <span className="muted">Span:</span>
        <button type="button" title="Stretch start (Alt+Shift+←)" onClick={() => step(stretchStart)}>
          ⇤
        </button>
        <button type="button" title="Shrink start (Alt+Shift+→)" onClick={() => step(shrinkStart)}>
          ⇥
        </button>
        <button type="button" title="Shrink end (Shift+←)" onClick={() => step(shrinkEnd)}>
          ⇠
        </button>
        <button type="button" title="Stretch end (Shift+→)" onClick={() => step(stretchEnd)}>
          ⇢
        </button>
      </div>
      {mention.date && (
        <p>
          Date: <strong>{showDate(mention.date.value) || 'not placed'}</strong>
          {mention.date.until ? ` – ${showDate(mention.date.until)}` : ''} ({mention.date.precision})
        </p>
      )}
      {mention.entityId !== null && (
        <p>
          Entity:{' '}
          <button type="button" className="link" onClick={() => onOpenEntity(mention.entityId!)}>
            {mention.entityName}
          </button>
          {mention.place && (
            <span className="muted">
              {' '}
              · {mention.place.label} ({mention.place.lat.toFixed(3)}, {mention.place.lon.toFixed(3)})
            </span>
          )}
        </p>
      )}
      {mention.type === 'place' && mention.entityId !== null && (
        <div className="candidates">
          <h3>Gazetteer candidates</h3>
          <ul>
            {candidates.map((c) => (
              <li key={c.id}>
                <label>
                  <input
                    type="radio"
                    name="candidate"
                    checked={chosen ? chosen.id === c.id : !!mention.place && Math.abs(mention.place.lat - c.lat) < 1e-6 && Math.abs(mention.place.lon - c.lon) < 1e-6}
                    onChange={() => setChosen(c)}
                  />{' '}
                  {c.name} <span className="muted">{describePlace(c)}</span>
                </label>
              </li>
            ))}
          </ul>
          {chosen && (
            <div
              className="place-scope"
              role="group"
              aria-label="Where the new place applies"
              onKeyDown={(e) => {
                if (e.key !== 'Escape') return;
                e.preventDefault();
                e.stopPropagation();
                setChosen(null);
              }}
            >
              <p>
                Put <strong>{chosen.name}</strong> <span className="muted">({describePlace(chosen)})</span> on:
              </p>
              <div className="row">
                <button type="button" className="primary" autoFocus onClick={() => place('this')}>
                  This mention
                </button>
                <button type="button" onClick={() => place('article')}>
                  Every mention of “{mention.entityName}” in this article
                </button>
                <button type="button" onClick={() => place('entity')} title="Moves the entity itself; an entity already on this place takes it in (a merge, which Undo parts again)">
                  Every mention of “{mention.entityName}”, in all articles
                </button>
                <button type="button" className="link" onClick={() => setChosen(null)}>
                  Cancel
                </button>
              </div>
            </div>
          )}
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              if (placeQuery.trim()) void run(() => call('places.search', { text: placeQuery, articleId: mention.articleId })).then((r) => r && setFound(r));
            }}
          >
            <input aria-label="Search the gazetteer" placeholder="Search the gazetteer…" value={placeQuery} onChange={(e) => setPlaceQuery(e.target.value)} />
            <button type="submit">Search</button>
          </form>
        </div>
      )}
    </div>
  );
}
