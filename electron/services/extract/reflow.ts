/**
 * Text wrapped at a fixed width (wire feeds, e-mail, text saved from a PDF or a terminal) breaks
 * every sentence over several lines. Taken line by line it becomes one "paragraph" per line: a
 * name cut in two at a line end, headline and dateline rules applied to fragments. This turns
 * such text back into paragraphs; text with one paragraph per line is left as it is.
 */

/** Lines shorter than this hold no wrapped prose (menus, labels), and wider ones were not wrapped by a tool. */
const MIN_WIDTH = 30;
const MAX_WIDTH = 200;

const endsSentence = (line: string): boolean => /[.!?…:;]["”’)\]]*$/.test(line);

function firstWordLength(line: string): number {
  const space = line.indexOf(' ');
  return space === -1 ? line.length : space;
}

const LOOSE = /[\t\u00a0]| {2}/;
const INDENT = /^[\t\u00a0 ]{2,}\S/;

interface Line {
  text: string;
  indented: boolean;
}

/** The width the text was wrapped at: the longest line once the longest twentieth (URLs, tables) is set aside. */
function wrapWidth(lengths: number[]): number {
  const sorted = [...lengths].sort((a, b) => a - b);
  // One line in twenty may run over; in a short text none may, so a single long paragraph rules wrapping out.
  return sorted[sorted.length - 1 - Math.floor(sorted.length * 0.05)]!;
}

/**
 * Whether the text is hard-wrapped: most lines that are followed by another line of the same
 * paragraph stop where the next word would not have fit, and most of them stop mid-sentence.
 * Text with one paragraph per line fails the second test (its lines end sentences); a menu fails
 * the first (its short items would all have fit on one line).
 */
export function isHardWrapped(lines: readonly string[]): { wrapped: boolean; width: number } {
  const inner: { length: number; next: number; midSentence: boolean }[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!.trim();
    const next = lines[i + 1]!.trim();
    if (line && next) inner.push({ length: line.length, next: firstWordLength(next), midSentence: !endsSentence(line) });
  }
  if (inner.length < 3) return { wrapped: false, width: 0 };
  const width = wrapWidth(inner.map((l) => l.length));
  if (width < MIN_WIDTH || width > MAX_WIDTH) return { wrapped: false, width };
  // A tool that balances lines (fmt, par) may leave a little room: allow a tenth of the width.
  const slack = Math.round(width * 0.1);
  const full = inner.filter((l) => l.length + 1 + l.next > width - slack).length;
  const midSentence = inner.filter((l) => l.midSentence).length;
  return { wrapped: full >= 3 && full >= inner.length * 0.6 && midSentence >= inner.length * 0.5, width };
}

/**
 * The text's paragraphs, each on one line with spaces collapsed. Hard-wrapped text is joined back
 * into paragraphs (at blank lines, indented first lines and lines that end short); otherwise every
 * non-empty line is its own paragraph, as scrapers write them.
 */
export function paragraphsOf(text: string): string[] {
  const raw = text.split(/\r\n|\r|\n/);
  // Most lines hold no tab, no-break space or double space: the replace (costly on long lines) is skipped for them.
  const lines: Line[] = raw.map((l) => ({ text: (LOOSE.test(l) ? l.replace(/[\t\u00a0 ]+/g, ' ') : l).trim(), indented: l.length > 2 && INDENT.test(l) }));
  const { wrapped, width } = isHardWrapped(lines.map((l) => l.text));
  if (!wrapped) return lines.map((l) => l.text).filter((l) => l.length > 0);

  const slack = Math.round(width * 0.1);
  const paragraphs: string[] = [];
  let current = '';
  let previous: Line | null = null;
  for (const line of lines) {
    if (!line.text) {
      if (current) paragraphs.push(current);
      current = '';
      previous = null;
      continue;
    }
    const continues =
      previous !== null &&
      !line.indented &&
      // The previous line was full: this one carries on its sentence. A line starting in lower case
      // always carries on (a balanced wrap can end a line early).
      (previous.text.length + 1 + firstWordLength(line.text) > width - slack || (/^\p{Ll}/u.test(line.text) && !endsSentence(previous.text)));
    if (continues) {
      // "well-" + "known" is one word again; a dash between words keeps its spaces.
      current = /\p{L}-$/u.test(current) && /^\p{L}/u.test(line.text) ? current + line.text : `${current} ${line.text}`;
    } else {
      if (current) paragraphs.push(current);
      current = line.text;
    }
    previous = line;
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}
