/**
 * Reading articles for names, as a pure step: text in, suggestions out, nothing stored. It runs in
 * the extraction workers (extractWorker.ts) and, where there are none, on the core's thread; the
 * results are stored by EntityService.storeSuggestions either way, so both paths give the same mentions.
 */
import type { EntityType } from '../../contract/entities.js';
import { extractEntities, type ExtractContext, type Suggestion } from './extract.js';

export interface ArticleToRead {
  articleId: number;
  body: string;
  published: string | null;
}

export type ReadResult = { articleId: number; suggestions: Suggestion[] } | { articleId: number; error: string };

export function readArticles(articles: readonly ArticleToRead[], context: Omit<ExtractContext, 'published'> & { registry: Map<string, EntityType> }): ReadResult[] {
  return articles.map(({ articleId, body, published }) => {
    try {
      return { articleId, suggestions: extractEntities(body, { ...context, published }) };
    } catch (error) {
      return { articleId, error: (error as Error).message };
    }
  });
}
