/** A casualty figure read from a quote, and the conservative count it supports. */
export interface FatalityReading {
  quote: string;
  figure: number | null;
  reading: string;
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};

/** ACLED's conservative readings of vague quantities. */
const VAGUE: [RegExp, number, string][] = [
  [/\b(dozens)\b/i, 12, '"dozens" counts as 12'],
  [/\b(a dozen|dozen)\b/i, 12, '"a dozen" counts as 12'],
  [/\b(scores)\b/i, 20, '"scores" counts as 20'],
  [/\b(hundreds)\b/i, 100, '"hundreds" counts as 100'],
  [/\b(thousands)\b/i, 1000, '"thousands" counts as 1000'],
  [/\b(several|a few|few|some|many|multiple|a number of)\b/i, 3, 'a vague plural ("several", "a few", "many") counts as 3'],
];

const DEATH = /\b(killed|killing|kills|dead|deaths?|died|dying|fatalities|bodies|lives|slain|massacred|executed)\b/i;

/** Reads the number of dead a quote reports, the lowest credible figure: "more than 20" → 20. */
export function readFatalities(quote: string): FatalityReading {
  const death = DEATH.exec(quote);
  if (!death) return { quote, figure: null, reading: 'no deaths reported in this quote' };
  // The figure is the number nearest the word for death ("In one such battle, … killed more than 20").
  const numbers = [
    ...quote.matchAll(
      /\b(?:(at least|more than|over|nearly|almost|about|around|up to|some)\s+)?(\d{1,3}(?:,\d{3})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b/gi,
    ),
  ].filter((m) => !/^\d{4}$/.test(m[2]!) || Number(m[2]) < 1900);
  const number = numbers.sort((a, b) => Math.abs(a.index - death.index) - Math.abs(b.index - death.index))[0];
  if (number) {
    const raw = number[2]!.toLowerCase();
    const [tens, unit] = raw.split('-');
    const value = /^\d/.test(raw) ? Number(raw.replaceAll(',', '')) : (WORD_NUMBERS[tens!] ?? 0) + (unit ? (WORD_NUMBERS[unit] ?? 0) : 0);
    const qualifier = number[1]?.toLowerCase();
    // "nearly 30" or "up to 30" says fewer may have died: the figure is kept but flagged.
    const note = qualifier === 'nearly' || qualifier === 'almost' || qualifier === 'up to' ? ` ("${qualifier}" — check whether a lower figure is reported)` : '';
    return { quote, figure: value, reading: `${qualifier ? `${qualifier} ` : ''}${raw} → ${value}${note}` };
  }
  for (const [re, figure, reading] of VAGUE) if (re.test(quote)) return { quote, figure, reading };
  return { quote, figure: 1, reading: 'deaths reported without a number: at least 1' };
}

/** Conflicting figures are kept side by side; the proposal is the lowest credible one. */
export function proposeFatalities(quotes: string[]): { proposal: number; readings: FatalityReading[] } {
  const readings = quotes.map(readFatalities);
  const figures = readings.map((r) => r.figure).filter((f): f is number => f !== null);
  return { proposal: figures.length ? Math.min(...figures) : 0, readings };
}
