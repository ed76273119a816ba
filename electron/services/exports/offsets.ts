/**
 * Offsets in the units the standards count. W3C selectors and brat count Unicode code points;
 * JavaScript strings (and our stored spans) count UTF-16 units, which differ after every
 * character outside the Basic Multilingual Plane (an emoji, a rare CJK ideograph).
 */

const hasAstral = (text: string) => /[\uD800-\uDBFF]/.test(text);

/** Our offset (UTF-16 units) → code points. */
export function toCodePoints(text: string): (utf16: number) => number {
  if (!hasAstral(text)) return (i) => i;
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (!(c >= 0xd800 && c <= 0xdbff)) cp++;
  }
  map[text.length] = cp;
  return (i) => map[Math.max(0, Math.min(i, text.length))]!;
}

/** Code points → our offset (UTF-16 units); null past the end of the text. */
export function fromCodePoints(text: string): (codePoint: number) => number | null {
  if (!hasAstral(text)) return (n) => (n >= 0 && n <= text.length ? n : null);
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    starts.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
  }
  starts.push(text.length);
  return (n) => (Number.isInteger(n) && n >= 0 && n < starts.length ? starts[n]! : null);
}

/** Code points for the offsets of each article's text, kept for the last article asked (exports go article by article). */
export function codePointsOf(body: (articleId: number) => string): (articleId: number) => (utf16: number) => number {
  let last: { articleId: number; at: (utf16: number) => number } | undefined;
  return (articleId) => (last?.articleId === articleId ? last : (last = { articleId, at: toCodePoints(body(articleId)) })).at;
}
