import type { ArticleDetail } from '../../electron/contract/index.js';

interface Props {
  article: ArticleDetail;
  onOpenArticle: (id: number) => void;
}

const LABELS: [key: string, label: string][] = [
  ['from', 'From'],
  ['to', 'To'],
  ['cc', 'Cc'],
  ['captured', 'Saved'],
  ['pages', 'Pages'],
  ['ocrPages', 'Read by OCR'],
  ['ocrConfidence', 'OCR confidence (%)'],
];

/**
 * Where an article from a document came from: the e-mail's sender and recipients, when a page was
 * saved, how many pages a PDF has; and the message it came with and that message's other parts
 * (attachments, replies), so a thread or a message with its attachments is read together.
 */
export function DocumentLinks({ article, onOpenArticle }: Props) {
  const doc = article.document;
  if (!doc) return null;
  const facts = LABELS.filter(([key]) => doc.metadata[key] !== undefined);
  const reply = article.format === 'email' && doc.parent !== null;
  const link = (a: { id: number; title: string }) => (
    <li key={a.id}>
      <button type="button" className="link" onClick={() => onOpenArticle(a.id)}>
        {a.title}
      </button>
    </li>
  );
  return (
    <section className="document-links" aria-label="Document" data-testid="document-links">
      {facts.map(([key, label]) => (
        <p key={key} className="muted">
          {label}: {String(doc.metadata[key])}
        </p>
      ))}
      {doc.parent && (
        <>
          <h3>{reply ? 'In reply to' : 'From the same message'}</h3>
          <ul>{link(doc.parent)}</ul>
        </>
      )}
      {doc.parts.length > 0 && (
        <>
          <h3>{article.format === 'email' ? 'Attachments and replies' : 'Parts'}</h3>
          <ul>{doc.parts.map(link)}</ul>
        </>
      )}
    </section>
  );
}
