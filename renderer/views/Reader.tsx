import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { MENTION_TYPES, type ArticleDetail, type EventRecord, type Mention, type Tag } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { pageAt } from '../../electron/contract/imports.js';
import { shrinkEnd, shrinkStart, stretchEnd, stretchStart } from '../../electron/contract/spanEdges.js';
import { nestsIn } from '../../electron/contract/mentionNesting.js';
import { ArticleDetails, detailsSettled, type DetailsHandle } from '../components/ArticleDetails.js';
import { DocumentLinks } from '../components/DocumentLinks.js';
import { CopyDiff } from '../components/CopyDiff.js';
import { AnnotatedText } from '../components/AnnotatedText.js';
import { EventForm, type PendingEvidence } from '../components/EventForm.js';
import { RelationForm } from '../components/RelationForm.js';
import { ScopeSelect } from '../components/ScopeSelect.js';
import { MentionPanel, TYPE_LABEL, type Scope } from '../components/MentionPanel.js';
import { NamesModelLine } from '../components/NamesModelLine.js';
import { TagChips } from '../components/TagChips.js';
import { proposeRelation, type NamedSpan } from '../state/relationProposal.js';
import { sentenceAfter, sentenceAt } from '../state/sentences.js';
import { nextLeastSure, sureAtLeast } from '../state/leastSure.js';
import { showDate, useDateStyle } from '../dates.js';
import { plural } from '../text.js';

interface Props {
  articleId: number;
  search: string;
  refreshKey: number;
  tags: Tag[];
  onNavigate: (direction: 'next' | 'previous') => void;
  onClose: () => void;
  onOpenEntity: (id: number) => void;
  onOpenEvent: (id: number) => void;
  /** Open another article: the message an attachment came with, a reply in the thread. */
  onOpenArticle: (id: number) => void;
  /** Open with this event's form, to cite this article for it. */
  eventId?: number;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
}

/** The reader: the cleaned text with search hits, and a side panel for metadata, grading and tags. */
export function Reader({ articleId, search, refreshKey, tags, onNavigate, onClose, onOpenEntity, onOpenEvent, onOpenArticle, eventId, run }: Props) {
  // Drawn again when the analyst changes the date format.
  useDateStyle();
  const [article, setArticle] = useState<ArticleDetail | null>(null);
  const details = useRef<DetailsHandle>(null);
  const [addTag, setAddTag] = useState('');
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [textRange, setTextRange] = useState<{ start: number; end: number } | null>(null);
  // Whether the text range was picked from the keyboard, so the reader draws it (the mouse's shows itself).
  const [keyPicked, setKeyPicked] = useState(false);
  const [scope, setScope] = useState<Scope>('this');
  const [showRejected, setShowRejected] = useState(false);
  /** The confidence (%) at or above which "Accept" takes the article's suggestions. */
  const [acceptAt, setAcceptAt] = useState('90');
  type Initial = NonNullable<Parameters<typeof EventForm>[0]['initial']>;
  const [coding, setCoding] = useState<{ initial?: Initial; event: EventRecord | null } | null>(null);
  type Relating = Omit<Parameters<typeof RelationForm>[0], 'onSaved' | 'onClose' | 'run'>;
  const [relating, setRelating] = useState<Relating | null>(null);
  /** A form opened from the keyboard (or its button) takes the focus, so it can be filled without a mouse. */
  const focusForm = useRef(false);
  const side = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!focusForm.current || !(coding || relating)) return;
    focusForm.current = false;
    side.current?.querySelector<HTMLElement>('.event-form :is(input, select, textarea):not([disabled])')?.focus();
  }, [coding, relating]);

  useEffect(() => {
    if (eventId !== undefined) void run(() => call('events.get', { id: eventId })).then((event) => event && setCoding({ event }));
  }, [eventId, run]);

  useEffect(() => {
    let live = true;
    void run(() => call('mentions.list', { articleId })).then((m) => live && m && setMentions(m));
    return () => {
      live = false;
    };
  }, [articleId, refreshKey, run]);

  useEffect(() => {
    let live = true;
    // After the edits still on their way (this article's, or the one just left), so they show.
    void run(() => detailsSettled().then(() => call('articles.get', { id: articleId, search }))).then((a) => live && a && setArticle(a));
    return () => {
      live = false;
    };
  }, [articleId, search, refreshKey, run]);

  const detailsSaved = useCallback((a: ArticleDetail) => setArticle((current) => current && { ...a, highlights: current.highlights }), []);
  /** Moving on (j/k, close) sends the edits first; an invalid edit keeps the reader open, its reason shown. */
  const leave = useCallback((go: () => void) => {
    if (details.current?.flush() === false) return;
    go();
  }, []);

  const selected = mentions.find((m) => m.id === selectedId) ?? null;
  const body = article?.body ?? '';
  const selectionEvidence: PendingEvidence | null = textRange ? { field: 'eventType', articleId, ...textRange, quote: body.slice(textRange.start, textRange.end) } : null;

  /** "l": relate two entities named in the selected text, citing it; type and ends proposed from its cue words ("his spokesman"). */
  const relate = useCallback(
    (range: { start: number; end: number }) => {
      const named: NamedSpan[] = mentions.flatMap((m) =>
        m.entityId !== null && m.type !== 'date' && m.status !== 'rejected' ? [{ entityId: m.entityId, name: m.entityName ?? m.quote, type: m.type, start: m.start, end: m.end }] : [],
      );
      const proposal = proposeRelation(body, range, named);
      focusForm.current = true;
      setRelating({ evidence: { articleId, ...range, quote: body.slice(range.start, range.end) }, source: proposal.source, target: proposal.target, type: proposal.type, cue: proposal.cue });
      setTextRange(null);
    },
    [articleId, body, mentions],
  );

  /** "e": code an event from the selected sentence, pre-filled from its annotations. */
  const codeEvent = useCallback(
    (range: { start: number; end: number }) =>
      void run(() => call('events.draft', { articleId, ...range })).then((d) => {
        if (!d) return;
        const names = new Map(mentions.filter((m) => m.entityId !== null).map((m) => [m.entityId!, m.entityName ?? m.quote]));
        const evidence = d.evidence.map((e) => ({ ...e, quote: body.slice(e.start, e.end) }));
        focusForm.current = true;
        setCoding({ event: null, initial: { input: d.input, evidence, names, fatalityReadings: d.fatalities.readings, cues: d.cues } });
        setTextRange(null);
      }),
    [articleId, body, mentions, run],
  );

  // Keys act on the state of the last render, read through a ref kept current before paint: a
  // listener re-registered in an effect could still see the previous span right after a change.
  const keyState = useRef({ leave, onNavigate, onClose, mentions, selectedId, selected, textRange, scope, showRejected, articleId, body, run, codeEvent, relate });
  useLayoutEffect(() => {
    keyState.current = { leave, onNavigate, onClose, mentions, selectedId, selected, textRange, scope, showRejected, articleId, body, run, codeEvent, relate };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { leave, onNavigate, onClose, mentions, selectedId, selected, textRange, scope, showRejected, articleId, body, run, codeEvent, relate } = keyState.current;
      const visible = mentions.filter((m) => showRejected || m.status !== 'rejected');
      const target = e.target as HTMLElement;
      // Esc in an event or relation form closes that form (its own fields and lists included), not the reader.
      const form = target.closest('.event-form');
      if (form && e.key === 'Escape' && !e.defaultPrevented && !target.closest('[role="dialog"]')) {
        e.preventDefault();
        if (form.matches('[aria-label="Relate two entities"]')) setRelating(null);
        else setCoding(null);
        return;
      }
      if (target.closest('input, textarea, [contenteditable="true"], [role="dialog"]')) return;
      // A grading just chosen keeps the focus on its list; j, k and Esc still move on from there.
      if (target.closest('select') && !['j', 'k', 'Escape'].includes(e.key)) return;
      const typeKey = MENTION_TYPES[Number(e.key) - 1];
      if (e.key === 'j' || (e.altKey && !e.shiftKey && e.key === 'ArrowDown')) leave(() => onNavigate('next'));
      else if (e.key === 'k' || (e.altKey && !e.shiftKey && e.key === 'ArrowUp')) leave(() => onNavigate('previous'));
      else if (e.key === ']' || e.key === '[') {
        const at = visible.findIndex((m) => m.id === selectedId);
        const next = visible[e.key === ']' ? at + 1 : at === -1 ? visible.length - 1 : at - 1];
        if (next) setSelectedId(next.id);
      } else if ((e.key === 's' || e.key === 'S') && !e.ctrlKey && !e.metaKey && !e.altKey) {
        // The caret is the selected text, else the selected mention, else the start: "s" selects the sentence
        // around the mention or the next one; "Shift+S" adds the next sentence to the selection.
        const sentence = textRange ? sentenceAfter(body, textRange.end) : selected ? sentenceAt(body, selected.start) : sentenceAfter(body, 0);
        if (sentence) {
          setTextRange(e.key === 'S' && textRange ? { start: textRange.start, end: sentence.end } : sentence);
          setKeyPicked(true);
          setSelectedId(null);
        }
      } else if (textRange && e.key === 'e') {
        codeEvent(textRange);
      } else if (textRange && e.key === 'l') {
        relate(textRange);
      } else if (textRange && typeKey) {
        void run(() => call('mentions.annotate', { articleId, ...textRange, type: typeKey, scope })).then((r) => r && (setSelectedId(r.id), setTextRange(null)));
      } else if (selected && (e.key === 'a' || e.key === 'r')) {
        void run(() => call('mentions.review', { id: selected.id, action: e.key === 'a' ? 'accept' : 'reject', scope }));
      } else if (selected && typeKey) {
        void run(() => call('mentions.retype', { id: selected.id, type: typeKey }));
      } else if (selected && e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
        // Shift moves the end, Alt+Shift the start; → and ← undo each other (spanEdges.ts).
        const right = e.key === 'ArrowRight';
        const move = e.altKey ? (right ? shrinkStart : stretchStart) : right ? stretchEnd : shrinkEnd;
        const { start, end } = move(body, selected);
        if (start !== selected.start || end !== selected.end) void run(() => call('mentions.respan', { id: selected.id, start, end }));
      } else if (e.key === 'u' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        // The suggestion the model is least sure of, then the next least sure: the review of the doubtful first.
        const next = nextLeastSure(mentions, selectedId);
        if (next) {
          setSelectedId(next.id);
          setTextRange(null);
        }
      } else if (e.key === 'Escape') {
        if (selected || textRange) {
          setSelectedId(null);
          setTextRange(null);
        } else leave(onClose);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!article) return <section className="reader" aria-busy="true" />;
  const opensWithTitle = article.title.length > 0 && article.body.startsWith(article.title);
  // A PDF's text keeps its pages: the selection (or the selected mark) says which page it is on.
  const page = pageAt(article.document?.pageStarts, textRange?.start ?? selected?.start ?? -1);

  const untagged = tags.filter((t) => !article.tags.some((a) => a.id === t.id));
  const percent = acceptAt.trim() === '' ? NaN : Number(acceptAt);
  const threshold = Number.isFinite(percent) && percent >= 0 && percent <= 100 ? percent / 100 : null;
  const acceptable = threshold === null ? 0 : sureAtLeast(mentions, threshold);

  return (
    <section className="reader" aria-label="Reader">
      <header className="reader-bar">
        <button type="button" onClick={() => leave(() => onNavigate('previous'))} title="Previous article (k)">
          ↑ Previous
        </button>
        <button type="button" onClick={() => leave(() => onNavigate('next'))} title="Next article (j)">
          ↓ Next
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => void run(() => call('mentions.suggest', { articleIds: [article.id] }))} title="Run the suggestions again; decisions are kept">
          Suggest again
        </button>
        <NamesModelLine run={run} />
        <label className="muted">
          <input type="checkbox" checked={showRejected} onChange={(e) => setShowRejected(e.target.checked)} /> show rejected
        </label>
        <span className="counts muted" data-testid="mention-counts">
          {mentions.filter((m) => m.status === 'suggested').length} suggested · {mentions.filter((m) => m.status === 'accepted').length} accepted
        </span>
        <button
          type="button"
          disabled={!mentions.some((m) => m.status === 'suggested')}
          onClick={() => {
            const next = nextLeastSure(mentions, selectedId);
            if (!next) return;
            setSelectedId(next.id);
            setTextRange(null);
          }}
          title="Select the suggestion the model is least sure of; again for the next least sure (u)"
        >
          Least sure
        </button>
        <span className="accept-above" role="group" aria-label="Accept the sure suggestions">
          <label className="muted">
            ≥{' '}
            <input
              type="number"
              min={0}
              max={100}
              step={5}
              value={acceptAt}
              onChange={(e) => setAcceptAt(e.target.value)}
              aria-label="Accept suggestions with a confidence of at least (%)"
            />
            %
          </label>
          <button
            type="button"
            disabled={!acceptable}
            onClick={() => void run(() => call('mentions.acceptSuggested', { minConfidence: threshold!, articleId: article.id }))}
            title="Accept every suggestion in this article the model is at least this sure of, in one step (Ctrl+Z undoes it)"
          >
            Accept {acceptable}
          </button>
        </span>
        {page !== null && (
          <span className="muted" data-testid="reader-page" title="Page of the selection in the original document">
            p. {page}
          </span>
        )}
        {search.trim() && <span className="hits">{plural(article.highlights.length, 'hit')}</span>}
        <button type="button" onClick={() => leave(onClose)} title="Close (Esc)" aria-label="Close reader">
          ✕
        </button>
      </header>
      <div className="reader-body">
        <article className="reader-text">
          {/* Plain text keeps its headline in the stored text (so it is searched and annotated): it is then drawn there, once; the heading stays for screen readers' heading navigation. */}
          <h1 data-testid="reader-title" className={opensWithTitle ? 'visually-hidden' : undefined}>
            {article.title}
          </h1>
          <p className="byline">
            {[article.source, showDate(article.published), article.dateline, article.author && `by ${article.author}`].filter(Boolean).join(' · ')}
          </p>
          {article.ocrLowConfidence && (
            <p className="ocr-doubt" role="note" data-testid="reader-ocr-doubt">
              ⚠ Read by OCR with low confidence ({article.ocrLowConfidence}): check the text against the original.
            </p>
          )}
          <AnnotatedText
            text={article.body}
            headlineEnd={opensWithTitle ? article.title.length : 0}
            mentions={mentions}
            highlights={article.highlights}
            selectedId={selectedId}
            showRejected={showRejected}
            onSelectMention={(id) => (setSelectedId(id), setTextRange(null))}
            picked={keyPicked ? textRange : null}
            pageStarts={article.document?.pageStarts}
            onSelectText={(range) => {
              setKeyPicked(false);
              setTextRange(range);
              if (range) setSelectedId(null);
            }}
          />
        </article>
        <aside className={`reader-side${coding || relating ? ' coding' : ''}`} aria-label="Article details" ref={side}>
          {relating && (
            <RelationForm
              key={`${relating.evidence.start}-${relating.evidence.end}`}
              {...relating}
              onSaved={() => setRelating(null)}
              onClose={() => setRelating(null)}
              run={run}
            />
          )}
          {coding && (
            <EventForm
              key={coding.event?.id ?? 'new'}
              event={coding.event}
              initial={coding.initial}
              selection={selectionEvidence}
              onSaved={(event) => {
                // A new event's form is drawn afresh for the saved event: keep the keyboard in it.
                if (!coding.event) focusForm.current = true;
                setCoding({ event });
              }}
              onClose={() => setCoding(null)}
              onOpenEvent={onOpenEvent}
              run={run}
            />
          )}
          {textRange && (
            <div className="mention-panel" role="group" aria-label="Annotate selection">
              <p>
                Mark <strong>“{article.body.slice(textRange.start, textRange.end)}”</strong> as:
              </p>
              <div className="row type-buttons">
                {MENTION_TYPES.map((t, i) => (
                  <button
                    key={t}
                    type="button"
                    className={`type-${t}`}
                    title={`${TYPE_LABEL[t]} (${i + 1})`}
                    onClick={() =>
                      void run(() => call('mentions.annotate', { articleId: article.id, ...textRange, type: t, scope })).then(
                        (r) => r && (setSelectedId(r.id), setTextRange(null)),
                      )
                    }
                  >
                    {TYPE_LABEL[t]}
                  </button>
                ))}
              </div>
              <ScopeSelect value={scope} onChange={setScope} />
              <p className="muted">s: next sentence · Shift+S: add the next sentence</p>
              <button type="button" className="primary" onClick={() => codeEvent(textRange)} title="Code an event from this text (e)">
                Code event…
              </button>
              <button type="button" onClick={() => relate(textRange)} title="Relate two entities named in this text (l)">
                Relate…
              </button>
            </div>
          )}
          {selected && (
            <MentionPanel
              mention={selected}
              namedIn={mentions.find((m) => nestsIn(selected, m)) ?? null}
              body={article.body}
              scope={scope}
              onScope={setScope}
              onOpenEntity={onOpenEntity}
              run={run}
            />
          )}
          <h2>Tags</h2>
          <TagChips
            tags={article.tags}
            onRemove={(tagId) => void run(() => call('tags.unassign', { target: { ids: [article.id] }, tagIds: [tagId] }))}
          />
          <div className="row">
            <select aria-label="Add a tag" value={addTag} onChange={(e) => setAddTag(e.target.value)}>
              <option value="">Add a tag…</option>
              {untagged.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={!addTag}
              onClick={() => {
                void run(() => call('tags.assign', { target: { ids: [article.id] }, tagIds: [Number(addTag)] }));
                setAddTag('');
              }}
            >
              Add
            </button>
          </div>
          <ArticleDetails ref={details} article={article} onSaved={detailsSaved} run={run} />
          <DocumentLinks article={article} onOpenArticle={(id) => leave(() => onOpenArticle(id))} />
          <CopyDiff article={article} onOpenArticle={(id) => leave(() => onOpenArticle(id))} run={run} />
          <p className="muted">
            {plural(article.words, 'word')} · {article.format}
            {article.fileName ? ` · ${article.fileName}` : ''}
          </p>
        </aside>
      </div>
    </section>
  );
}
