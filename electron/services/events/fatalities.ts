/** What a casualty figure counts. Only `killed` makes fatalities; the others go to the notes. */
export type CasualtyKind = 'killed' | 'wounded' | 'missing' | 'displaced' | 'arrested' | 'abducted';

/** One figure read from the text: "more than 118 wounded" → wounded, 118. */
export interface Casualty {
  kind: CasualtyKind;
  figure: number;
  /** The words it was read from, as they stand in the text. */
  phrase: string;
  reading: string;
}

/** A casualty figure read from a quote, and the conservative count it supports. */
export interface FatalityReading {
  quote: string;
  figure: number | null;
  reading: string;
  /** Wounded, missing, displaced and arrested people the quote reports: never counted as dead. */
  others: Casualty[];
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** ACLED's conservative readings of vague quantities. */
const VAGUE: Record<string, [number, string]> = {
  dozens: [12, '"dozens" counts as 12'],
  'a dozen': [12, '"a dozen" counts as 12'],
  scores: [20, '"scores" counts as 20'],
  hundreds: [100, '"hundreds" counts as 100'],
  thousands: [1000, '"thousands" counts as 1000'],
};
const VAGUE_PLURAL = 'a vague plural ("several", "a few", "many") counts as 3';

const WORD = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const DIGITS = '\\d{1,3}(?:,\\d{3})+|\\d+';
const NUM = `(?:${DIGITS}|${WORD}|(?:a|one|two|three|several) hundred)`;
const QUALIFIER = '(?:at least|more than|over|nearly|almost|about|around|up to|some|an estimated|as many as|roughly|approximately)';
/** A quantity: "at least 40", "between 10 and 15", "10 to 15", "dozens of", "several". */
const QUANTITY = new RegExp(
  `\\b(?:(?<qualifier>${QUALIFIER})\\s+)?(?:between\\s+(?<low>${NUM})\\s+and\\s+${NUM}|(?<lowDigits>${DIGITS})\\s*[-–]\\s*(?:${DIGITS})(?![\\w-])|(?<lowTo>${NUM})\\s+to\\s+${NUM}\\b|(?<single>${NUM})(?![\\w-]|-year)|(?<vague>dozens|a dozen|scores|hundreds|thousands)\\b|(?<plural>several|a few|many|multiple|a number of|some)(?=\\s+(?:people|civilians|soldiers|police|villagers|fighters|militants|others|of|were|have|had|died|killed|dead)\\b))`,
  'gi',
);

/** Words that say what a figure counts, in the words that follow it ("40 civilians were killed"). */
const KIND_AFTER: [CasualtyKind, RegExp][] = [
  ['killed', /\b(killed|dead|died|deaths?|fatalities|bodies|lives|slain|massacred|executed|perished|murdered|beheaded|lost their lives|shot dead|drowned|burned to death)\b/i],
  ['wounded', /\b(wounded|injured|hurt|injuries|maimed|hospitali[sz]ed|casualties)\b/i],
  ['missing', /\b(missing|unaccounted for)\b/i],
  ['displaced', /\b(displaced|fled|homeless|evacuated|uprooted)\b/i],
  ['arrested', /\b(arrested|detained|held|in custody|rounded up)\b/i],
  ['abducted', /\b(abducted|kidnapped|taken hostage|seized|captured)\b/i],
];
/** …and in the words that lead to it ("killing at least 12", "the death toll rose to 25"). */
const KIND_BEFORE: [CasualtyKind, RegExp][] = [
  ['killed', /\b(killed|killing|kills|kill|massacred|executed|slew|claimed the lives of|bodies of|death toll\b[^.;\d]{0,80}?\b(?:rose|risen|rises|climbed|reached|stood at|stands at|is|was|of|hit|jumped|to)(?: to)?|deaths of|the lives of)\s*$/i],
  ['wounded', /\b(wounded|wounding|injured|injuring|injuries to)\s*$/i],
  ['arrested', /\b(arrested|arresting|detained|detaining|rounded up)\s*$/i],
  ['abducted', /\b(abducted|abducting|kidnapped|kidnapping|seized)\s*$/i],
  ['displaced', /\b(displaced|displacing|forced)\s*$/i],
];

/** Not casualties: dates, times, ages, distances, years. */
const NOT_A_COUNT_AFTER = /^\s*(?:%|percent|per cent|km|kilometres|kilometers|miles|metres|meters|years?\b|-year|year-old|am\b|pm\b|a\.m\.|p\.m\.|o'clock|hours?|minutes?|days?|weeks?|months?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/i;
const NOT_A_COUNT_BEFORE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$|\b(?:aged|age|no\.|no|number|route|highway|district|sector|brigade|battalion)\s*$/i;

function valueOf(raw: string): number {
  const t = raw.toLowerCase().replaceAll(',', '');
  if (/^\d+$/.test(t)) return Number(t);
  const hundred = /^(a|one|two|three|several) hundred$/.exec(t);
  if (hundred) return hundred[1] === 'a' || hundred[1] === 'one' ? 100 : hundred[1] === 'several' ? 300 : (WORD_NUMBERS[hundred[1]!] ?? 1) * 100;
  const [tens, unit] = t.split(/[- ]/);
  return (WORD_NUMBERS[tens!] ?? 0) + (unit ? (WORD_NUMBERS[unit] ?? 0) : 0);
}

interface Quantity {
  start: number;
  end: number;
  text: string;
  figure: number;
  reading: string;
  kind: CasualtyKind | null;
  /** Whether the kind came from words before the figure ("killing 12") rather than after it. */
  kindBefore: boolean;
  /** A part already counted in an earlier figure: "40 people, including 12 children, …". */
  subset: boolean;
  /** Where the words that say what it counts stand in the quote. */
  cue: [number, number] | null;
}

function quantities(quote: string): Quantity[] {
  const found: Quantity[] = [];
  for (const m of quote.matchAll(QUANTITY)) {
    const text = m[0];
    const { qualifier: qualifierRaw, single, vague, plural } = m.groups!;
    const low = m.groups!.low ?? m.groups!.lowDigits ?? m.groups!.lowTo;
    const start = m.index;
    const end = start + text.length;
    if (single && /^\d{4}$/.test(single) && Number(single) >= 1900) continue;
    if (NOT_A_COUNT_AFTER.test(quote.slice(end, end + 12)) || NOT_A_COUNT_BEFORE.test(quote.slice(Math.max(0, start - 12), start))) continue;
    const qualifier = qualifierRaw?.toLowerCase();
    let figure: number;
    let reading: string;
    if (low) {
      figure = valueOf(low);
      reading = `${text.trim()} → ${figure} (the lower end of a range)`;
    } else if (single) {
      figure = valueOf(single);
      // "nearly 30" or "up to 30" says fewer may have died: the figure is kept but flagged.
      const note = qualifier === 'nearly' || qualifier === 'almost' || qualifier === 'up to' || qualifier === 'as many as' ? ` ("${qualifier}" — check whether a lower figure is reported)` : '';
      reading = `${qualifier ? `${qualifier} ` : ''}${single} → ${figure}${note}`;
    } else if (vague) {
      [figure, reading] = VAGUE[vague.toLowerCase()]!;
    } else if (plural) {
      [figure, reading] = [3, VAGUE_PLURAL];
    } else continue;
    found.push({ start, end, text: text.trim(), figure, reading, kind: null, kindBefore: false, subset: /\b(including|among them|of whom|of them)\s*$/i.test(quote.slice(Math.max(0, start - 16), start)), cue: null });
  }
  return found;
}

/** Where a clause ends: a stop, a semicolon, or a new clause after a comma ("…, the UN said"). */
const CLAUSE_END = /[.;:!?]|,\s+(?:the|a|an|police|officials?|residents?|witnesses|according|who|which|while|but|he|she|they|it)\b/i;

/** Reads what each figure in a quote counts, from the words around it. */
export function readCasualties(quote: string): { killed: Casualty[]; others: Casualty[] } {
  const qs = quantities(quote);
  qs.forEach((q, i) => {
    const previousEnd = i > 0 ? qs[i - 1]!.end : 0;
    const leadStart = Math.max(previousEnd, q.start - 100);
    const lead = quote.slice(leadStart, q.start);
    for (const [kind, re] of KIND_BEFORE) {
      const m = re.exec(lead);
      if (!m) continue;
      q.kind = kind;
      q.kindBefore = true;
      q.cue = [leadStart + m.index + m[0].length - m[0].trimStart().length, q.start];
      return;
    }
    // The words after the figure, up to the next figure that is not a part of this one, or the
    // end of the clause, and at most eight words: "40 civilians were killed and 118 wounded".
    const next = qs.slice(i + 1).find((n) => !n.subset);
    let tail = quote.slice(q.end, next ? next.start : quote.length);
    const subsetEnd = qs.slice(i + 1).filter((n) => n.subset && (!next || n.start < next.start)).at(-1);
    if (subsetEnd) tail = quote.slice(q.end, qs[i + 1]!.start) + quote.slice(subsetEnd.end, next ? next.start : quote.length).replace(/^[^,]*,/, ' ');
    const clause = tail.split(CLAUSE_END)[0]!;
    const words = clause.split(/\s+/).filter(Boolean).slice(0, 8).join(' ');
    const after = KIND_AFTER.map(([kind, re]) => ({ kind, at: re.exec(words)?.index ?? -1 }))
      .filter((k) => k.at >= 0)
      .sort((a, b) => a.at - b.at)[0];
    if (after) {
      q.kind = after.kind;
      const m = KIND_AFTER.find(([kind]) => kind === after.kind)![1].exec(quote.slice(q.end));
      if (m) q.cue = [q.end + m.index, q.end + m.index + m[0].length];
    }
  });
  // "killing 12 soldiers and 3 civilians": a figure joined by "and" to one counted by the verb
  // before it is counted the same way; "two soldiers and three civilians were killed" likewise
  // by the words after the last one. Joined figures add up.
  const groups: Quantity[][] = [];
  for (const q of qs) {
    if (q.subset) continue;
    const previous = groups.at(-1)?.at(-1);
    const joined = previous && /^[\s\w'’-]*?(,|\band\b)\s*$/.test(quote.slice(previous.end, q.start)) && !/\b(were|was|had|have|been|killed|wounded|injured|died|dead)\b/i.test(quote.slice(previous.end, q.start));
    if (joined && (q.kind === null || q.kind === previous.kind)) {
      if (q.kind === null && previous.kindBefore) q.kind = previous.kind;
      groups.at(-1)!.push(q);
    } else if (joined && previous.kind === null && !q.kindBefore) {
      for (const p of groups.at(-1)!) p.kind = q.kind;
      groups.at(-1)!.push(q);
    } else groups.push([q]);
  }
  const casualties = groups
    .filter((g) => g[0]!.kind !== null)
    .map((g): Casualty => {
      const figure = g.reduce((sum, q) => sum + q.figure, 0);
      const cues = g.flatMap((q) => (q.cue ? [q.cue] : []));
      const phrase = quote.slice(Math.min(g[0]!.start, ...cues.map((c) => c[0])), Math.max(g.at(-1)!.end, ...cues.map((c) => c[1]))).trim();
      return { kind: g[0]!.kind!, figure, phrase, reading: g.length === 1 ? g[0]!.reading : `${g.map((q) => q.figure).join(' + ')} → ${figure} (figures added up)` };
    });
  const killed = casualties.filter((c) => c.kind === 'killed');
  // Deaths without a figure ("a policeman was killed") count as one; "no one was killed" as none.
  if (!killed.length && !/\b(no one|nobody|no deaths|no casualties|no fatalities|none)\b/i.test(quote)) {
    const word = KIND_AFTER[0]![1].exec(quote) ?? /\b(killing|kills)\b/i.exec(quote);
    if (word && !qs.some((q) => q.kind !== null && q.kind !== 'killed' && Math.abs(q.end - word.index) < 3)) {
      killed.push({ kind: 'killed', figure: 1, phrase: word[0], reading: 'deaths reported without a number: at least 1' });
    }
  }
  return { killed, others: casualties.filter((c) => c.kind !== 'killed') };
}

/** Reads the number of dead a quote reports, the lowest credible figure: "more than 20" → 20. */
export function readFatalities(quote: string): FatalityReading {
  const { killed, others } = readCasualties(quote);
  if (!killed.length) return { quote, figure: null, reading: 'no deaths reported in this quote', others };
  // Two figures for the dead in one quote are two reports of it: the lower one is kept.
  const lowest = [...killed].sort((a, b) => a.figure - b.figure)[0]!;
  const reading = killed.length > 1 ? `${lowest.reading} (the lowest of ${killed.map((k) => k.figure).join(', ')})` : lowest.reading;
  return { quote, figure: lowest.figure, reading, others };
}

/** Conflicting figures are kept side by side; the proposal is the lowest credible one. */
export function proposeFatalities(quotes: string[]): { proposal: number; readings: FatalityReading[] } {
  const readings = quotes.map(readFatalities);
  const figures = readings.map((r) => r.figure).filter((f): f is number => f !== null);
  return { proposal: figures.length ? Math.min(...figures) : 0, readings };
}
