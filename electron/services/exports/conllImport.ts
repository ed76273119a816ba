import path from 'node:path';
import type { ExchangeImportResult } from '../../contract/exports.js';
import type { MentionType } from '../../contract/entities.js';
import { writeTransaction } from '../../../db/open.js';
import { UserError } from '../errors.js';
import type { Workspace } from '../workspace.js';
import { anchor, importReport, nameTypeOf, verbatimArticle } from './importCommon.js';

interface Span {
  start: number;
  end: number;
  tag: string;
}

interface ConllDocument {
  text: string;
  spans: Span[];
}

/** A CoNLL tag's parts: IOB1, IOB2 and BIOES prefixes, or O. */
function parseTag(tag: string): { prefix: 'B' | 'I' | 'E' | 'S' | 'O'; type: string } | null {
  if (tag === 'O' || tag === '_' || tag === '-') return { prefix: 'O', type: '' };
  const m = /^([BIESLU])[-_](.+)$/.exec(tag);
  if (!m) return null;
  const prefix = ({ L: 'E', U: 'S' } as Record<string, 'E' | 'S'>)[m[1]!] ?? (m[1] as 'B' | 'I' | 'E' | 'S');
  return { prefix, type: m[2]! };
}

/**
 * Documents of a CoNLL-2003 or IOB file: the first column is the token, the last the tag; a blank
 * line ends a sentence, a -DOCSTART- line a document. Tokens are joined by single spaces, sentences
 * by line breaks, and names are spans over their tokens (IOB1, IOB2 and BIOES alike).
 */
export function readConll(text: string): { documents: ConllDocument[]; badLines: number[] } {
  const documents: ConllDocument[] = [];
  const badLines: number[] = [];
  let parts: string[] = [];
  let length = 0;
  let sentenceHasTokens = false;
  let spans: Span[] = [];
  let open: Span | null = null;
  const close = () => {
    if (open) spans.push(open);
    open = null;
  };
  const endDocument = () => {
    close();
    if (parts.length) documents.push({ text: parts.join(''), spans });
    parts = [];
    length = 0;
    spans = [];
    sentenceHasTokens = false;
  };
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line.startsWith('-DOCSTART-')) return endDocument();
    if (line.startsWith('#')) return; // CoNLL-U style comments (# sent_id, # text)
    if (!line) {
      close();
      if (sentenceHasTokens) push('\n');
      sentenceHasTokens = false;
      return;
    }
    const columns = line.split(/\s+/);
    const token = columns[0]!;
    const tag = columns.length > 1 ? parseTag(columns.at(-1)!) : null;
    if (!tag) {
      badLines.push(i + 1);
      return;
    }
    if (sentenceHasTokens) push(' ');
    const start = length;
    push(token);
    sentenceHasTokens = true;
    const end = length;
    const current = open as Span | null;
    if (tag.prefix === 'O') close();
    else if (tag.prefix === 'B' || tag.prefix === 'S' || !current || current.tag !== tag.type) {
      close();
      open = { start, end, tag: tag.type };
    } else current.end = end;
    if (tag.prefix === 'E' || tag.prefix === 'S') close();
  });
  endDocument();
  for (const d of documents) d.text = d.text.replace(/\n+$/, '');
  return { documents, badLines };
}

/** CoNLL-2003 and IOB files: each document becomes an article of the tokens' text, each name an accepted annotation. */
export function importConll(ws: Workspace, name: string, text: string): ExchangeImportResult {
  const { documents, badLines } = readConll(text);
  if (documents.length === 0) throw new UserError('bad_conll', `${name} has no tagged tokens (a token and a tag such as B-PER a line).`);
  const { result, note, skip } = importReport('conll');
  if (badLines.length) note(`${badLines.length} line${badLines.length === 1 ? '' : 's'} without a tag skipped (first: line ${badLines[0]}).`);
  const unknown = new Map<string, number>();
  const base = path.basename(name, path.extname(name));
  writeTransaction(ws.db, () => {
    documents.forEach((doc, i) => {
      const title = documents.length > 1 ? `${base} (${i + 1})` : base;
      const article = verbatimArticle(ws, doc.text, name, title);
      // The same story already here (our own CoNLL export of it, say): its tokens were spaced apart,
      // so each name is found again in the article's text, in order.
      let cursor = 0;
      const place = (quote: string, start: number, end: number): number | null => {
        if (article.body === doc.text) return start;
        const next = article.body.indexOf(quote, cursor);
        const found = next !== -1 ? next : anchor(article.body, quote, doc.text.slice(Math.max(0, start - 32), start), doc.text.slice(end, end + 32), null);
        if (found !== null) cursor = found + quote.length;
        return found;
      };
      for (const s of doc.spans) {
        const type: MentionType | null = nameTypeOf(s.tag);
        if (!type) {
          unknown.set(s.tag, (unknown.get(s.tag) ?? 0) + 1);
          continue;
        }
        const quote = doc.text.slice(s.start, s.end);
        const start = place(quote, s.start, s.end);
        if (start === null) {
          skip(`Document ${i + 1}: “${quote.slice(0, 60)}” is not in the version of this article already here.`);
          continue;
        }
        const outcome = ws.entities.importMention(article.id, start, start + quote.length, type, type === 'date' ? null : { type, name: quote, place: null }, null);
        if (outcome === 'created') result.created++;
        else if (outcome === 'matched') result.matched++;
        else skip(`Document ${i + 1}: “${quote.slice(0, 60)}” overlaps an annotation already decided here, which was kept.`);
      }
    });
  });
  for (const [tag, n] of unknown) {
    result.skipped += n;
    // MISC mixes nationalities, events and works of art: none of it is safely a person, organisation, place or group.
    note(`${n} name${n === 1 ? '' : 's'} tagged ${tag} not imported: ${tag} is not a person, organisation, place, group or date.`);
  }
  return result;
}
