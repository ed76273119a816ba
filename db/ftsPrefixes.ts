import { changeStamp, type Db } from './open.js';

/** The longest prefix the full-text index keeps entries for (prefix = '2 3', 001_articles.sql). */
const INDEXED_PREFIX = 3;
/** More terms than this under one prefix are searched as the prefix itself: a long OR costs more than it saves. */
const MOST_TERMS = 100;

const TERMS_TABLE = 'temp.article_fts_terms';

/**
 * A search's prefixes longer than the index keeps ("govern*"), each written as the terms it stands
 * for ("government" OR "governor" …). FTS5 answers a prefix it has no entries for by merging every
 * matching term's whole list of articles before it returns the first (336 ms for "govern*" at a
 * million articles, whatever the page or the count needs), while an OR of the same terms is read
 * lazily, only as far as the page and the capped count go. The articles found are the same: the
 * terms are the index's own, read from it at the time of the search. Left as typed: prefixes the
 * index keeps, a phrase's prefix, a prefix inside NEAR(…) or after ^ (neither takes an OR), words
 * that are not plain letters and digits (their folding is the tokenizer's to decide), and a prefix
 * of more than MOST_TERMS terms.
 */
export function expandPrefixes(db: Db, query: string): string {
  let out = '';
  let near = 0;
  let nearOpens = false;
  let i = 0;
  const prefixAt = (end: number) => query[end] === '*' && !near && !/\^\s*$/.test(out);
  while (i < query.length) {
    const c = query[i]!;
    if (c === '"') {
      nearOpens = false;
      let end = i + 1;
      let text = '';
      while (end < query.length) {
        if (query[end] === '"' && query[end + 1] === '"') {
          text += '"';
          end += 2;
        } else if (query[end] === '"') break;
        else text += query[end++];
      }
      const terms = prefixAt(end + 1) ? termsOf(db, text.trim()) : null;
      out += terms ?? query.slice(i, end + 1);
      i = terms ? end + 2 : end + 1;
      continue;
    }
    const word = /^[\p{L}\p{N}_\u0080-\uffff]+/u.exec(query.slice(i))?.[0];
    if (word) {
      const end = i + word.length;
      nearOpens = word === 'NEAR';
      const terms = prefixAt(end) ? termsOf(db, word) : null;
      out += terms ?? word;
      i = terms ? end + 1 : end;
      continue;
    }
    if (c === '(' && (near || nearOpens)) near++;
    else if (c === ')' && near) near--;
    if (!/\s/.test(c)) nearOpens = false;
    out += c;
    i++;
  }
  return out;
}

/**
 * Each connection's prefixes already written out, with the stamp of the data they were read from.
 * fts5vocab reads every doclist of the terms it lists to count them (most of the 55 ms of "govern*"
 * at a million articles), and a table asks for the same search once per block and for its count.
 */
const known = new WeakMap<Db, { stamp: string; terms: Map<string, string | null> }>();

/** Forgets a connection's prefixes written out, so the next search reads them again (the bench's uncached figures). */
export function forgetPrefixTerms(db: Db): void {
  known.delete(db);
}

/** The index's terms starting with `prefix`, as an OR group; null to leave the prefix as typed. */
function termsOf(db: Db, prefix: string): string | null {
  const folded = prefix.toLowerCase();
  if (folded.length <= INDEXED_PREFIX || !/^[a-z0-9]+$/.test(folded)) return null;
  const stamp = changeStamp(db);
  let cached = known.get(db);
  if (cached?.stamp !== stamp) known.set(db, (cached = { stamp, terms: new Map() }));
  if (cached.terms.has(folded)) return cached.terms.get(folded)!;
  const written = readTerms(db, folded);
  if (cached.terms.size >= 1000) cached.terms.clear();
  cached.terms.set(folded, written);
  return written;
}

function readTerms(db: Db, folded: string): string | null {
  if (!withTemporary(db, TERMS_TABLE, "fts5vocab(main, 'article_fts', 'row')")) return null;
  try {
    // Plain ASCII, so the next code point after the last character bounds every term it begins.
    const after = folded.slice(0, -1) + String.fromCharCode(folded.charCodeAt(folded.length - 1) + 1);
    const terms = db.prepare(`SELECT term FROM ${TERMS_TABLE} WHERE term >= ? AND term < ? LIMIT ${MOST_TERMS + 1}`).pluck().all(folded, after) as string[];
    if (terms.length === 0 || terms.length > MOST_TERMS) return null;
    return `(${terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ')})`;
  } catch {
    return null;
  }
}

const made = new WeakMap<Db, Set<string>>();

/** Makes a connection's temporary virtual table once; false when it cannot (the caller does without). */
export function withTemporary(db: Db, table: string, using: string): boolean {
  const tables = made.get(db) ?? new Set<string>();
  made.set(db, tables);
  if (tables.has(table)) return true;
  try {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${table} USING ${using}`);
    tables.add(table);
    return true;
  } catch {
    return false;
  }
}
