import { nameKey } from '../../gazetteer/normalise.js';
import type { Suggestion } from '../extract.js';

/**
 * Stock market indices as news names them (name keys). An index is no organisation, person or
 * place: "the Hang Seng" that rose is no bank of Hong Kong, nor "the Nikkei" that fell the newspaper.
 */
const INDICES = new Set([
  'dow jones industrial average', 'dow jones', 'dow', 's p 500', 'nasdaq composite', 'nasdaq 100', 'russell 2000', 'ftse 100', 'ftse 250',
  'ftse', 'nikkei 225', 'nikkei', 'topix', 'hang seng', 'dax', 'cac 40', 'stoxx 600', 'euro stoxx 50', 'sensex', 'nifty 50', 'nifty', 'kospi',
  'shanghai composite', 'csi 300', 'ibovespa', 'asx 200', 's p asx 200', 's p tsx composite', 'msci world',
]);
/** A name that says it is an index ("the Nasdaq Composite", "the Dow Jones Industrial Average"). */
const INDEX_LAST = /[ \t](?:Average|Composite|Index)$/u;
/**
 * What news writes right after an index: its number, the word index or average, or how it moved
 * ("the Nikkei 225", "the Hang Seng index", "the Dow fell"). Not "Dow Jones said": the company.
 */
const INDEX_AFTER =
  /^[ \t]+(?:\d|(?:share[ \t]+)?(?:index|average)\b|(?:rose|fell|gained|lost|slipped|dropped|climbed|jumped|closed|ended|edged|added|shed|tumbled|surged|advanced|declined|rallied|slumped|plunged|soared|hit|was[ \t]+(?:up|down)|is[ \t]+(?:up|down))\b)/u;

/** Whether a suggestion is a stock market index's name, where the words around it say so. */
export function isMarketIndex(text: string, s: Suggestion): boolean {
  if (s.type === 'date' || !INDICES.has(nameKey(s.text.replace(/&/g, ' ')))) return false;
  return INDEX_LAST.test(s.text) || INDEX_AFTER.test(text.slice(s.end, s.end + 24));
}
