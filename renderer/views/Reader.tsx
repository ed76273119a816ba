import { useEffect, useState } from 'react';
import { RELIABILITY, type ArticleDetail, type ArticlePatch, type Tag } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { HighlightedText } from '../components/HighlightedText.js';
import { TagChips } from '../components/TagChips.js';

interface Props {
  articleId: number;
  search: string;
  refreshKey: number;
  tags: Tag[];
  onNavigate: (direction: 'next' | 'previous') => void;
  onClose: () => void;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
}

type Draft = Required<{ [K in keyof ArticlePatch]: string }>;

const toDraft = (a: ArticleDetail): Draft => ({
  title: a.title,
  source: a.source ?? '',
  url: a.url ?? '',
  author: a.author ?? '',
  published: a.published ?? '',
  dateline: a.dateline ?? '',
  reliability: a.reliability ?? '',
  credibility: a.credibility == null ? '' : String(a.credibility),
});

/** The reader: the cleaned text with search hits, and a side panel for metadata, grading and tags. */
export function Reader({ articleId, search, refreshKey, tags, onNavigate, onClose, run }: Props) {
  const [article, setArticle] = useState<ArticleDetail | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [addTag, setAddTag] = useState('');

  useEffect(() => {
    let live = true;
    void run(() => call('articles.get', { id: articleId, search })).then((a) => {
      if (live && a) {
        setArticle(a);
        setDraft(toDraft(a));
      }
    });
    return () => {
      live = false;
    };
  }, [articleId, search, refreshKey, run]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (e.key === 'j' || (e.altKey && e.key === 'ArrowDown')) onNavigate('next');
      else if (e.key === 'k' || (e.altKey && e.key === 'ArrowUp')) onNavigate('previous');
      else if (e.key === 'Escape') onClose();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onNavigate, onClose]);

  if (!article || !draft) return <section className="reader" aria-busy="true" />;

  const save = () => {
    const patch: ArticlePatch = {
      title: draft.title,
      source: draft.source || null,
      url: draft.url || null,
      author: draft.author || null,
      published: draft.published || null,
      dateline: draft.dateline || null,
      reliability: (draft.reliability || null) as ArticlePatch['reliability'],
      credibility: draft.credibility ? Number(draft.credibility) : null,
    };
    void run(() => call('articles.update', { id: article.id, patch })).then((a) => a && (setArticle({ ...a, highlights: article.highlights }), setDraft(toDraft(a))));
  };
  const dirty = JSON.stringify(draft) !== JSON.stringify(toDraft(article));
  const field = (key: keyof Draft, label: string) => (
    <label className="field">
      <span>{label}</span>
      <input type="text" value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </label>
  );
  const untagged = tags.filter((t) => !article.tags.some((a) => a.id === t.id));

  return (
    <section className="reader" aria-label="Reader">
      <header className="reader-bar">
        <button type="button" onClick={() => onNavigate('previous')} title="Previous article (k)">
          ↑ Previous
        </button>
        <button type="button" onClick={() => onNavigate('next')} title="Next article (j)">
          ↓ Next
        </button>
        <span className="spacer" />
        {search.trim() && <span className="hits">{article.highlights.length} hits</span>}
        <button type="button" onClick={onClose} title="Close (Esc)" aria-label="Close reader">
          ✕
        </button>
      </header>
      <div className="reader-body">
        <article className="reader-text">
          <h1 data-testid="reader-title">{article.title}</h1>
          <p className="byline">
            {[article.source, article.published, article.dateline, article.author && `by ${article.author}`].filter(Boolean).join(' · ')}
          </p>
          <HighlightedText text={article.body} ranges={article.highlights} />
        </article>
        <aside className="reader-side" aria-label="Article details">
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
          <h2>Source grading</h2>
          <div className="row">
            <label className="field">
              <span>Reliability</span>
              <select value={draft.reliability} onChange={(e) => setDraft({ ...draft, reliability: e.target.value })}>
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
              <select value={draft.credibility} onChange={(e) => setDraft({ ...draft, credibility: e.target.value })}>
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
          <div className="row">
            <button type="button" className="primary" disabled={!dirty} onClick={save}>
              Save details
            </button>
            <button type="button" disabled={!dirty} onClick={() => setDraft(toDraft(article))}>
              Revert
            </button>
          </div>
          <p className="muted">
            {article.words} words · {article.format}
            {article.fileName ? ` · ${article.fileName}` : ''}
          </p>
        </aside>
      </div>
    </section>
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
