/** The longest request path either renderer server will look at; Vite's asset names are far shorter. */
export const MAX_ASSET_PATH = 1024;

export type AssetPath = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Turns the path of a request for the renderer (still percent-encoded, as it came off the wire:
 * `/assets/index-3f2a.js`) into a relative path under the renderer folder (`assets/index-3f2a.js`),
 * or a refusal. Shared by browser mode's static handler and Electron's app:// protocol handler, so
 * both refuse the same things and neither can throw on a hostile URL.
 *
 * Each segment is decoded on its own, so an encoded separator (`%2f`, `%5c`) cannot join two
 * segments into a climb out of the folder; and the refusals below leave nothing for the file
 * system to interpret: no `..`/`.`/hidden names, no NUL or control characters, no backslashes
 * (a separator on Windows), no `:` (a drive or an NTFS stream on Windows), no empty segments.
 */
export function safeAssetPath(rawPath: string): AssetPath {
  if (rawPath.length > MAX_ASSET_PATH) return { ok: false, reason: 'The path is too long.' };
  if (!rawPath.startsWith('/')) return { ok: false, reason: 'The path must start with "/".' };
  if (rawPath === '/') return { ok: true, path: 'index.html' };
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, reason: 'The path has a malformed percent-encoding.' };
    }
    if (segment === '') return { ok: false, reason: 'The path has an empty segment.' };
    if (segment.startsWith('.')) return { ok: false, reason: 'The path names a dot-segment or a hidden file.' };
    if (/[/\\]/.test(segment)) return { ok: false, reason: 'The path has an encoded separator or a backslash.' };
    if (/[\u0000-\u001f\u007f]/.test(segment)) return { ok: false, reason: 'The path has a NUL or control character.' };
    if (segment.includes(':')) return { ok: false, reason: 'The path has a ":".' };
    segments.push(segment);
  }
  return { ok: true, path: segments.join('/') };
}
