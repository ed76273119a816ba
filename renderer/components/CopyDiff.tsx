import { useMemo, useState } from 'react';
import type { ArticleDetail, CopyRef } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { plural } from '../text.js';
import { Modal } from './Modal.js';
import { wordDiff } from './wordDiff.js';
import { showDate, useDateStyle } from '../dates.js';

interface Props {
  article: ArticleDetail;
  onOpenArticle: (id: number) => void;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
}

const describe = (c: Pick<CopyRef, 'source' | 'published'>) => [c.source ?? 'no source', showDate(c.published) || 'undated'].join(' · ');

/**
 * The other copies of this story (wire copies, updates, the same text under another headline),
 * each to open or to compare word by word with the one being read.
 */
export function CopyDiff({ article, onOpenArticle, run }: Props) {
  // Drawn again when the analyst changes the date format.
  useDateStyle();
  // Kept with the article it was compared with, so moving to another article drops it.
  const [compared, setCompared] = useState<{ withId: number; other: ArticleDetail } | null>(null);
  if (article.otherCopies.length === 0) return null;
  const other = compared?.withId === article.id ? compared.other : null;
  return (
    <section className="copies" aria-label="Copies of this story" data-testid="story-copies">
      <h2>Copies of this story ({article.otherCopies.length})</h2>
      <ul className="plain">
        {article.otherCopies.map((c) => (
          <li key={c.id}>
            <button type="button" className="link" onClick={() => onOpenArticle(c.id)} title="Open this copy">
              {c.title}
            </button>{' '}
            <span className="muted">{describe(c)}</span>{' '}
            <button type="button" onClick={() => void run(() => call('articles.get', { id: c.id })).then((a) => a && setCompared({ withId: article.id, other: a }))}>
              Differences
            </button>
          </li>
        ))}
      </ul>
      {other && <Differences before={article} after={other} onClose={() => setCompared(null)} />}
    </section>
  );
}

function Differences({ before, after, onClose }: { before: ArticleDetail; after: ArticleDetail; onClose: () => void }) {
  const parts = useMemo(() => wordDiff(before.body, after.body), [before.body, after.body]);
  const changes = parts.filter((p) => p.kind !== 'same').length;
  return (
    <Modal title="Differences between two copies" onClose={onClose}>
      <p className="muted copy-diff-titles">
        <del>{before.title}</del> ({describe(before)}) → <ins>{after.title}</ins> ({describe(after)}):{' '}
        {changes === 0 ? 'the same text.' : `${plural(changes, 'change')}.`}
      </p>
      <div className="copy-diff" data-testid="copy-diff">
        {parts.map((p, i) => (p.kind === 'same' ? <span key={i}>{p.text}</span> : p.kind === 'removed' ? <del key={i}>{p.text}</del> : <ins key={i}>{p.text}</ins>))}
      </div>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
