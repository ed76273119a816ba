import { STOPWORDS, WEEKDAYS_AND_MONTHS } from '../lexicon.js';

const CAPITALISED = /^\p{Lu}/u;
/** Numbers written as words, which open a sentence in capitals but no name ("Two Police officers"). */
const NUMBER_WORDS = new Set('two three four five six seven eight nine ten eleven twelve hundreds thousands dozens'.split(' '));

/**
 * A capitalised word that may be a name's, where a rule reads the words before a head ("Police",
 * "brigade"): not a small word, a day, a month or a number that a sentence opens with.
 */
export const isNameWord = (word: string): boolean => {
  const lower = word.toLowerCase();
  return CAPITALISED.test(word) && !STOPWORDS.has(lower) && !WEEKDAYS_AND_MONTHS.has(lower) && !NUMBER_WORDS.has(lower);
};
