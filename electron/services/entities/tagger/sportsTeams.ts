/**
 * Teams in sports news. The training corpora hold almost no sport, so the tagger reads "Barcelona beat
 * Real Madrid 2-1" as a place and a person, and misses "Arsenal" altogether. In a text that reads as
 * sport, a name in a team's place is a club, an organisation:
 * - a side of a result line ("Barcelona 2 Real Madrid 1") or a row of a table ("Barcelona 4 3 1 0 9 3 10");
 * - either side of a result verb ("X beat Y", "X drew 1-1 with Y", "X lost at home to Y", "after beating Y", "a win
 *   over Y", "against Y", "were beaten by Y"), before a verb of the standings ("X lead the league") or a verb in the plural
 *   ("X were dominant");
 * - before one of the team's people ("Barcelona coach Xavi", "the Chelsea striker").
 * A country keeps its place type there, and so do the home nations of Britain: national sides are
 * written as the place ("Pakistan beat England"), and news corpora mark them so. A region's side is a
 * club ("Valencia", "Texas"). A person stays a person unless the name says club ("Real Madrid",
 * "Aston Villa", "Deportivo Coruna"): "Sampras beat Agassi".
 */
import { PERSON_ROLES, PLAYER_ROLES, TITLES } from '../lexicon.js';
import { addNames, heldTokens, type TaggedName } from './decode.js';
import type { NameLexicon } from './features.js';
import type { TextToken } from './tokens.js';

/** Words of games; a text needs several of them and a score to read as sport. */
const SPORT_WORDS =
  /\b(?:soccer|football|cricket|tennis|rugby|hockey|basketball|baseball|golf|league|cup|championship|tournament|matches|match|goals?|scored|scorer|striker|midfielder|defender|goalkeeper|keeper|wickets?|innings|semi-?finals?|quarter-?finals?|derby|play-?offs?|half-?time|penalty|penalties|coach|seeded|olympics?|grand prix|fixtures|standings|relegation|promoted|draw|drew|beat)\b/gi;
/** A score ("2-1", "6-3"), not a date's or a range's piece ("1996-08-25", "10-15 km" is still caught; the words must agree). */
const SCORE = /(?<![\d-])\d{1,2}-\d{1,2}(?![\d-])/g;
/** A line that is a result or a table row: a name, then a number (and a second name and number, or more numbers). */
const RESULT_LINE = /^[ \t]*\p{Lu}[\p{L}.'’ -]*?[ \t]+\d{1,3}(?:[ \t]+\p{Lu}[\p{L}.'’ -]*?[ \t]+\d{1,3}|(?:[ \t]+\d{1,3}){2,})\b/gmu;

const WORDS_NEEDED = 3;
/** The confidence of a type these rules give (not calibrated: the corpora hold too little sport to measure it). */
const RULE_CONFIDENCE = 0.7;
/** A place read less surely than this, whose words say club, is one anywhere in a sports text. */
const DOUBTED_PLACE = 0.5;

/** Whether the text reads as sport: a score or result lines, and words of games (fewer words where there are more lines). */
export function isSportsText(text: string): boolean {
  let words = 0;
  for (const _ of text.matchAll(SPORT_WORDS)) if (++words >= WORDS_NEEDED) break;
  if (words < WORDS_NEEDED - 1) return false;
  SCORE.lastIndex = 0;
  if (words >= WORDS_NEEDED && SCORE.test(text)) return true;
  const linesNeeded = words >= WORDS_NEEDED ? 2 : 3;
  let lines = 0;
  for (const _ of text.matchAll(RESULT_LINE)) if (++lines >= linesNeeded) return true;
  return false;
}

/** A team's first word: "Real Madrid", "Sporting Lisbon", "Borussia Dortmund". */
const CLUB_FIRST = new Set(
  `real atletico atlético athletic deportivo sporting racing dynamo dinamo inter internazionale olympique olympiakos olympiacos
  borussia rapid slavia sparta lokomotiv spartak cska steaua fc ac as sc sv vfb vfl tsv psv afc cf cd ud sd rc
  hansa hertha eintracht werder fortuna arminia alemannia energie bayer hajduk partizan legia widzew wisla lech levski zenit
  torpedo sturm admira vitesse girondins aek paok ifk aik msv banik`.split(/\s+/),
);
/**
 * A team's last word: "Aston Villa", "Blackburn Rovers". Not "County" nor "Town", which end more places
 * than clubs, nor "Wednesday", which is claimed as a date first.
 */
const CLUB_LAST = new Set(
  `united city rovers wanderers athletic albion hotspur rangers celtic fc villa palace forest argyle alexandra orient
  thistle academicals germain sv sc afc cf`.split(/\s+/),
);
/** Verbs after which (and before which) a side is named. */
const RESULT_VERBS = new Set(
  `beat beats beaten defeated edged thrashed hammered crushed routed trounced stunned upset downed overcame
  eliminated outclassed outplayed whipped drew draw draws lost lose loses held fell falls
  beating defeating edging thrashing hammering crushing downing overcoming eliminating outclassing`.split(/\s+/),
);
/** Words after which the next name is the other side. */
const AGAINST = new Set(['against', 'versus', 'vs', 'vs.', 'v', 'v.']);
/** Words before "with", "to", "over" that make the next name a side: "drew with", "lost to", "win over". */
const BEFORE_WITH = new Set(['drew', 'draw', 'draws', 'drawn']);
const BEFORE_TO = new Set(['lost', 'lose', 'loses', 'losing', 'fell', 'falls']);
const BEFORE_OVER = new Set(['win', 'victory', 'triumph', 'wins', 'victories']);
/** Capitalised words that never start a team's name found where the tagger saw none. */
const NOT_A_TEAM = new Set(
  `the a an he she they it we i you his her their its our this that these those both all there here who which what when
  but and then also after before on in at for with home champions holders leaders hosts visitors title league cup
  yesterday today tonight sunday monday tuesday wednesday thursday friday saturday last first`.split(/\s+/),
);

const CLAUSE_BREAK = new Set([',', ';', ':', '(', ')', '-', '–', '—', 'and', 'but', 'as', 'when', 'while', 'after', 'before', 'then', 'since', 'where']);
/** Nations that field their own sides without being states. */
const HOME_NATIONS = new Set(['england', 'scotland', 'wales', 'northern ireland']);
const SCORE_TOKEN = /^\d{1,3}(?:-\d{1,3})?$/;
/** A number in a result line or a table row, or the minute of a goal after its scorer's name ("41"; "90+2" is "90" "+" "2"). */
const PLAIN_NUMBER = /^\d{1,3}$/;
const PERCENTAGE = /^\d{3}$/;
const SCORERS = /^(?:Scorers?|Goalscorers?|SCORERS?|GOALSCORERS?)$/;
const CAPITALISED = /^\p{Lu}/u;
const LOWER_CASE = /\p{Ll}/u;
const lower = (t: TextToken | undefined) => (t ? t.text.toLowerCase() : '');

/** A team's people after its name: "Barcelona coach Xavi", "the Chelsea striker". */
const TEAM_STAFF = new Set(['coach', 'manager', 'boss', 'skipper', 'captain', 'striker', 'midfielder', 'defender', 'winger', 'forward', 'goalkeeper', 'keeper']);
/** Words of playing for a side, before the "for" that names it. */
const PLAYED = new Set(['scored', 'scores', 'scoring', 'goal', 'goals', 'played', 'plays', 'playing', 'debut', 'appearance', 'appearances', 'capped', 'wickets', 'century']);
/** Verbs of a player's move, before the "from" that names the club left. */
const TRANSFER_VERBS = new Set(['signed', 'bought', 'joined', 'recruited', 'transferred', 'moved', 'arrived', 'loaned', 'signing', 'move', 'transfer']);
const JOINED = new Set(['joined', 'joins', 'join', 'joining', 'rejoined']);
/** Whether a word of playing stands in the clause before token `at`. */
function playedBefore(sentence: readonly TextToken[], at: number): boolean {
  for (let k = at - 1; k >= 0 && at - k <= 8; k--) {
    const w = lower(sentence[k]);
    if (PLAYED.has(w)) return true;
    if (w === ';' || w === ':' || w === '.') return false;
  }
  return false;
}
/** Verbs in the plural, as British sports pages write them after a club's name. */
const TEAM_PLURAL_VERBS = new Set(['are', 'were', 'remain']);
/** "Barcelona lead the league", "Arsenal top the Premier League": what a side does in the standings. */
const STANDING_VERBS = new Set(['lead', 'leads', 'top', 'tops']);
const STANDINGS = new Set(['league', 'table', 'standings', 'group', 'division']);
/** The standings from token `at`: "the league", or the league by its name ("the Premier League", "the Serie A table"). */
function standingsAt(sentence: readonly TextToken[], at: number): boolean {
  for (let k = at; k <= at + 2; k++) {
    if (STANDINGS.has(lower(sentence[k]))) return true;
    if (!CAPITALISED.test(sentence[k]?.text ?? '')) return false;
  }
  return false;
}
/** The most tokens of a clause set off by commas between a side and its result verb. */
const MOST_SET_OFF = 12;

/**
 * Where in a sentence a side is named, as token indices: names ending just before (a result verb
 * opening its clause), starting just after, or followed by one of the team's people.
 */
function sidePositions(sentence: readonly TextToken[]): { endsBefore: Set<number>; startsAt: Set<number>; staffAfter: Set<number> } {
  const endsBefore = new Set<number>();
  const startsAt = new Set<number>();
  const staffAfter = new Set<number>();
  for (let i = 0; i < sentence.length; i++) {
    const w = lower(sentence[i]);
    if (TEAM_STAFF.has(w) && i > 0 && CAPITALISED.test(sentence[i - 1]!.text)) staffAfter.add(i);
    if (STANDING_VERBS.has(w) && lower(sentence[i + 1]) === 'the' && standingsAt(sentence, i + 2)) endsBefore.add(i);
    if (RESULT_VERBS.has(w)) {
      endsBefore.add(i);
      // "Barcelona, without the injured Lewandowski, lost 3-2": the side before a clause set off by commas.
      if (sentence[i - 1]?.text === ',') {
        for (let k = i - 2; k >= Math.max(0, i - MOST_SET_OFF); k--) {
          if (sentence[k]!.text !== ',') continue;
          endsBefore.add(k);
          break;
        }
      }
      // "beat Real Madrid", not "drew with" (below) nor "lost 2-1 to".
      if (!BEFORE_WITH.has(w) && !BEFORE_TO.has(w) && w !== 'held') startsAt.add(i + 1);
    }
    if (AGAINST.has(w)) startsAt.add(i + 1);
    // "scored twice for Newcastle", "signed from Blackburn", "joined Chelsea": the club a player plays for or moves between.
    if (w === 'for' && playedBefore(sentence, i)) startsAt.add(i + 1);
    if (w === 'from' && sentence.slice(Math.max(0, i - 4), i).some((t) => TRANSFER_VERBS.has(lower(t)))) startsAt.add(i + 1);
    if (JOINED.has(w)) startsAt.add(i + 1);
    // "drew 1-1 with", "lost 2-1 to", "lost 2-1 at home to", "drew away with", "a 2-1 win over".
    const skipScore = (k: number) => (SCORE_TOKEN.test(sentence[k]?.text ?? '') ? k + 1 : k);
    const skipVenue = (k: number) => (lower(sentence[k]) === 'at' && lower(sentence[k + 1]) === 'home' ? k + 2 : lower(sentence[k]) === 'away' ? k + 1 : k);
    const afterResult = skipVenue(skipScore(i + 1));
    if (BEFORE_WITH.has(w) && lower(sentence[afterResult]) === 'with') startsAt.add(afterResult + 1);
    if (BEFORE_TO.has(w) && lower(sentence[afterResult]) === 'to') startsAt.add(afterResult + 1);
    // "were beaten by Getafe", "were held 1-1 by Everton".
    if (RESULT_VERBS.has(w) && lower(sentence[afterResult]) === 'by') startsAt.add(afterResult + 1);
    // "Liverpool are unbeaten", "Barcelona were dominant": sports pages put a plural verb after a club, never after its town.
    if (TEAM_PLURAL_VERBS.has(w) && i > 0 && CAPITALISED.test(sentence[i - 1]!.text)) endsBefore.add(i);
    if (BEFORE_OVER.has(w) && lower(sentence[i + 1]) === 'over') startsAt.add(i + 2);
  }
  return { endsBefore, startsAt, staffAfter };
}

/** How many plain numbers follow token `to`, a standings row's winning percentage (".565") among them. */
function numbersAfter(sentence: readonly TextToken[], to: number): number {
  let k = to + 1;
  let count = 0;
  for (;;) {
    if (PLAIN_NUMBER.test(sentence[k]?.text ?? '')) k++;
    else if (sentence[k]?.text === '.' && sentence[k + 1]?.start === sentence[k]!.end && PERCENTAGE.test(sentence[k + 1]!.text)) k += 2;
    else return count;
    count++;
  }
}

/**
 * The tokens of the scorers' lists in a sentence: in brackets after a side's score ("Aston Villa 2
 * (Yorke 41, Milosevic 76) Derby 0"), or after "Scorers:". Each scorer is named with the minute of
 * the goal; none of them is a side.
 */
function scorersLists(sentence: readonly TextToken[]): Uint8Array {
  const inList = new Uint8Array(sentence.length);
  const opensList = (i: number) =>
    (sentence[i]!.text === '(' && i > 0 && PLAIN_NUMBER.test(sentence[i - 1]!.text)) || (SCORERS.test(sentence[i]!.text) && sentence[i + 1]?.text === ':');
  for (let i = 0; i < sentence.length; i++) {
    if (!opensList(i)) continue;
    const bracket = sentence[i]!.text === '(';
    let k = bracket ? i + 1 : i + 2;
    while (k < sentence.length && !(bracket && sentence[k]!.text === ')')) k++;
    const minutes = sentence.slice(i + 1, k).filter((t) => PLAIN_NUMBER.test(t.text)).length;
    if (minutes) inList.fill(1, i + 1, k);
    i = k;
  }
  return inList;
}

/** A capitalised word that may be part of a team's name the tagger did not read (see NOT_A_TEAM). */
function teamWord(sentence: readonly TextToken[], held: Uint8Array, i: number): boolean {
  const t = sentence[i];
  if (!t || !CAPITALISED.test(t.text) || held[i] === 1) return false;
  const w = t.text.toLowerCase();
  return !NOT_A_TEAM.has(w) && !RESULT_VERBS.has(w) && !AGAINST.has(w) && !TITLES.has(w.replace(/\.$/, '')) && !PERSON_ROLES.has(w) && !PLAYER_ROLES.has(w);
}

/** The sides of a result line or table row that no name holds, as pairs of first and last token: "Deportivo Coruna 3". */
function untaggedRowSides(sentence: readonly TextToken[], held: Uint8Array): number[] {
  const sides: number[] = [];
  for (let k = 1; k < sentence.length; k++) {
    if (!/^\d{1,3}$/.test(sentence[k]!.text) || !teamWord(sentence, held, k - 1)) continue;
    let from = k - 1;
    while (from > 0 && teamWord(sentence, held, from - 1) && k - from < 3) from--;
    if (opensClause(sentence, from)) sides.push(from, k - 1);
  }
  return sides;
}

/**
 * The scorers in a sentence's lists (see scorersLists) are people: a name the tagger read there
 * before a minute is retyped, one it missed is added ("Yorke 41", read as a side of a result line).
 */
function readScorers(names: TaggedName[], sentence: readonly TextToken[], scorers: Uint8Array): void {
  if (!scorers.includes(1)) return;
  const scorer = { type: 'PER' as const, confidence: RULE_CONFIDENCE, reason: 'a scorer, named with the minute of the goal' };
  for (const n of names) {
    if (scorers[n.from] && !n.remembered && PLAIN_NUMBER.test(sentence[n.to + 1]?.text ?? '')) Object.assign(n, scorer);
  }
  const held = heldTokens(names, sentence.length);
  const added: TaggedName[] = [];
  for (let k = 1; k < sentence.length; k++) {
    if (!scorers[k] || !PLAIN_NUMBER.test(sentence[k]!.text) || !scorers[k - 1] || !teamWord(sentence, held, k - 1)) continue;
    let from = k - 1;
    while (from > 0 && scorers[from - 1] && teamWord(sentence, held, from - 1) && k - from < 3) from--;
    added.push({ from, to: k - 1, remembered: false, ...scorer });
  }
  addNames(names, added);
}

/** A side before a verb opens the sentence or a clause: "Arsenal drew", "SOCCER - BARCELONA BEAT", not "said Kabul lost". */
const opensClause = (sentence: readonly TextToken[], from: number) =>
  from === 0 || CLAUSE_BREAK.has(sentence[from - 1]!.text.toLowerCase()) || SCORE_TOKEN.test(sentence[from - 1]!.text);

/**
 * Retypes, and adds, the sides named in one sentence of a sports text (see the file's comment).
 * `names` is the tagger's reading of `sentence`, in order; it is changed in place.
 */
export function readTeams(names: TaggedName[], sentence: readonly TextToken[], lexicon: NameLexicon): void {
  const scorers = scorersLists(sentence);
  readScorers(names, sentence, scorers);
  const { endsBefore, startsAt, staffAfter } = sidePositions(sentence);
  const rowNames = names.filter((n) => numbersAfter(sentence, n.to) >= 1 && !scorers[n.from]);
  // "BOSTON 5 Detroit 3": a side the tagger missed makes a result line as well as one it read.
  const heldBefore = heldTokens(names, sentence.length);
  const missedSides = names.length === 0 ? 0 : untaggedRowSides(sentence, heldBefore).length / 2;
  const resultLine = rowNames.length + missedSides >= 2;
  const before = (n: { from: number; to: number }) => endsBefore.has(n.to + 1) && opensClause(sentence, n.from);
  const isSide = (n: { from: number; to: number }) =>
    before(n) || startsAt.has(n.from) || staffAfter.has(n.to + 1) || (resultLine && numbersAfter(sentence, n.to) >= 1) || numbersAfter(sentence, n.to) >= 3;
  const words = (n: { from: number; to: number }) => sentence.slice(n.from, n.to + 1).map((t) => t.text);
  const named = (n: { from: number; to: number }) => words(n).join(' ');
  const clubWords = (n: { from: number; to: number }) => {
    const w = words(n);
    return w.length >= 2 && (CLUB_FIRST.has(w[0]!.toLowerCase()) || CLUB_LAST.has(w.at(-1)!.toLowerCase()));
  };
  const keepsPlace = (n: { from: number; to: number }) => {
    const name = named(n);
    const place = lexicon.place(name);
    return place?.kind === 'country' || lexicon.countryByName.has(name.toLowerCase()) || HOME_NATIONS.has(name.toLowerCase());
  };

  const starts = new Set(names.map((n) => n.from));
  for (const n of names) {
    if (n.remembered || n.type === 'GRP' || scorers[n.from]) continue;
    // "Real Madrid", "Sporting Lisbon": the tagger starts at the town, the more so where the line opens with the club's word.
    // "Bayern Munich drew": so it does before a result verb, where the words before the town open the clause.
    const previous = sentence[n.from - 1];
    let from = n.from;
    while (from > n.from - 2 && teamWord(sentence, heldBefore, from - 1)) from--;
    const clubWordBefore = previous && CAPITALISED.test(previous.text) && CLUB_FIRST.has(previous.text.toLowerCase()) && !heldBefore[n.from - 1] && isSide({ from: n.from - 1, to: n.to });
    const townBeforeVerb = n.type === 'LOC' && from < n.from && endsBefore.has(n.to + 1) && opensClause(sentence, from) && !opensClause(sentence, n.from);
    if (clubWordBefore || townBeforeVerb) {
      n.from = clubWordBefore ? n.from - 1 : from;
      n.type = 'ORG';
      n.confidence = RULE_CONFIDENCE;
      n.reason = clubWordBefore ? 'a team (its name says club)' : 'a team, named before a result';
      continue;
    }
    // "Sheffield Wednesday", "Leicester City": the tagger stops at the town.
    const next = sentence[n.to + 1];
    if (next && CAPITALISED.test(next.text) && CLUB_LAST.has(next.text.toLowerCase()) && !starts.has(n.to + 1) && !lexicon.place(`${named(n)} ${next.text}`)) {
      n.to++;
      n.type = 'ORG';
      n.confidence = RULE_CONFIDENCE;
      n.reason = 'a team (its name says club)';
      continue;
    }
    if (n.type === 'ORG') continue;
    // A club's name read as a person's anywhere in the text, or as a place the tagger doubted ("will face Inter
    // Milan in Istanbul"); a place's name read surely, only where a side is named ("Aabenraa County").
    if (clubWords(n) && (n.type === 'PER' || (n.type === 'LOC' && n.confidence < DOUBTED_PLACE) || isSide(n)) && !keepsPlace(n) && !lexicon.place(named(n))) {
      n.type = 'ORG';
      n.confidence = RULE_CONFIDENCE;
      n.reason = 'a team (its name says club)';
      continue;
    }
    if (!isSide(n)) continue;
    // A town the gazetteer knows; a place it does not ("Nazi Germany") is left as the tagger read it.
    if (n.type === 'LOC' && !keepsPlace(n) && lexicon.place(named(n))) {
      n.type = 'ORG';
      n.confidence = RULE_CONFIDENCE;
      n.reason = 'a team named after its town, in a sports result';
    } else if (n.type === 'PER' && (resultLine || before(n) || startsAt.has(n.from))) {
      // "Atletico Madrid 0", "beat Somerset": a person's name does not end in a big city or county.
      const last = lexicon.place(sentence[n.to]!.text);
      if (last && last.kind !== 'country' && last.population >= 100_000) {
        n.type = 'ORG';
        n.confidence = RULE_CONFIDENCE;
        n.reason = 'a team named after its town, in a sports result';
      }
    }
  }

  // Sides the tagger did not see at all: "Arsenal drew 1-1 with Chelsea". `held` marks the tokens
  // names hold, so that a long sentence costs no more than its length.
  const held = heldTokens(names, sentence.length);
  const capsLine = sentence.every((t) => !LOWER_CASE.test(t.text));
  const added: TaggedName[] = [];
  const add = (from: number, to: number) => {
    // A headline in capitals hides which words are names ("SAMPRAS BEATS AGASSI"): only the tagger's own are retyped
    // there. A table's row in capitals is no headline: "NY RANGERS 9 11 7 72 75 25".
    if (to < from || to - from > 2 || (capsLine && numbersAfter(sentence, to) < 3)) return;
    for (let i = from; i <= to; i++) if (held[i]) return;
    const n: TaggedName = { from, to, type: 'ORG', confidence: 0.6, remembered: false, reason: 'a team, from its place in a sports result' };
    if (keepsPlace(n)) n.type = 'LOC';
    held.fill(1, from, to + 1);
    added.push(n);
  };
  for (const at of startsAt) {
    let to = at;
    while (teamWord(sentence, held, to) && to - at < 3) to++;
    if (to > at) add(at, to - 1);
  }
  for (const verb of endsBefore) {
    let from = verb;
    while (from > 0 && teamWord(sentence, held, from - 1) && verb - from < 3) from--;
    if (from < verb && opensClause(sentence, from)) add(from, verb - 1);
  }
  // Result lines and table rows: "Deportivo Coruna 3 Sevilla 1".
  const rowStarts = untaggedRowSides(sentence, held);
  if (rowStarts.length >= 2 && (rowNames.length + rowStarts.length / 2 >= 2 || numbersAfter(sentence, rowStarts[1]!) >= 3)) {
    for (let k = 0; k < rowStarts.length; k += 2) add(rowStarts[k]!, rowStarts[k + 1]!);
  }
  addNames(names, added);
}
