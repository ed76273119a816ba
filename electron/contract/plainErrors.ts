import type { z } from 'zod';
import { fieldWords } from './fieldWords.js';

/**
 * Refusals at the boundary, in the analyst's words. Zod names a field by its path in the call
 * ("patch.published", "input.actor1.type") and, where a schema gives no message of its own, says
 * what went wrong in a programmer's terms ("expected number, received undefined"): both are turned
 * into what a form or a table shows ("Published date: Use a date like 2021-06-20", "Actor 1 is missing").
 */

const A_KIND: Record<string, string> = { number: 'a number', int: 'a whole number', string: 'text', boolean: 'yes or no', array: 'a list', object: 'a choice', date: 'a date' };
const quoted = (values: readonly unknown[]) => values.map((v) => `“${String(v)}”`).join(', ');

/**
 * What went wrong, in words, for an issue whose schema says nothing of its own (passed to zod as the
 * parse's error map). Authored messages ("Use a date like 2021-06-20") are kept as written.
 */
export function plainIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'is missing' : `should be ${A_KIND[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return issue.values.length <= 8 ? `should be one of ${quoted(issue.values)}` : 'is not one of the values on the list';
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'cannot be empty' : `needs at least ${min} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? 'needs at least one' : `needs at least ${min}`;
      return min === 0 ? 'cannot be negative' : `cannot be less than ${min.toLocaleString('en')}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `is too long (at most ${max.toLocaleString('en')} characters)`;
      if (issue.origin === 'array' || issue.origin === 'set') return `holds too many (at most ${max.toLocaleString('en')})`;
      return `cannot be more than ${max.toLocaleString('en')}`;
    }
    case 'invalid_union': {
      if (issue.input === undefined || issue.input === null) return 'is missing';
      // A choice among fixed values (a precision of 1, 2 or 3) is refused branch by branch: say the choices.
      const branches = issue.errors.flat();
      const values = branches.flatMap((b) => (b.code === 'invalid_value' ? b.values : []));
      return branches.length && branches.every((b) => b.code === 'invalid_value') ? `should be one of ${quoted(values)}` : 'is not valid';
    }
    case 'invalid_format':
      return 'is not written as expected';
    case 'not_multiple_of':
      return 'should be a whole number';
    case 'unrecognized_keys':
      return `has settings the app does not know (${issue.keys.join(', ')})`;
    default:
      return 'is not valid';
  }
}

/**
 * Every issue as one line. The words above continue the field's name ("Fatalities should be a
 * number"); a schema's own message follows it ("Published date: Use a date like 2021-06-20"), or
 * stands alone when it is a sentence of its own (it ends with a full stop and names the field).
 */
export function plainIssues(issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.map((issue) => {
    const field = fieldWords(issue.path);
    const message = issue.message.trim();
    const continues = /^[a-z]/.test(message);
    if (!field || (!continues && /[.!?]$/.test(message))) return message.charAt(0).toUpperCase() + message.slice(1);
    return continues ? `${field} ${message}` : `${field}: ${message}`;
  });
  return [...new Set(lines)].join('\n');
}
