import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ipcSenderAllowed,
  navigationAllowed,
  permissionAllowed,
  requestBlocked,
  resolveAppFile,
  secureWebPreferences,
  windowOpenDecision,
} from '../../electron/security.js';
import { safeAssetPath } from '../../electron/assetPath.js';
import { CSP } from '../../electron/web/guard.js';

describe('Electron security checklist', () => {
  it('gives every window isolated, sandboxed, node-free web preferences', () => {
    expect(secureWebPreferences('/x/preload.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      preload: '/x/preload.cjs',
    });
  });

  it('keeps navigation inside app://workbench and opens no windows', () => {
    expect(navigationAllowed('app://workbench/index.html')).toBe(true);
    expect(navigationAllowed('https://example.com/')).toBe(false);
    expect(navigationAllowed('file:///etc/passwd')).toBe(false);
    expect(navigationAllowed('app://elsewhere/index.html')).toBe(false);
    expect(navigationAllowed('javascript:alert(1)')).toBe(false);
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('denies permissions by default', () => {
    for (const p of ['geolocation', 'media', 'notifications', 'openExternal', 'midi', 'hid', 'serial', 'clipboard-read']) {
      expect(permissionAllowed(p)).toBe(false);
    }
  });

  it('cancels every request that could leave the machine', () => {
    for (const url of ['https://tiles.example/1/2/3.png', 'http://127.0.0.1:8080/', 'ws://x/', 'wss://x/', 'ftp://x/', 'file:///etc/passwd', 'not a url']) {
      expect(requestBlocked(url)).toBe(true);
    }
    for (const url of ['app://workbench/assets/index.js', 'data:image/png;base64,AAAA', 'blob:app://workbench/1234']) {
      expect(requestBlocked(url)).toBe(false);
    }
  });

  it('answers IPC only for our own frames', () => {
    expect(ipcSenderAllowed('app://workbench/index.html')).toBe(true);
    expect(ipcSenderAllowed('https://evil.example/')).toBe(false);
    expect(ipcSenderAllowed(undefined)).toBe(false);
  });

  it('serves only files inside the renderer folder, and never throws on a malformed URL', () => {
    const root = path.resolve('/opt/awb/renderer');
    expect(resolveAppFile(root, 'app://workbench/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://workbench/assets/a.js')).toBe(path.join(root, 'assets/a.js'));
    expect(resolveAppFile(root, 'app://workbench/assets/a%20b.js?v=1#x')).toBe(path.join(root, 'assets/a b.js'));
    for (const bad of ['..%2f..%2fetc/passwd', '%', '%ff', 'a%00.js', 'assets%5c..%5c..%5cx', 'C:%5cWindows', '.env']) {
      expect(resolveAppFile(root, `app://workbench/${bad}`), bad).toBeNull();
    }
    // The URL parser already folds dot-segments (encoded too) at the root: what is left stays inside.
    expect(resolveAppFile(root, 'app://workbench/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc/passwd'));
    expect(resolveAppFile(root, 'https://workbench/index.html')).toBeNull();
    expect(resolveAppFile(root, 'not a url')).toBeNull();
  });

  it('has a CSP that allows only the app itself', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("connect-src 'self'");
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).not.toMatch(/https?:|unsafe-eval|\*/);
  });
});

describe('safeAssetPath (browser mode and app:// alike)', () => {
  it('maps ordinary asset paths to relative paths, decoding each segment', () => {
    expect(safeAssetPath('/')).toEqual({ ok: true, path: 'index.html' });
    expect(safeAssetPath('/index.html')).toEqual({ ok: true, path: 'index.html' });
    expect(safeAssetPath('/assets/index-3f2a.js')).toEqual({ ok: true, path: 'assets/index-3f2a.js' });
    expect(safeAssetPath('/assets/noto%20sans.woff2')).toEqual({ ok: true, path: 'assets/noto sans.woff2' });
    expect(safeAssetPath('/%C3%A9t%C3%A9.txt')).toEqual({ ok: true, path: 'été.txt' });
  });

  it.each([
    ['/%', 'percent-encoding'],
    ['/%ff', 'percent-encoding'],
    ['/%e0%a4', 'percent-encoding'],
    ['/a%00b', 'control'],
    ['/a\0b', 'control'],
    ['/a%0ab', 'control'],
    ['/..', 'dot-segment'],
    ['/assets/../../etc/passwd', 'dot-segment'],
    ['/%2e%2e/secret', 'dot-segment'],
    ['/.git/config', 'hidden'],
    ['/..%2f..%2fetc%2fpasswd', 'dot-segment'],
    ['/assets%2f..%2f..%2fx', 'separator'],
    ['/assets%5c..%5cx', 'separator'],
    ['/assets\\x.js', 'backslash'],
    ['/C:%5cwindows', 'separator'],
    ['/C:', ':'],
    ['/file.js::$DATA', ':'],
    ['//etc/passwd', 'empty'],
    ['/assets/', 'empty'],
    ['index.html', 'start'],
    ['', 'start'],
    ['/' + 'a'.repeat(5000), 'too long'],
  ])('refuses %s (%s)', (raw, why) => {
    const result = safeAssetPath(raw);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason.toLowerCase()).toContain(why);
  });
});
