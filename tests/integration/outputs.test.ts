import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ExportFormat, ReportFormat } from '../../electron/contract/index.js';
import { Core } from '../../electron/dispatch.js';
import { gazetteerFile } from '../../electron/paths.js';
import { BRAT_MANIFEST } from '../../electron/services/output.js';
import { saveReport } from '../../electron/services/reports/index.js';
import { chromiumPrinter, findChromium, withScratch, type PagePrinter } from '../../electron/services/reports/pdf.js';
import { ReportSpec } from '../../electron/contract/reports.js';
import { codedWorkspace } from './coded.js';
import { repoRoot, tempDir } from './helpers.js';

/**
 * How every output is written (issue 14, items 1–3): an existing folder is never replaced or
 * emptied, a replaced file is swapped whole by a rename, a failed write leaves nothing, and no
 * working copy lands in the shared temp folder.
 */
let w: Awaited<ReturnType<typeof codedWorkspace>>;
beforeAll(async () => {
  w = await codedWorkspace();
}, 90_000);
afterAll(() => w.core.close());
afterEach(() => vi.restoreAllMocks());

const FILE_EXPORTS: [ExportFormat, string][] = [
  ['csv', 'events.csv'],
  ['xlsx', 'events.xlsx'],
  ['geojson', 'all.geojson'],
  ['kml', 'all.kml'],
  ['acled', 'acled.csv'],
  ['w3c', 'annotations.jsonld'],
  ['conll', 'sample.conll'],
  ['ftm', 'entities.ftm.json'],
  ['stix', 'bundle.stix.json'],
  ['gexf', 'graph.gexf'],
  ['archive', 'whole.awbz'],
];
const REPORTS: ReportFormat[] = ['md', 'html', 'docx', 'pdf'];
const spec = ReportSpec.parse({ title: 'Northern offensive', handling: 'TLP:AMBER' });
/** Stands in for Chromium: writes a small PDF and leaves a browser-profile-like tree in its working folder. */
const fakePrinter: PagePrinter = async (html, target, workDir) => {
  fs.mkdirSync(path.join(workDir, 'profile', 'Default', 'Cache'), { recursive: true });
  fs.writeFileSync(path.join(workDir, 'profile', 'Default', 'Cache', 'data_0'), html);
  fs.writeFileSync(target, `%PDF-1.4 ${html.length}`);
};
const report = (format: ReportFormat, file: string, overwrite = false, printer: PagePrinter = fakePrinter) =>
  saveReport(w.core.session.current, { ...spec, mapImage: null }, format, file, overwrite, withScratch(w.core.scratch, printer));
const exportTo = (format: ExportFormat, file: string, overwrite = false) => w.call('exports.run', { format, path: file, overwrite });

/** A folder the analyst keeps notes in. */
function caseFolder(dir: string, name: string): string {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'Source met on 3 June; do not share.');
  return folder;
}
const entries = (dir: string) => fs.readdirSync(dir).sort();

describe.each([
  ...FILE_EXPORTS.map(([format, name]) => ({ kind: `export ${format}`, name, write: (file: string, overwrite = false) => exportTo(format, file, overwrite) })),
  ...REPORTS.map((format) => ({ kind: `report ${format}`, name: `report.${format}`, write: (file: string, overwrite = false) => report(format, file, overwrite) })),
])('$kind', ({ name, write }) => {
  it('refuses a folder as its target and leaves the folder and its notes alone, even when replacing is allowed', async () => {
    const dir = tempDir('awb-out-');
    const folder = caseFolder(dir, name);
    await expect(write(folder, true)).rejects.toThrow(/is a folder: give a file name/);
    expect(entries(folder)).toEqual(['notes.txt']);
    expect(entries(dir)).toEqual([name]);
  });

  it('replaces an existing file whole (a new file renamed over it) only when asked', async () => {
    const dir = tempDir('awb-out-');
    const target = path.join(dir, name);
    fs.writeFileSync(target, 'the previous version');
    await expect(write(target)).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(target, 'utf8')).toBe('the previous version');
    const before = fs.statSync(target).ino;
    // A reader that had the old file open still reads all of it: the old file was not rewritten in place.
    const reader = fs.openSync(target, 'r');
    try {
      await write(target, true);
      const old = Buffer.alloc(64);
      expect(old.subarray(0, fs.readSync(reader, old, 0, 64, 0)).toString()).toBe('the previous version');
    } finally {
      fs.closeSync(reader);
    }
    expect(fs.statSync(target).ino).not.toBe(before);
    expect(fs.readFileSync(target, 'utf8')).not.toBe('the previous version');
    expect(entries(dir)).toEqual([name]);
  });

  it('leaves nothing behind when writing fails, and an existing file as it was', async () => {
    const dir = tempDir('awb-out-');
    const target = path.join(dir, name);
    // The failure comes after the whole temporary file is written, at its flush to disk.
    vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    await expect(write(target)).rejects.toThrow(/no space left/);
    expect(entries(dir)).toEqual([]);
    fs.writeFileSync(target, 'the previous version');
    await expect(write(target, true)).rejects.toThrow(/no space left/);
    expect(entries(dir)).toEqual([name]);
    expect(fs.readFileSync(target, 'utf8')).toBe('the previous version');
  });
});

describe('the save path', () => {
  it('is refused, not created, when its folder does not exist', async () => {
    const dir = tempDir('awb-out-');
    const missing = path.join(dir, 'typo', 'deeper');
    await expect(exportTo('csv', path.join(missing, 'events.csv'))).rejects.toThrow(`The folder ${missing} does not exist: create it first or choose another.`);
    await expect(report('md', path.join(missing, 'report.md'))).rejects.toThrow(/does not exist: create it first/);
    await expect(exportTo('brat', path.join(missing, 'brat'))).rejects.toThrow(/does not exist: create it first/);
    expect(entries(dir)).toEqual([]);
    fs.writeFileSync(path.join(dir, 'a-file'), 'x');
    await expect(exportTo('csv', path.join(dir, 'a-file', 'events.csv'))).rejects.toThrow(/is a file, not a folder/);
  });

  it('proposes a file in the documents folder by default, never a folder that has to be made', async () => {
    const { path: proposed } = await w.call('exports.defaultPath', { format: 'kml' });
    expect(fs.statSync(path.dirname(proposed)).isDirectory()).toBe(true);
    const { path: report } = await w.call('reports.defaultPath', { format: 'pdf' });
    expect(fs.statSync(path.dirname(report)).isDirectory()).toBe(true);
  });
});

describe('a brat export (a folder)', () => {
  const brat = (folder: string, overwrite = false) => exportTo('brat', folder, overwrite);

  it('goes into a new folder, with our manifest listing what it wrote', async () => {
    const dir = tempDir('awb-out-');
    const result = await brat(path.join(dir, 'brat'));
    const manifest = JSON.parse(fs.readFileSync(path.join(result.path, BRAT_MANIFEST), 'utf8')) as { files: string[] };
    expect(manifest.files.sort()).toEqual(entries(result.path).filter((f) => f !== BRAT_MANIFEST));
    expect(manifest.files).toContain('annotation.conf');
    expect(entries(dir)).toEqual(['brat']);
  });

  it('never writes into, replaces or empties a folder it did not make', async () => {
    const dir = tempDir('awb-out-');
    const folder = caseFolder(dir, 'case-kunduz');
    await expect(brat(folder, true)).rejects.toThrow(/a folder this app did not make .* Nothing in it was touched/);
    expect(entries(folder)).toEqual(['notes.txt']);
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    await expect(brat(path.join(dir, 'file'), true)).rejects.toThrow(/is a file: a brat export writes a folder/);
  });

  it('replaces in its own folder only the files its manifest lists, keeping the analyst’s notes', async () => {
    const dir = tempDir('awb-out-');
    const folder = path.join(dir, 'brat');
    await brat(folder);
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'my notes');
    // A file an earlier export listed and this one no longer writes goes; one it never listed stays.
    fs.writeFileSync(path.join(folder, '999.ann'), 'T1\tPerson 0 3\told');
    fs.writeFileSync(path.join(folder, '998.ann'), 'the analyst’s own file');
    const manifestFile = path.join(folder, BRAT_MANIFEST);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: string[] };
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, files: [...manifest.files, '999.ann', '../outside.txt'] }));
    fs.writeFileSync(path.join(dir, 'outside.txt'), 'beside the folder');
    await expect(brat(folder)).rejects.toThrow(/already holds a brat export/);
    const ann = path.join(folder, `${w.articleId}.ann`);
    const before = fs.statSync(ann).ino;
    await brat(folder, true);
    expect(fs.statSync(ann).ino).not.toBe(before);
    expect(fs.readFileSync(path.join(folder, 'notes.txt'), 'utf8')).toBe('my notes');
    expect(fs.existsSync(path.join(folder, '999.ann'))).toBe(false);
    expect(fs.readFileSync(path.join(folder, '998.ann'), 'utf8')).toBe('the analyst’s own file');
    expect(fs.readFileSync(path.join(dir, 'outside.txt'), 'utf8')).toBe('beside the folder');
    expect(entries(folder).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('leaves nothing behind when writing a new folder fails', async () => {
    const dir = tempDir('awb-out-');
    const write = fs.writeFileSync;
    vi.spyOn(fs, 'writeFileSync').mockImplementation((file, ...rest) => {
      if (String(file).endsWith('.ann')) throw new Error('EIO: i/o error');
      return write(file, ...rest);
    });
    await expect(brat(path.join(dir, 'brat'))).rejects.toThrow(/i\/o error/);
    expect(entries(dir)).toEqual([]);
  });
});

describe('working files', () => {
  it('the archive’s database copy is made beside the target, not in the shared temp folder, and removed', async () => {
    const dir = tempDir('awb-out-');
    const target = path.join(dir, 'whole.awbz');
    // What a run killed half-way left beside the same target.
    fs.writeFileSync(path.join(dir, '.whole.awbz.0badc0de.awb-partial.db'), 'half a database');
    const exec = vi.spyOn(w.core.session.current.db, 'exec');
    await exportTo('archive', target);
    const vacuum = exec.mock.calls.map(([sql]) => sql).find((sql) => sql.startsWith('VACUUM INTO'))!;
    expect(path.dirname(/VACUUM INTO '(.*)'/.exec(vacuum)![1]!)).toBe(dir);
    expect(entries(dir)).toEqual(['whole.awbz']);
  });

  it('a PDF is printed from a private folder (mode 0700, under the data folder) that is emptied after the job, even a failed one', async () => {
    const seen: string[] = [];
    const spy: PagePrinter = async (html, target, workDir) => {
      seen.push(workDir);
      expect(path.dirname(workDir)).toBe(w.core.scratch.root);
      expect(w.core.scratch.root.startsWith(w.dir)).toBe(true);
      expect(fs.statSync(w.core.scratch.root).mode & 0o777).toBe(0o700);
      expect(fs.statSync(workDir).mode & 0o777).toBe(0o700);
      await fakePrinter(html, target, workDir);
    };
    const dir = tempDir('awb-out-');
    await report('pdf', path.join(dir, 'report.pdf'), false, spy);
    await expect(
      report('pdf', path.join(dir, 'failed.pdf'), false, async (html, target, workDir) => {
        await fakePrinter(html, target, workDir);
        throw new Error('the printer crashed');
      }),
    ).rejects.toThrow('the printer crashed');
    expect(seen).toHaveLength(1);
    expect(fs.readdirSync(w.core.scratch.root)).toEqual([]);
    expect(entries(dir)).toEqual(['report.pdf']);
  });

  it('what a killed run left in the private folder is removed when the app starts; a live job’s folder is not', () => {
    const dataDir = tempDir('awb-data-');
    const root = path.join(dataDir, 'tmp');
    const dead = path.join(root, 'job-999999999-abc123', 'profile', 'Default');
    fs.mkdirSync(dead, { recursive: true });
    fs.writeFileSync(path.join(dead, 'report.html'), '<p>a copy of the report</p>');
    fs.writeFileSync(path.join(root, 'report.pdf'), '%PDF-');
    // A link out of the private folder is removed as a link: what it points at is kept.
    const outside = tempDir('awb-outside-');
    fs.writeFileSync(path.join(outside, 'keep.txt'), 'keep');
    fs.symlinkSync(outside, path.join(root, 'job-999999998-def456'));
    const live = path.join(root, `job-${process.ppid}-abcdef`);
    fs.mkdirSync(live);
    const core = new Core({ dataDir, gazetteerFile: gazetteerFile(repoRoot), sampleDir: path.join(repoRoot, 'assets/samples'), mode: 'browser', version: 'test', suggestOnImport: false });
    try {
      expect(fs.readdirSync(root)).toEqual([path.basename(live)]);
      expect(fs.readFileSync(path.join(outside, 'keep.txt'), 'utf8')).toBe('keep');
    } finally {
      core.close();
    }
  });

  it.skipIf(!findChromium())('real PDF, archive, XLSX and Word jobs leave nothing in the shared temp folder or the private one', async () => {
    const shared = tempDir('awb-shared-tmp-');
    const dir = tempDir('awb-out-');
    const before = process.env.TMPDIR;
    process.env.TMPDIR = shared;
    try {
      await report('pdf', path.join(dir, 'report.pdf'), false, chromiumPrinter);
      expect(fs.readFileSync(path.join(dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      await exportTo('archive', path.join(dir, 'whole.awbz'));
      await exportTo('xlsx', path.join(dir, 'events.xlsx'));
      await report('docx', path.join(dir, 'report.docx'));
      expect(fs.readdirSync(shared)).toEqual([]);
      expect(fs.readdirSync(w.core.scratch.root)).toEqual([]);
      expect(entries(dir)).toEqual(['events.xlsx', 'report.docx', 'report.pdf', 'whole.awbz']);
    } finally {
      process.env.TMPDIR = before;
    }
  }, 60_000);
});
