import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { RELIABILITY, type ArticleDetail } from '../../electron/contract/index.js';
import { call, mode } from '../api.js';
import { DETAILS_LABEL, detailsOf, detailsPatch, mergeDetails, type DetailsDraft, type DetailsKey } from '../state/articleDetails.js';

/** What the reader asks of its details panel before it moves on. */
export interface DetailsHandle {
  /** Sends every valid edit now; false (and the reason shown) when an edit is invalid and would be lost by leaving. */
  flush(): boolean;
}

interface Props {
  article: ArticleDetail;
  onSaved: (article: ArticleDetail) => void;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  ref?: Ref<DetailsHandle>;
}

// Saves go one after another, across readers: the reader opened by j/k reads its article only
// once the previous one's edits are stored, so coming back with k shows them.
let saves: Promise<unknown> = Promise.resolve();
const queueSave = <T,>(job: () => Promise<T>): Promise<T> => {
  const next = saves.then(job);
  saves = next.catch(() => undefined);
  return next;
};
/** Resolves once every article edit sent so far has been answered. */
export const detailsSettled = (): Promise<unknown> => saves;

/** A pause in typing this long saves a text field. */
const TYPING_PAUSE_MS = 700;

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

const listOf = (keys: string[]) => keys.map((k) => DETAILS_LABEL[k as DetailsKey]).join(', ');

/**
 * The reader's metadata and Admiralty grading. Edits save themselves: a grading as soon as it is
 * chosen, a text field when it loses focus or after a pause in typing, and everything before the
 * reader moves to another article, closes, or the window goes. A refused edit stays in its field
 * with the reason beside it.
 */
export function ArticleDetails({ article, onSaved, run, ref }: Props) {
  const [draft, setDraftState] = useState<DetailsDraft>(() => detailsOf(article));
  // What the workspace holds (or will, once the saves sent are answered).
  const [base, setBaseState] = useState<DetailsDraft>(() => detailsOf(article));
  const [errors, setErrors] = useState<Partial<Record<DetailsKey, string>>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [seen, setSeen] = useState(article);
  // Saves run outside renders (timers, unmounting, key handlers) and read these refs; whatever
  // changes the draft or the base sets the ref and the state together.
  const draftRef = useRef(draft);
  const baseRef = useRef(base);
  const mounted = useRef(true);
  const articleId = article.id;

  const setDraft = (next: DetailsDraft) => {
    draftRef.current = next;
    setDraftState(next);
  };
  const setBase = (next: DetailsDraft) => {
    baseRef.current = next;
    setBaseState(next);
  };

  // A fresh copy of the article (after a save, or a change made elsewhere) updates the fields the
  // analyst has not touched.
  if (seen !== article) {
    const fresh = detailsOf(article);
    setSeen(article);
    setBaseState(fresh);
    setDraftState(mergeDetails(draft, base, fresh));
  }
  useLayoutEffect(() => {
    draftRef.current = draft;
    baseRef.current = base;
  });

  const persist = (): boolean => {
    const { patch, errors: invalid } = detailsPatch(draftRef.current, baseRef.current);
    const keys = Object.keys(patch) as DetailsKey[];
    const invalidKeys = Object.keys(invalid);
    const report = (message: string) => {
      if (mounted.current) setStatus({ kind: 'failed', message });
      // The reader is gone (another article was opened): the app's banner says what was not kept.
      else void run(() => Promise.reject(new Error(message)));
    };
    if (mounted.current) setErrors(invalid);
    if (keys.length) {
      const before = baseRef.current;
      setBase({ ...before, ...Object.fromEntries(keys.map((k) => [k, draftRef.current[k]])) });
      if (mounted.current) setStatus({ kind: 'saving' });
      void queueSave(() => call('articles.update', { id: articleId, patch })).then(
        (saved) => {
          if (!mounted.current) return;
          if (!invalidKeys.length) setStatus({ kind: 'saved' });
          onSaved(saved);
        },
        (e: unknown) => {
          // Refused: the fields count as edited again, and the analyst's text stays in them.
          setBase({ ...baseRef.current, ...Object.fromEntries(keys.map((k) => [k, before[k]])) });
          report(`${listOf(keys)} not saved: ${e instanceof Error ? e.message : String(e)}`);
        },
      );
    }
    if (invalidKeys.length) report(`${listOf(invalidKeys)} not saved: ${Object.values(invalid).join('; ')}`);
    return invalidKeys.length === 0;
  };
  const persistRef = useRef(persist);
  useLayoutEffect(() => {
    persistRef.current = persist;
  });

  useImperativeHandle(ref, () => ({ flush: () => persistRef.current() }), []);

  // A pause in typing saves.
  useEffect(() => {
    const timer = setTimeout(() => persistRef.current(), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  // Leaving by any road (j/k, a click in a table, closing) sends what is left.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      persistRef.current();
    };
  }, []);

  // Closing the tab or window: Electron's IPC message leaves before the page goes; a browser may
  // drop a request made while unloading, so there the page asks to stay until it is answered.
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      const { patch, errors: invalid } = detailsPatch(draftRef.current, baseRef.current);
      if (!Object.keys(patch).length && !Object.keys(invalid).length) return;
      persistRef.current();
      if (mode === 'browser') e.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, []);

  // The draft ref is current before the save reads it, so a grading is sent the moment it is chosen.
  const choose = (key: DetailsKey, value: string) => {
    setDraft({ ...draftRef.current, [key]: value });
    persist();
  };
  const discard = () => {
    const kept = { ...draftRef.current };
    for (const key of Object.keys(errors) as DetailsKey[]) kept[key] = base[key];
    setDraft(kept);
    setErrors({});
    setStatus({ kind: 'idle' });
  };
  const field = (key: DetailsKey, label: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        type="text"
        value={draft[key]}
        aria-invalid={errors[key] ? true : undefined}
        onChange={(e) => setDraft({ ...draftRef.current, [key]: e.target.value })}
        onBlur={persist}
        onKeyDown={(e) => {
          // Enter or Esc leaves the field (and so saves it); a second Esc closes the reader.
          if (e.key === 'Enter' || e.key === 'Escape') e.currentTarget.blur();
        }}
      />
      {errors[key] && <span className="error">{errors[key]}</span>}
    </label>
  );
  const anyEdited = (Object.keys(DETAILS_LABEL) as DetailsKey[]).some((key) => draft[key] !== base[key]);

  return (
    <div className="article-details">
      <h2>Source grading</h2>
      <div className="row">
        <label className="field">
          <span>Reliability</span>
          <select value={draft.reliability} onChange={(e) => choose('reliability', e.target.value)}>
            <option value="">–</option>
            {RELIABILITY.map((r) => (
              <option key={r} value={r}>
                {r} – {RELIABILITY_WORDS[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Credibility</span>
          <select value={draft.credibility} onChange={(e) => choose('credibility', e.target.value)}>
            <option value="">–</option>
            {CREDIBILITY_WORDS.map((w, i) => (
              <option key={w} value={i + 1}>
                {i + 1} – {w}
              </option>
            ))}
          </select>
        </label>
      </div>
      <h2>Metadata</h2>
      {field('title', 'Title')}
      {field('source', 'Source')}
      {field('published', 'Published (YYYY-MM-DD)')}
      {field('dateline', 'Dateline')}
      {field('author', 'Author')}
      {field('url', 'URL')}
      <div className="details-status" data-testid="details-status">
        {status.kind === 'failed' ? (
          <p className="error" role="alert">
            {status.message}{' '}
            {Object.keys(errors).length > 0 && (
              <button type="button" className="link" onClick={discard}>
                Discard the change
              </button>
            )}
          </p>
        ) : (
          <p className="muted" role="status">
            {status.kind === 'saving' ? 'Saving…' : anyEdited ? 'Edited (saves when you pause)' : status.kind === 'saved' ? 'Saved ✓' : 'Edits save themselves'}
          </p>
        )}
      </div>
    </div>
  );
}

const RELIABILITY_WORDS: Record<(typeof RELIABILITY)[number], string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Cannot be judged',
};
const CREDIBILITY_WORDS = ['Confirmed', 'Probably true', 'Possibly true', 'Doubtful', 'Improbable', 'Cannot be judged'];
