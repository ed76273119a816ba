import path from 'node:path';
import { safeAssetPath } from './assetPath.js';

/** The renderer's origin: a custom standard scheme, not file:// (which would grant file access). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Every BrowserWindow gets exactly these webPreferences (Electron security checklist). */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  } as const;
}

export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Navigation stays inside the app; links in articles are text, never followed. */
export const navigationAllowed = (url: string): boolean => isAppUrl(url);

/** No window opens from the renderer: article links are not followed. */
export const windowOpenDecision = () => ({ action: 'deny' as const });

/** Deny-by-default permissions, each with the reason it would ever be needed: */
const ALLOWED_PERMISSIONS = new Set<string>([
  // clipboard-sanitized-write: copying quotes out of the reader.
  'clipboard-sanitized-write',
]);
export const permissionAllowed = (permission: string): boolean => ALLOWED_PERMISSIONS.has(permission);

/** The app is local-only: any request that could leave the machine is cancelled. */
export function requestBlocked(url: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return true;
  }
  return !['app:', 'data:', 'blob:', 'devtools:', 'chrome-extension:'].includes(protocol);
}

/** IPC is answered only for frames that are our own renderer. */
export const ipcSenderAllowed = (frameUrl: string | undefined): boolean => isAppUrl(frameUrl);

/** app://workbench/<path> → a file under the renderer folder, or null for anything outside it or malformed. */
export function resolveAppFile(rendererRoot: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  const asset = safeAssetPath(new URL(url).pathname);
  if (!asset.ok) return null;
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, ...asset.path.split('/'));
  // safeAssetPath already refuses every climb; this is the second lock on the same door.
  return file.startsWith(root + path.sep) ? file : null;
}
