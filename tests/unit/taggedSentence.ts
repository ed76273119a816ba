import type { TaggedName } from '../../electron/services/entities/tagger/decode.js';
import { tokenizeSentences, type TextToken } from '../../electron/services/entities/tagger/tokens.js';

/**
 * One sentence's tokens and the names the tagger is taken to have read in it, each given as
 * "TYPE:words" or "TYPE:words@confidence" (0.9 without), with a closing "!" where the analyst
 * decided it (remembered), and found in order; `shown` gives the names
 * as "TYPE:words" after a rule has changed them.
 */
export function taggedSentence(sentence: string, read: string[]): { tokens: TextToken[]; names: TaggedName[]; shown: () => string[] } {
  const tokens = tokenizeSentences(sentence)[0]!;
  const words = tokens.map((t) => t.text);
  let after = 0;
  const names: TaggedName[] = read.map((r) => {
    const [type, rest] = r.split(':') as [TaggedName['type'], string];
    const remembered = rest.endsWith('!');
    const [text, confidence] = rest.replace(/!$/, '').split('@') as [string, string | undefined];
    const length = text.split(' ').length;
    const from = words.findIndex((_, i) => i >= after && words.slice(i, i + length).join(' ') === text);
    after = from + 1;
    return { from, to: from + length - 1, type, confidence: Number(confidence ?? 0.9), remembered };
  });
  return { tokens, names, shown: () => names.map((n) => `${n.type}:${words.slice(n.from, n.to + 1).join(' ')}`) };
}

/** The names a rule leaves, as "TYPE:words@confidence", after it has run on one sentence and the names read in it. */
export function readingsAfter(rule: (names: TaggedName[], tokens: TextToken[]) => void, sentence: string, read: string[]): string[] {
  const { tokens, names, shown } = taggedSentence(sentence, read);
  rule(names, tokens);
  return shown().map((s, k) => `${s}@${names[k]!.confidence}`);
}
