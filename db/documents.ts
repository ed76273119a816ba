import type { ArticleDocument } from '../electron/contract/articles.js';
export { pageAt } from '../electron/contract/imports.js';
import type { Db } from './open.js';

/** What an article from a document carries besides its columns (see 009_documents.sql). */
export interface DocumentFields {
  metadata?: Record<string, unknown> | null;
  pageStarts?: [number, number][] | null;
  /** The article it came with: stored before (`id`), or earlier in the same insert (`index`). */
  parent?: { id: number } | { index: number } | null;
}

/** Records a new article's document fields, in the caller's transaction; plain articles write nothing. */
export function storeDocumentFields(db: Db, articleId: number, fields: DocumentFields, storedIds: (index: number) => number | null): void {
  const parentId = !fields.parent ? null : 'id' in fields.parent ? fields.parent.id : storedIds(fields.parent.index);
  if (!fields.metadata && !fields.pageStarts && parentId === null) return;
  db.prepare('INSERT INTO article_document (article_id, parent_id, metadata, page_starts) VALUES (?, ?, ?, ?)').run(
    articleId,
    parentId,
    fields.metadata ? JSON.stringify(fields.metadata) : null,
    fields.pageStarts ? JSON.stringify(fields.pageStarts) : null,
  );
}

export function pageStartsOf(db: Db, articleId: number): [number, number][] | null {
  const json = db.prepare('SELECT page_starts FROM article_document WHERE article_id = ?').pluck().get(articleId) as string | null | undefined;
  return json ? (JSON.parse(json) as [number, number][]) : null;
}

/** An article's document details for the reader: its metadata, pages, and the message it belongs to and that message's other parts. */
export function documentOf(db: Db, articleId: number): ArticleDocument | null {
  const row = db.prepare('SELECT parent_id AS parentId, metadata, page_starts AS pageStarts FROM article_document WHERE article_id = ?').get(articleId) as
    | { parentId: number | null; metadata: string | null; pageStarts: string | null }
    | undefined;
  const children = db
    .prepare('SELECT a.id, a.title FROM article_document d JOIN article a ON a.id = d.article_id WHERE d.parent_id = ? ORDER BY a.id LIMIT 500')
    .all(articleId) as { id: number; title: string }[];
  if (!row && children.length === 0) return null;
  const parent = row?.parentId ? ((db.prepare('SELECT id, title FROM article WHERE id = ?').get(row.parentId) as { id: number; title: string } | undefined) ?? null) : null;
  const metadata = row?.metadata ? (JSON.parse(row.metadata) as Record<string, unknown>) : {};
  return {
    metadata: Object.fromEntries(Object.entries(metadata).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number')),
    pageStarts: row?.pageStarts ? (JSON.parse(row.pageStarts) as [number, number][]) : null,
    parent,
    parts: children,
  };
}
