import iconv from 'iconv-lite';
import { Refusal, type SourceDocument } from './document.js';

/** Destinations that hold no running text: fonts, colours, styles, pictures, page headers and footers, field codes. */
const SKIPPED = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'listtable', 'listoverridetable', 'revtbl', 'rsidtbl', 'generator', 'xmlnstbl', 'filetbl',
  'pict', 'object', 'objdata', 'themedata', 'colorschememapping', 'datastore', 'latentstyles', 'mmathPr', 'fldinst',
  'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf', 'footnote', 'annotation', 'bkmkstart', 'bkmkend',
]);
const INFO_TEXT = new Set(['title', 'author', 'subject']);

interface Group {
  skip: boolean;
  /** The info field this group's text belongs to (title, author), or null for running text. */
  field: string | null;
  /** Characters after \uN that stand in for it in readers without Unicode (\ucN, 1 by default). */
  uc: number;
}

/**
 * A Rich Text Format file: paragraphs (\par), table rows as paragraphs with cells joined by " | ",
 * Unicode and code-page characters, and the title, author and creation date of its \info group.
 */
export function rtfDocuments(name: string, bytes: Uint8Array): SourceDocument[] {
  const rtf = new TextDecoder('latin1').decode(bytes);
  if (!rtf.startsWith('{\\rtf')) throw new Refusal('This is not an RTF file: it does not start with "{\\rtf".');
  const codePage = /\\ansicpg(\d+)/.exec(rtf.slice(0, 2000))?.[1] ?? '1252';
  const encoding = iconv.encodingExists(`windows-${codePage}`) ? `windows-${codePage}` : 'windows-1252';
  const paragraphs: string[] = [];
  const info: Record<string, string> = {};
  const created: Record<string, number> = {};
  let line = '';
  let cells: string[] = [];
  let pendingBytes: number[] = [];
  let skipChars = 0;
  const stack: Group[] = [{ skip: false, field: null, uc: 1 }];
  const top = () => stack[stack.length - 1]!;
  const flushBytes = () => {
    if (pendingBytes.length) emit(iconv.decode(Buffer.from(pendingBytes), encoding));
    pendingBytes = [];
  };
  const emit = (text: string) => {
    const group = top();
    if (group.skip) return;
    if (group.field) info[group.field] = (info[group.field] ?? '') + text;
    else line += text;
  };
  const endParagraph = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    line = '';
  };
  let inCreated = false;
  for (let i = 0; i < rtf.length; ) {
    const c = rtf[i]!;
    if (c === '{' || c === '}') {
      flushBytes();
      if (c === '{') stack.push({ ...top() });
      else if (stack.length > 1) {
        const closing = stack.pop()!;
        if (closing.field === 'creatim') inCreated = false;
      }
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c !== '\\') {
      flushBytes();
      if (skipChars > 0) skipChars--;
      else emit(c);
      i++;
      continue;
    }
    const hex = /^\\'([0-9a-fA-F]{2})/.exec(rtf.slice(i, i + 4));
    if (hex) {
      if (skipChars > 0) skipChars--;
      else pendingBytes.push(parseInt(hex[1]!, 16));
      i += 4;
      continue;
    }
    flushBytes();
    const word = /^\\([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(rtf.slice(i, i + 48));
    if (!word) {
      // A control symbol: \\ \{ \} are literal, \~ a no-break space, \- an optional hyphen, \* an ignorable destination.
      const symbol = rtf[i + 1] ?? '';
      if (symbol === '*') top().skip = true;
      else if (symbol === '~') emit('\u00a0');
      else if ('\\{}'.includes(symbol)) emit(symbol);
      i += 2;
      continue;
    }
    i += word[0].length;
    const [, control, arg] = word;
    const n = arg === undefined ? null : Number(arg);
    const group = top();
    if (SKIPPED.has(control!)) group.skip = true;
    else if (control === 'info') group.field = 'info';
    else if (INFO_TEXT.has(control!) && group.field === 'info') group.field = control!;
    else if (control === 'creatim') {
      group.field = 'creatim';
      inCreated = true;
    } else if (inCreated && ['yr', 'mo', 'dy', 'hr', 'min'].includes(control!) && n !== null) created[control!] = n;
    else if (group.field === 'info' || group.field === 'creatim') group.skip = group.skip || control !== 'info';
    else if (control === 'par' || control === 'sect' || control === 'page') endParagraph();
    else if (control === 'line' || control === 'tab') emit(' ');
    else if (control === 'cell') {
      cells.push(line.replace(/\s+/g, ' ').trim());
      line = '';
    } else if (control === 'row') {
      if (cells.some(Boolean)) paragraphs.push(cells.join(' | '));
      cells = [];
      line = '';
    } else if (control === 'uc' && n !== null) group.uc = n;
    else if (control === 'u' && n !== null) {
      emit(String.fromCharCode(n < 0 ? n + 65536 : n));
      skipChars = group.uc;
    } else if (control === 'emdash') emit('—');
    else if (control === 'endash') emit('–');
    else if (control === 'lquote') emit('‘');
    else if (control === 'rquote') emit('’');
    else if (control === 'ldblquote') emit('“');
    else if (control === 'rdblquote') emit('”');
    else if (control === 'bullet') emit('•');
  }
  flushBytes();
  endParagraph();
  const pad = (v: number | undefined) => String(v ?? 1).padStart(2, '0');
  const published = created.yr ? `${created.yr}-${pad(created.mo)}-${pad(created.dy)}${created.hr !== undefined ? `T${pad(created.hr)}:${pad(created.min ?? 0)}:00` : ''}` : null;
  const clean = (v: string | undefined) => v?.replace(/\s+/g, ' ').trim() || null;
  return [
    {
      name,
      format: 'rtf',
      content: { kind: 'paragraphs', paragraphs: paragraphs.map((text) => ({ text })) },
      meta: { title: clean(info.title), author: clean(info.author), published },
      parent: null,
    },
  ];
}
