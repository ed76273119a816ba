import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

interface Face {
  css: string;
  ranges: [number, number][];
  file: string;
}

let faces: Face[] | null = null;

/** fontsource's Noto Emoji faces (one per unicode-range subset), read once. */
function emojiFaces(): Face[] {
  if (faces !== null) return faces;
  const css = require.resolve('@fontsource/noto-emoji/400.css');
  const dir = path.dirname(css);
  faces = fs
    .readFileSync(css, 'utf8')
    .split('@font-face')
    .slice(1)
    .map((block) => `@font-face${block.slice(0, block.indexOf('}') + 1)}`)
    .map((block) => ({
      css: block,
      file: path.join(dir, 'files', /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)![1]!),
      ranges: (/unicode-range:\s*([^;]+);/.exec(block)?.[1] ?? '').split(',').map((r) => {
        const [from, to] = r.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as [number, number];
      }),
    }));
  return faces;
}

/**
 * Noto Emoji (monochrome, OFL) as data URLs, only the subsets holding a character of `text`: an
 * analyst's note or a quoted post with an emoji printed as an empty box, and the whole font would
 * add a megabyte to every report. Listed after Noto Sans, it draws only what Noto Sans lacks.
 */
export function emojiFontFaces(text: string): string {
  const used = new Set<number>();
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code > 0x7f) used.add(code);
  }
  if (used.size === 0) return '';
  const codes = [...used];
  return emojiFaces()
    .filter((face) => codes.some((code) => face.ranges.some(([from, to]) => code >= from && code <= to)))
    .map((face) =>
      face.css.replace(/src:[^;]+;/, `src: url(data:font/woff2;base64,${fs.readFileSync(face.file).toString('base64')}) format('woff2');`),
    )
    .join('\n');
}
