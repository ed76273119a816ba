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

  it('serves only files inside the renderer folder', () => {
    const root = path.resolve('/opt/awb/renderer');
    expect(resolveAppFile(root, 'app://workbench/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://workbench/assets/a.js')).toBe(path.join(root, 'assets/a.js'));
    expect(resolveAppFile(root, 'app://workbench/..%2f..%2fetc/passwd')).toBeNull();
    expect(resolveAppFile(root, 'https://workbench/index.html')).toBeNull();
  });

  it('has a CSP that allows only the app itself', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("connect-src 'self'");
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).not.toMatch(/https?:|unsafe-eval|\*/);
  });
});
