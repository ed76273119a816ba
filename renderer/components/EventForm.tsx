import { useEffect, useMemo, useState } from 'react';
import {
  ACTOR_TYPES,
  ACTOR_TYPE_CODES,
  EVENT_FIELDS,
  EVENT_FIELD_WORDS,
  EVENT_TYPES,
  EVENT_TYPE_NAMES,
  SOURCE_SCALES,
  disorderTypeOf,
  interactionOf,
  type ActorType,
  type EventField,
  type EventInputRaw,
  type EventRecord,
  type EvidenceInput,
  type Problem,
  type SubEventType,
} from '../../electron/contract/index.js';
import { call } from '../api.js';
import { showDatesIn, today } from '../dates.js';
import { EntityPicker } from './EntityPicker.js';

type Ref = { id: number; name: string } | null;
interface Draft {
  date: string;
  timePrecision: 1 | 2 | 3;
  subEventType: SubEventType;
  actor1: Ref;
  /** Null until known: the prefill never guesses a type it has no cue for. */
  actor1Type: ActorType | null;
  actor2: Ref;
  actor2Type: ActorType | null;
  associates1: { id: number; name: string }[];
  associates2: { id: number; name: string }[];
  civilianTargeting: boolean;
  location: Ref;
  geoPrecision: 1 | 2 | 3;
  fatalities: number;
  source: string;
  sourceScale: string;
  notes: string;
  tags: string;
}

/** Evidence still to be saved with a new event: the quote is known from the article being read. */
export interface PendingEvidence extends EvidenceInput {
  quote: string;
}

interface Props {
  /** An event being edited, or null for a new one. */
  event: EventRecord | null;
  /** A new event's pre-filled values (from events.draft) and the names of the entities it refers to. */
  initial?: {
    input: Partial<EventInputRaw>;
    evidence: PendingEvidence[];
    names: Map<number, string>;
    fatalityReadings: { reading: string; figure: number | null }[];
    /** What the prefill read and why. */
    cues?: string[];
  };
  /** Text the analyst selected in the reader, offered as evidence. */
  selection: PendingEvidence | null;
  onSaved: (event: EventRecord) => void;
  onClose: () => void;
  onOpenEvent: (id: number) => void;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
}

function fromEvent(e: EventRecord): Draft {
  return {
    date: e.date,
    timePrecision: e.timePrecision as 1 | 2 | 3,
    subEventType: e.subEventType as SubEventType,
    actor1: e.actor1 ? { id: e.actor1.entityId, name: e.actor1.name } : null,
    // 0: an imported row's type that could not be read; the analyst chooses it.
    actor1Type: (e.actor1?.type || null) as ActorType | null,
    actor2: e.actor2 ? { id: e.actor2.entityId, name: e.actor2.name } : null,
    actor2Type: (e.actor2?.type || null) as ActorType | null,
    associates1: e.associates1.map((a) => ({ id: a.entityId, name: a.name })),
    associates2: e.associates2.map((a) => ({ id: a.entityId, name: a.name })),
    civilianTargeting: e.civilianTargeting,
    location: e.location ? { id: e.location.entityId, name: e.location.name } : null,
    geoPrecision: e.geoPrecision as 1 | 2 | 3,
    fatalities: e.fatalities,
    source: e.source ?? '',
    sourceScale: e.sourceScale ?? '',
    notes: e.notes ?? '',
    tags: e.tags.join(', '),
  };
}

function fromInitial(i: NonNullable<Props['initial']>): Draft {
  const ref = (id: number | null | undefined): Ref => (id ? { id, name: i.names.get(id) ?? `entity ${id}` } : null);
  const a1 = i.input.actor1 as { entityId: number; type: ActorType | null } | undefined;
  const a2 = i.input.actor2 as { entityId: number; type: ActorType | null } | undefined | null;
  return {
    date: (i.input.date as string) ?? today(),
    timePrecision: (i.input.timePrecision as 1 | 2 | 3) ?? 1,
    subEventType: (i.input.subEventType as SubEventType) ?? 'Armed clash',
    actor1: ref(a1?.entityId),
    actor1Type: a1?.type ?? null,
    actor2: ref(a2?.entityId),
    actor2Type: a2?.type ?? null,
    associates1: [],
    associates2: [],
    civilianTargeting: !!i.input.civilianTargeting,
    location: ref(i.input.locationId as number | undefined),
    geoPrecision: (i.input.geoPrecision as 1 | 2 | 3) ?? 1,
    fatalities: (i.input.fatalities as number) ?? 0,
    source: (i.input.source as string | null | undefined) ?? '',
    sourceScale: '',
    notes: (i.input.notes as string | null | undefined) ?? '',
    tags: '',
  };
}

function toInput(d: Draft): EventInputRaw | null {
  if (!d.actor1 || !d.location || d.actor1Type === null || (d.actor2 && d.actor2Type === null)) return null;
  return {
    date: d.date,
    timePrecision: d.timePrecision,
    subEventType: d.subEventType,
    actor1: { entityId: d.actor1.id, type: d.actor1Type },
    actor2: d.actor2 && d.actor2Type !== null ? { entityId: d.actor2.id, type: d.actor2Type } : null,
    associates1: d.associates1.map((a) => a.id),
    associates2: d.associates2.map((a) => a.id),
    civilianTargeting: d.civilianTargeting,
    locationId: d.location.id,
    geoPrecision: d.geoPrecision,
    fatalities: d.fatalities,
    source: d.source || null,
    sourceScale: (d.sourceScale || null) as EventInputRaw['sourceScale'],
    notes: d.notes || null,
    tags: d.tags.split(',').map((t) => t.trim()).filter(Boolean),
  };
}

/** The coding form: ACLED's fields, each with the quotes that back it, validated as you type. */
export function EventForm({ event, initial, selection, onSaved, onClose, onOpenEvent, run }: Props) {
  const [draft, setDraft] = useState<Draft>(() => (event ? fromEvent(event) : fromInitial(initial!)));
  const [pending, setPending] = useState<PendingEvidence[]>(initial?.evidence ?? []);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [evidenceField, setEvidenceField] = useState<EventField>('actor2');
  const input = useMemo(() => toInput(draft), [draft]);
  const evidence = event ? event.evidence : pending;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  useEffect(() => {
    if (!input) return;
    const timer = setTimeout(() => {
      void call('events.validate', { input, eventId: event?.id ?? null, evidence: pending }).then(setProblems, () => undefined);
    }, 250);
    return () => clearTimeout(timer);
  }, [input, event, pending]);

  const missing: Problem[] = [
    !draft.actor1 && { field: 'actor1', message: 'Choose actor 1.' },
    draft.actor1 && draft.actor1Type === null && { field: 'actor1', message: 'Choose the type of actor 1.' },
    draft.actor2 && draft.actor2Type === null && { field: 'actor2', message: 'Choose the type of actor 2.' },
    !draft.location && { field: 'location', message: 'Choose the location.' },
  ]
    .filter((p): p is { field: string; message: string } => !!p)
    .map((p) => ({ ...p, severity: 'error' as const }));
  const shown: Problem[] = input ? problems : missing;
  const errors = shown.filter((p) => p.severity === 'error');
  const problemFor = (field: string) => shown.filter((p) => p.field === field);
  const quotes = (field: EventField) => evidence.filter((e) => e.field === field);
  const supported = (field: EventField) => quotes(field).length > 0;

  const save = async (acceptWarnings: boolean) => {
    if (!input) return;
    const result = event
      ? await run(() => call('events.update', { id: event.id, input, acceptWarnings }))
      : await run(() => call('events.create', { input, evidence: pending.map(({ field, articleId, start, end }) => ({ field, articleId, start, end })), acceptWarnings }));
    if (!result) return;
    setProblems(result.problems);
    if (result.event) onSaved(result.event);
  };

  const evidenceBlock = (field: EventField) => (
    <div className={`evidence${supported(field) ? '' : ' none'}`} data-testid={`evidence-${field}`}>
      {supported(field) ? (
        quotes(field).map((q, i) => (
          <blockquote key={i}>
            “{q.quote}”
            {'articleTitle' in q && <cite> — {(q as EventRecord['evidence'][number]).articleTitle}</cite>}
            <button
              type="button"
              className="link"
              aria-label="Remove this evidence"
              onClick={() =>
                event
                  ? void run(() => call('events.removeEvidence', { evidenceId: (q as EventRecord['evidence'][number]).id })).then((e) => e && onSaved(e))
                  : setPending((p) => p.filter((x) => x !== q))
              }
            >
              ×
            </button>
          </blockquote>
        ))
      ) : (
        <span className="muted">no evidence</span>
      )}
    </div>
  );
  const problemsOf = (field: string) =>
    problemFor(field).map((p, i) => (
      <p key={i} className={p.severity === 'error' ? 'error' : 'warning'} role={p.severity === 'error' ? 'alert' : 'status'}>
        {showDatesIn(p.message)}
        {p.duplicateOf && (
          <button type="button" className="link" onClick={() => onOpenEvent(p.duplicateOf!)}>
            open event {p.duplicateOf}
          </button>
        )}
      </p>
    ));
  const actorType = (key: 'actor1Type' | 'actor2Type', label: string) => (
    <label className="field">
      <span>{label}</span>
      <select value={draft[key] ?? ''} onChange={(e) => set(key, e.target.value ? (Number(e.target.value) as ActorType) : null)}>
        <option value="">– choose –</option>
        {ACTOR_TYPE_CODES.map((c) => (
          <option key={c} value={c}>
            {c} – {ACTOR_TYPES[c]}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="event-form" role="form" aria-label={event ? `Event ${event.id}` : 'Code an event'}>
      <header className="row">
        <h2>{event ? `Event ${event.id}` : 'Code an event'}</h2>
        <span className="spacer" />
        <button type="button" onClick={onClose} aria-label="Close the event form">
          ✕
        </button>
      </header>
      {initial?.cues && initial.cues.length > 0 && (
        <details className="prefill-cues" open>
          <summary>Read from the text</summary>
          <ul data-testid="prefill-cues">
            {initial.cues.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </details>
      )}
      {selection && (
        <div className="use-evidence row" role="group" aria-label="Use the selection as evidence">
          <span>“{selection.quote.slice(0, 60)}{selection.quote.length > 60 ? '…' : ''}” as evidence for</span>
          <select aria-label="Evidence for" value={evidenceField} onChange={(e) => setEvidenceField(e.target.value as EventField)}>
            {EVENT_FIELDS.map((f) => (
              <option key={f} value={f}>
                {EVENT_FIELD_WORDS[f]}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => {
              const e = { field: evidenceField, articleId: selection.articleId, start: selection.start, end: selection.end };
              if (event) void run(() => call('events.addEvidence', { eventId: event.id, evidence: e })).then((r) => r && onSaved(r));
              else setPending((p) => [...p, { ...e, quote: selection.quote }]);
            }}
          >
            Use as evidence
          </button>
        </div>
      )}
      <section>
        <div className="row">
          <label className="field">
            <span>Event date</span>
            <input type="date" value={draft.date} onChange={(e) => set('date', e.target.value)} />
          </label>
          <label className="field">
            <span>Time precision</span>
            <select value={draft.timePrecision} onChange={(e) => set('timePrecision', Number(e.target.value) as 1 | 2 | 3)}>
              <option value={1}>1 – exact day</option>
              <option value={2}>2 – within a week</option>
              <option value={3}>3 – within a month</option>
            </select>
          </label>
        </div>
        {evidenceBlock('date')}
        {problemsOf('date')}
      </section>
      <section>
        <label className="field">
          <span>Event type / sub-event type</span>
          <select aria-label="Sub-event type" value={draft.subEventType} onChange={(e) => set('subEventType', e.target.value as SubEventType)}>
            {EVENT_TYPE_NAMES.map((t) => (
              <optgroup key={t} label={t}>
                {EVENT_TYPES[t].map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <p className="muted" data-testid="derived">
          Disorder type: {disorderTypeOf(draft.subEventType)} · Interaction: {(draft.actor2 && draft.actor2Type === null ? null : interactionOf(draft.actor1 ? draft.actor1Type : null, draft.actor2 ? draft.actor2Type : null)) ?? '–'}
        </p>
        {evidenceBlock('eventType')}
      </section>
      <section>
        <EntityPicker label="Actor 1" types={['organisation', 'group', 'person']} value={draft.actor1} onChange={(v) => set('actor1', v)} run={run} />
        {actorType('actor1Type', 'Actor 1 type')}
        {evidenceBlock('actor1')}
        {problemsOf('actor1')}
      </section>
      <section>
        <EntityPicker label="Actor 2" types={['organisation', 'group', 'person']} value={draft.actor2} onChange={(v) => set('actor2', v)} run={run} />
        {actorType('actor2Type', 'Actor 2 type')}
        {evidenceBlock('actor2')}
        {problemsOf('actor2')}
      </section>
      <section aria-label="Associated actors">
        {(['associates1', 'associates2'] as const).map((side, i) => (
          <div key={side}>
            <span className="muted">Associated with actor {i + 1}: </span>
            {draft[side].map((a) => (
              <span key={a.id} className="tag-chip">
                {a.name}
                <button type="button" className="chip-remove" aria-label={`Remove ${a.name}`} onClick={() => set(side, draft[side].filter((x) => x.id !== a.id))}>
                  ×
                </button>
              </span>
            ))}
            <EntityPicker
              key={draft[side].length}
              label={`Add an actor associated with actor ${i + 1}`}
              types={['organisation', 'group', 'person']}
              value={null}
              onChange={(v) => v && !draft[side].some((x) => x.id === v.id) && set(side, [...draft[side], v])}
              run={run}
            />
          </div>
        ))}
        {evidenceBlock('associates')}
        {problemsOf('associates')}
      </section>
      <section>
        <label>
          <input type="checkbox" checked={draft.civilianTargeting} onChange={(e) => set('civilianTargeting', e.target.checked)} /> Civilian targeting
        </label>
        {problemsOf('civilianTargeting')}
      </section>
      <section>
        <EntityPicker
          label="Location"
          types={['place']}
          value={draft.location}
          onChange={(v) => set('location', v)}
          run={run}
          // Gazetteer hits ranked with the countries of the article the event is coded from.
          gazetteer={{ articleId: selection?.articleId ?? initial?.evidence[0]?.articleId ?? event?.evidence[0]?.articleId ?? null }}
        />
        <label className="field">
          <span>Geo precision</span>
          <select value={draft.geoPrecision} onChange={(e) => set('geoPrecision', Number(e.target.value) as 1 | 2 | 3)}>
            <option value={1}>1 – the place itself</option>
            <option value={2}>2 – near it / part of a region</option>
            <option value={3}>3 – a larger region</option>
          </select>
        </label>
        {event && (
          <p className="muted">
            {event.placeName !== null && event.location?.entityId === draft.location?.id
              ? `As imported: ${[event.placeName, event.admin3, event.admin2, event.admin1, event.country].filter(Boolean).join(', ')}${event.lat !== null ? ` (${event.lat}, ${event.lon})` : ''}`
              : [event.admin2, event.admin1, event.country].filter(Boolean).join(', ')}
            {event.acledId && ` · ACLED ${event.acledId}`}
          </p>
        )}
        {evidenceBlock('location')}
        {problemsOf('location')}
        {problemsOf('geoPrecision')}
      </section>
      <section>
        <label className="field">
          <span>Fatalities</span>
          <input type="number" min={0} value={draft.fatalities} onChange={(e) => set('fatalities', Math.max(0, Number(e.target.value) || 0))} />
        </label>
        {initial?.fatalityReadings
          .filter((r) => r.figure !== null)
          .map((r, i) => (
            <p key={i} className="muted">
              Proposed from the text: {r.reading}
            </p>
          ))}
        {evidenceBlock('fatalities')}
        {problemsOf('fatalities')}
      </section>
      <section>
        <div className="row">
          <label className="field">
            <span>Source</span>
            <input value={draft.source} onChange={(e) => set('source', e.target.value)} />
          </label>
          <label className="field">
            <span>Source scale</span>
            <select value={draft.sourceScale} onChange={(e) => set('sourceScale', e.target.value)}>
              <option value="">–</option>
              {draft.sourceScale && !(SOURCE_SCALES as readonly string[]).includes(draft.sourceScale) && <option>{draft.sourceScale}</option>}
              {SOURCE_SCALES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span>Notes</span>
          <textarea rows={3} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
        </label>
        <label className="field">
          <span>Tags (comma separated)</span>
          <input value={draft.tags} onChange={(e) => set('tags', e.target.value)} />
        </label>
      </section>
      <footer className="row">
        <button type="button" className="primary" disabled={!input || errors.length > 0} onClick={() => void save(false)}>
          {event ? 'Save event' : 'Create event'}
        </button>
        {shown.some((p) => p.severity === 'warning') && errors.length === 0 && (
          <button type="button" onClick={() => void save(true)}>
            Save anyway
          </button>
        )}
        {event && (
          <button
            type="button"
            className="danger"
            onClick={() => void run(() => call('events.delete', { id: event.id })).then((r) => r && onClose())}
          >
            Delete event
          </button>
        )}
      </footer>
      {errors.length > 0 && (
        <p className="error" data-testid="event-errors">
          {errors.length} {errors.length === 1 ? 'problem' : 'problems'} to fix before saving.
        </p>
      )}
    </div>
  );
}
