import type { RELATION_TYPES } from '../../electron/contract/index.js';

type RelationType = (typeof RELATION_TYPES)[number];

/** A named span in the evidence: an annotated mention linked to an entity, offsets into the article. */
export interface NamedSpan {
  entityId: number;
  name: string;
  type: 'person' | 'organisation' | 'group' | 'place';
  start: number;
  end: number;
}

export interface RelationProposal {
  type: RelationType;
  source: { id: number; name: string } | null;
  target: { id: number; name: string } | null;
  /** The words the type was read from, shown in the form; null when nothing in the text said it. */
  cue: string | null;
}

/**
 * How a cue links its names.
 * - role: a person's role for someone ("X, a spokesman for Y", "Y's spokesman X", "his spokesman, X",
 *   "Taliban leader X"): the person holds the role, the other is the one it is held for.
 * - link: "X <cue> Y": the nearest name before and the nearest after ("X, a member of Y", "X clashed with Y").
 */
interface Cue {
  pattern: RegExp;
  type: RelationType;
  shape: 'role' | 'link';
}

// Order matters only where two cues could match the same words: the first in the text wins.
const CUES: Cue[] = [
  { pattern: /\b(?:chief |deputy |official |top )?spokes(?:man|woman|person)\b(?:\s+(?:for|of|to)\b)?/gi, type: 'spokesman for', shape: 'role' },
  { pattern: /\b(?:leader|head|commander|chief|founder)s?\b(?:\s+of\b)?/gi, type: 'leader of', shape: 'role' },
  { pattern: /\b(?:a |an )?members? of\b/gi, type: 'member of', shape: 'link' },
  { pattern: /\b(?:allied (?:itself |themselves |himself )?with|(?:an )?all(?:y|ies) of|in (?:an )?alliance with)\b/gi, type: 'allied with', shape: 'link' },
  { pattern: /\b(?:fought(?: against)?|fighting(?: against)?|fights(?: against)?|clash(?:ed|es)? with|clashes between|battled|attacked)\b/gi, type: 'fights against', shape: 'link' },
  { pattern: /\b(?:based in|headquartered in|stationed in|located in)\b/gi, type: 'located in', shape: 'link' },
];

const ref = (n: NamedSpan | undefined) => (n ? { id: n.entityId, name: n.name } : null);

/** Words between two offsets. */
const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Is a name after the cue its object? Only a few words and no clause break between them: in "a
 * spokesman for the defense ministry, said 40 Taliban…" the Taliban are not whom he speaks for.
 */
const objectOf = (text: string, cueEnd: number) => (s: NamedSpan) => s.start >= cueEnd && wordsIn(text.slice(cueEnd, s.start)) <= 3 && !/[,;:()]/.test(text.slice(cueEnd, s.start));
/** Is a name before the cue its subject? A few words away at most ("X, a member of", "X, long allied with"). */
const subjectOf = (text: string, cueStart: number) => (s: NamedSpan) => s.end <= cueStart && wordsIn(text.slice(s.end, cueStart)) <= 4 && !/[;:()]/.test(text.slice(s.end, cueStart));

/**
 * Proposes a relation's type and its two ends from the sentence that is its evidence: the first cue in
 * the text gives the type, and the names that cue links give "from" and "to" (not simply the first two
 * names: in "Dostum … his spokesman, Ehsan Niro" the speaker comes last). A place is never proposed as
 * an end unless the type is "located in". A cue with only one of its ends named still gives the type;
 * with no cue, the first two different names, as "member of".
 */
export function proposeRelation(text: string, range: { start: number; end: number }, spans: NamedSpan[]): RelationProposal {
  const inRange = spans.filter((s) => s.start >= range.start && s.end <= range.end).sort((a, b) => a.start - b.start);
  const evidence = text.slice(range.start, range.end);
  const found = CUES.flatMap((cue) => {
    cue.pattern.lastIndex = 0;
    const m = cue.pattern.exec(evidence);
    return m ? [{ cue, start: range.start + m.index, end: range.start + m.index + m[0].length, words: m[0] }] : [];
  }).sort((a, b) => a.start - b.start);

  let partial: RelationProposal | null = null;
  for (const { cue, start, end, words } of found) {
    const ends = cue.type === 'located in' ? inRange : inRange.filter((s) => s.type !== 'place');
    const before = ends.filter((s) => s.end <= start).reverse(); // nearest first
    const after = ends.filter((s) => s.start >= end);
    const person = (s: NamedSpan) => s.type === 'person';
    let source: NamedSpan | undefined;
    let target: NamedSpan | undefined;
    if (cue.shape === 'role') {
      if (/\s(?:for|of|to)$/i.test(words)) {
        // "X, a spokesman for Y"; "a spokesman for the Taliban, Zabihullah Mujahid, said".
        target = after.find(objectOf(text, end));
        source = before.find(person) ?? after.find((s) => person(s) && s.entityId !== target?.entityId);
      } else {
        // "Y's spokesman X", "Taliban spokesman X", "X, the Taliban spokesman", "Y … his spokesman, X".
        const gap = (s: NamedSpan) => text.slice(s.end, start);
        const owner = before.find((s) => /^(?:['’]s)?\s*$/.test(gap(s)));
        source = after.find((s) => person(s) && s.entityId !== owner?.entityId) ?? before.find((s) => person(s) && s.entityId !== owner?.entityId);
        target = owner ?? before.find((s) => s.entityId !== source?.entityId) ?? after.find((s) => s.entityId !== source?.entityId);
      }
    } else {
      const fits = cue.type === 'located in' ? (s: NamedSpan) => s.type === 'place' : () => true;
      const first = cue.type === 'located in' ? (s: NamedSpan) => s.type !== 'place' : () => true;
      if (/between$/i.test(words)) {
        // "clashes between X and Y": both names come after the cue.
        [source, target] = after;
      } else {
        source = before.find((s) => first(s) && subjectOf(text, start)(s));
        target = after.find((s) => fits(s) && objectOf(text, end)(s) && s.entityId !== source?.entityId);
        // "X and Y clashed": no name after the cue, so the two before it.
        if (!target && !after.length) [target, source] = before.filter((s, i, all) => all.findIndex((o) => o.entityId === s.entityId) === i);
      }
    }
    if (source && target && source.entityId !== target.entityId) return { type: cue.type, source: ref(source), target: ref(target), cue: words.trim() };
    // The words still say what the relation is when one end is not annotated ("a spokesman for the defense ministry"): the analyst picks that end.
    partial ??= { type: cue.type, source: ref(source), target: ref(target?.entityId === source?.entityId ? undefined : target), cue: words.trim() };
  }
  if (partial) return partial;

  const distinct = inRange.filter((s) => s.type !== 'place').filter((s, i, all) => all.findIndex((o) => o.entityId === s.entityId) === i);
  return { type: 'member of', source: ref(distinct[0]), target: ref(distinct[1]), cue: null };
}
