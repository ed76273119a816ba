import { ArticlePatch, type ArticleDetail } from '../../electron/contract/index.js';

/** The reader's metadata and grading fields as the inputs hold them: text, '' for none. */
export type DetailsDraft = Required<{ [K in keyof ArticlePatch]: string }>;
export type DetailsKey = keyof DetailsDraft;

export const DETAILS_LABEL: Record<DetailsKey, string> = {
  title: 'Title',
  source: 'Source',
  url: 'URL',
  author: 'Author',
  published: 'Published',
  dateline: 'Dateline',
  reliability: 'Reliability',
  credibility: 'Credibility',
};

export const detailsOf = (a: ArticleDetail): DetailsDraft => ({
  title: a.title,
  source: a.source ?? '',
  url: a.url ?? '',
  author: a.author ?? '',
  published: a.published ?? '',
  dateline: a.dateline ?? '',
  reliability: a.reliability ?? '',
  credibility: a.credibility == null ? '' : String(a.credibility),
});

const KEYS = Object.keys(DETAILS_LABEL) as DetailsKey[];

function valueOf(key: DetailsKey, text: string): unknown {
  if (key === 'title') return text;
  if (key === 'credibility') return text ? Number(text) : null;
  return text.trim() ? text : null;
}

/**
 * The fields the analyst changed since `base` (what the workspace holds), as a patch of the valid
 * ones, and a readable reason for each invalid one: a valid change is never held back by another
 * field's mistake, and an invalid one is never sent (nor dropped: it stays in the draft).
 */
export function detailsPatch(draft: DetailsDraft, base: DetailsDraft): { patch: ArticlePatch; errors: Partial<Record<DetailsKey, string>> } {
  const patch: Record<string, unknown> = {};
  const errors: Partial<Record<DetailsKey, string>> = {};
  for (const key of KEYS) {
    if (draft[key] === base[key]) continue;
    const checked = ArticlePatch.shape[key].safeParse(valueOf(key, draft[key]));
    if (checked.success) patch[key] = checked.data;
    else errors[key] = checked.error.issues[0]?.message ?? 'Not a valid value';
  }
  return { patch: patch as ArticlePatch, errors };
}

/**
 * A fresh copy from the workspace (after a save or another view's change) replaces the fields the
 * analyst has not touched; a field with an unsaved edit keeps it. A saved value that differs only
 * by the spaces the workspace trims keeps the analyst's text, so a pause while typing "Example "
 * does not eat the space before the next word.
 */
export function mergeDetails(draft: DetailsDraft, base: DetailsDraft, fresh: DetailsDraft): DetailsDraft {
  const merged = { ...fresh };
  for (const key of KEYS) {
    const edited = draft[key] !== base[key];
    if (edited || draft[key].trim() === fresh[key].trim()) merged[key] = draft[key];
  }
  return merged;
}
