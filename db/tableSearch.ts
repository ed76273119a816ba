/**
 * The search box read against a table's own text (an entity's names, an event's actors and notes, a
 * relation's ends): the same words the articles' full-text search takes ("a phrase", prefix*, AND /
 * OR / NOT), matched as case-insensitive substrings with SQL LIKE. The registry tables are small next
 * to the articles and their text is short, so a scan is quick and spares them an index of their own.
 */

/** A word or phrase of the search, to be found (or, after NOT, to be absent). */
export interface SearchTerm {
  text: string;
  negated: boolean;
}

/** The search as alternatives (OR) of terms that must all hold (AND); empty when it has no words. */
export function searchTerms(search: string): SearchTerm[][] {
  const groups: SearchTerm[][] = [[]];
  let negated = false;
  for (const [, phrase, bare] of search.matchAll(/"([^"]*)"?|([^\s"()]+)/g)) {
    if (bare === 'OR') {
      if (groups.at(-1)!.length) groups.push([]);
      continue;
    }
    if (bare === 'AND') continue;
    if (bare === 'NOT') {
      negated = true;
      continue;
    }
    // A prefix star or a leading minus adds nothing to a substring match.
    const minus = bare?.startsWith('-') ?? false;
    const text = (phrase ?? bare!.replace(/^-+/, '')).replace(/\*+$/, '').trim();
    if (text) groups.at(-1)!.push({ text, negated: negated || minus });
    negated = false;
  }
  return groups.filter((g) => g.length > 0);
}

/** `text` as a LIKE pattern that finds it anywhere, its own % and _ taken literally (ESCAPE '\'). */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One SQL condition for the search (null when it has no words): `match` gives the condition that
 * one term's pattern is found, pushing its parameters; a negated term is its NOT.
 */
export function searchClause(search: string, params: unknown[], match: (pattern: string, params: unknown[]) => string, normalise: (text: string) => string = (t) => t): string | null {
  const groups = searchTerms(search);
  if (!groups.length) return null;
  const alternatives = groups.map((terms) => terms.map((t) => `${t.negated ? 'NOT ' : ''}(${match(containsPattern(normalise(t.text)), params)})`).join(' AND '));
  return `(${alternatives.map((a) => `(${a})`).join(' OR ')})`;
}
