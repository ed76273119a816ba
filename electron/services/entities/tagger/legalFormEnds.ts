import { OFFICES } from '../lexicon.js';
import type { TaggedName } from './decode.js';
import type { TextToken } from './tokens.js';

/** A company's legal form written short with its dot, which keeps the tokenizer from ending a sentence there. */
const FORMS_WITH_A_DOT = new Set(['Co.', 'Corp.', 'Inc.', 'Ltd.', 'Plc.', 'Bros.', 'Cos.']);
const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/**
 * "…a unit of Walt Disney Co. Cillian Murphy thanked…", "…bought by Pfizer Inc. Shares rose": a
 * company's legal form closes its name, and its dot often closes the sentence too, which the tokenizer
 * cannot tell, so the tagger runs the company into the next sentence's first words ("Walt Disney Co.
 * Cillian Murphy" a person at 33%, "Pfizer Inc. Shares" an organisation). A name with such a form
 * inside is cut after it: the company, and, where two capitalised words or more that hold no office
 * follow, a name of those (a person where the tagger read one, else as it read); one word alone there
 * opens the next sentence. Not the analyst's names. Changes `names` in place.
 */
export function namesEndingAtTheirLegalForm(names: TaggedName[], sentence: readonly TextToken[]): void {
  for (let k = names.length - 1; k >= 0; k--) {
    const n = names[k]!;
    if (n.remembered) continue;
    let form = -1;
    for (let i = n.from + 1; i < n.to; i++) if (FORMS_WITH_A_DOT.has(sentence[i]!.text)) form = i;
    if (form < 0) continue;
    const rest = sentence.slice(form + 1, n.to + 1).map((t) => t.text);
    const company: TaggedName = { ...n, to: form, type: 'ORG', reason: 'an organisation, its name closed by its legal form' };
    const named = rest.length >= 2 && rest.every((w) => CAPITALISED.test(w) && !OFFICES.has(w.toLowerCase()));
    names.splice(k, 1, company, ...(named ? [{ from: form + 1, to: n.to, type: n.type, confidence: n.confidence, remembered: false }] : []));
  }
}
