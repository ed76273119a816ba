import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defuseCell, mdText, needsQuotes, safeUrl } from '../../electron/services/exports/safeText.js';
import { checkFileTarget, documentsFolder, resolveOutputPath } from '../../electron/services/output.js';
import { tempDir } from '../tempDirs.js';

const home = process.env.HOME;
afterEach(() => {
  process.env.HOME = home;
});
/** A home folder of our own: os.homedir() reads HOME. */
function fakeHome(withDocuments: boolean): string {
  const dir = tempDir('awb-home-');
  if (withDocuments) fs.mkdirSync(path.join(dir, 'Documents'));
  process.env.HOME = dir;
  return dir;
}

describe('the save path policy', () => {
  it('puts a relative name in the documents folder, or the home folder when there is none, never the working folder', () => {
    const withDocs = fakeHome(true);
    expect(documentsFolder()).toBe(path.join(withDocs, 'Documents'));
    expect(resolveOutputPath('events.csv')).toBe(path.join(withDocs, 'Documents', 'events.csv'));
    expect(resolveOutputPath('  ~/events.csv ')).toBe(path.join(withDocs, 'events.csv'));
    const bare = fakeHome(false);
    expect(resolveOutputPath('report.pdf')).toBe(path.join(bare, 'report.pdf'));
    expect(resolveOutputPath('report.pdf').startsWith(process.cwd() + path.sep)).toBe(false);
  });

  it('refuses a folder that does not exist with a plain message, and creates nothing', () => {
    const dir = fakeHome(true);
    const missing = path.join(dir, 'Dcuments', 'case');
    expect(() => resolveOutputPath(path.join(missing, 'events.csv'))).toThrow(`The folder ${missing} does not exist: create it first or choose another.`);
    expect(() => resolveOutputPath('case-folder/events.csv')).toThrow(`The folder ${path.join(dir, 'Documents', 'case-folder')} does not exist`);
    expect(fs.readdirSync(dir)).toEqual(['Documents']);
    expect(fs.readdirSync(path.join(dir, 'Documents'))).toEqual([]);
    expect(() => resolveOutputPath('   ')).toThrow('Give a file name to save to.');
    expect(() => resolveOutputPath('/')).toThrow(/root of the disk/);
  });

  it('refuses to write a file over a folder, and over a file unless asked', () => {
    const dir = fakeHome(true);
    expect(() => checkFileTarget(path.join(dir, 'Documents'), true)).toThrow(/is a folder: give a file name to save to. Nothing in the folder was touched./);
    fs.writeFileSync(path.join(dir, 'a.csv'), 'x');
    expect(() => checkFileTarget(path.join(dir, 'a.csv'), false)).toThrow(/already exists/);
    expect(() => checkFileTarget(path.join(dir, 'a.csv'), true)).not.toThrow();
  });
});

describe('text made safe for outputs', () => {
  it('keeps only http, https and mailto links', () => {
    expect(safeUrl('https://example.org/a?b=c')).toBe('https://example.org/a?b=c');
    expect(safeUrl('mailto:desk@example.org')).toBe('mailto:desk@example.org');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'vbscript:x', '/relative', 'https://exa mple.org', '']) {
      expect(safeUrl(bad), bad).toBeNull();
    }
  });

  it('escapes Markdown so nothing in the text is read as markup', () => {
    expect(mdText('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(mdText('[a](javascript:x)')).toBe('\\[a\\](javascript:x)');
    expect(mdText('a | b')).toBe('a \\| b');
    expect(mdText('# not a heading')).toBe('\\# not a heading');
    expect(mdText('- not a list')).toBe('\\- not a list');
    expect(mdText('12. not a list')).toBe('12\\. not a list');
    expect(mdText('`code` *em* _em_ ~~s~~ &amp;')).toBe('\\`code\\` \\*em\\* \\_em\\_ \\~\\~s\\~\\~ &amp;amp;');
    expect(mdText('two\nlines')).toBe('two lines');
    expect(mdText('Kunduz, 2021-06-20')).toBe('Kunduz, 2021-06-20');
  });

  it('defuses formulas at the start of a cell and after a semicolon or a tab; quotes those separators', () => {
    expect(defuseCell('=1+1')).toBe("'=1+1");
    for (const lead of ['+', '-', '@', '\t', '\r']) expect(defuseCell(`${lead}x`)).toBe(`'${lead}x`);
    expect(defuseCell('Kunduz;=1+1')).toBe("Kunduz;'=1+1");
    expect(defuseCell('a\t@SUM(1)')).toBe("a\t'@SUM(1)");
    expect(defuseCell('Kunduz; Faryab')).toBe('Kunduz; Faryab');
    expect(defuseCell(4)).toBe(4);
    expect(needsQuotes('a;b')).toBe(true);
    expect(needsQuotes('a\tb')).toBe(true);
    expect(needsQuotes('Kunduz')).toBe(false);
  });
});
