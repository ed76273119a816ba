import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../electron/contract/index.js';
import { grantsFromResult, PATH_CALLS, PathGrants, pathsNeeded } from '../../electron/pathGrants.js';

const report = '/home/analyst/Documents/Kunduz report.pdf';

describe('desktop path grants', () => {
  it('names the paths each path-taking call would touch, with the grant each needs', () => {
    expect(pathsNeeded('reports.save', { spec: {}, format: 'pdf', path: report })).toEqual({ ok: true, uses: [{ kind: 'save', path: report }] });
    expect(pathsNeeded('workspace.restoreArchive', { archive: '/tmp/a.awbz', target: '/tmp/b.awb' })).toEqual({
      ok: true,
      uses: [
        { kind: 'archive', path: '/tmp/a.awbz' },
        { kind: 'workspace.create', path: '/tmp/b.awb' },
      ],
    });
    expect(pathsNeeded('articles.stats', {})).toEqual({ ok: true, uses: [] });
    expect(pathsNeeded('exports.run', null)).toEqual({ ok: true, uses: [] });
    expect(pathsNeeded('imports.start', { source: { kind: 'files', files: [] } })).toEqual({ ok: true, uses: [] });
    expect(pathsNeeded('imports.start', { source: { kind: 'paths', paths: ['/home/analyst/.ssh'] } })).toMatchObject({ ok: false, message: expect.stringMatching(/pick or drop/) });
    expect(pathsNeeded('__proto__', { path: '/etc/passwd' })).toEqual({ ok: true, uses: [] });
  });

  it('lets a dialog answer be used once, by a call of its own kind only', () => {
    const grants = new PathGrants();
    const save = [{ kind: 'save' as const, path: report }];
    expect(grants.check(save)).toMatchObject({ ok: false, message: expect.stringMatching(/Choose…/) });
    grants.grant('save', report);
    expect(grants.check([{ kind: 'workspace.create', path: report }]).ok).toBe(false);
    expect(grants.check([{ kind: 'save', path: '/home/analyst/.bashrc' }]).ok).toBe(false);
    expect(grants.check(save).ok).toBe(true);
    // A failed call (the file exists) keeps the grant for the retry; a successful one spends it.
    expect(grants.check(save).ok).toBe(true);
    grants.consume(save);
    expect(grants.check(save).ok).toBe(false);
  });

  it('compares normalised paths, so a dotted variant of a granted path is the same path and nothing else is', () => {
    const grants = new PathGrants();
    grants.grant('save', '/home/analyst/Documents/out.csv');
    expect(grants.check([{ kind: 'save', path: '/home/analyst/./Documents/out.csv' }]).ok).toBe(true);
    expect(grants.check([{ kind: 'save', path: '/home/analyst/Documents/../.bashrc' }]).ok).toBe(false);
  });

  it('needs every path of a call granted', () => {
    const grants = new PathGrants();
    grants.grant('archive', '/tmp/a.awbz');
    const uses = pathsNeeded('workspace.restoreArchive', { archive: '/tmp/a.awbz', target: '/tmp/b.awb' });
    expect(uses.ok && grants.check(uses.uses)).toMatchObject({ ok: false, message: expect.stringContaining('/tmp/b.awb') });
    grants.grant('workspace.create', '/tmp/b.awb');
    expect(uses.ok && grants.check(uses.uses)).toEqual({ ok: true });
  });

  it('lets grants lapse, and keeps only the latest few', () => {
    let now = 0;
    const grants = new PathGrants(() => now, 1000, 3);
    grants.grant('save', '/a');
    now = 1001;
    expect(grants.check([{ kind: 'save', path: '/a' }]).ok).toBe(false);
    for (const p of ['/1', '/2', '/3', '/4']) grants.grant('save', p);
    expect(grants.check([{ kind: 'save', path: '/1' }]).ok).toBe(false);
    expect(grants.check([{ kind: 'save', path: '/4' }]).ok).toBe(true);
  });

  it('grants the paths the core proposed (once) and the recent workspaces it lists (reusable)', () => {
    expect(grantsFromResult('exports.defaultPath', { path: '/docs/events.csv' })).toEqual({ uses: [{ kind: 'save', path: '/docs/events.csv' }], reusable: false });
    expect(grantsFromResult('workspace.current', { path: '/w/a.awb', recent: ['/w/a.awb', '/w/b.awb'] })).toEqual({
      uses: [
        { kind: 'workspace.open', path: '/w/a.awb' },
        { kind: 'workspace.open', path: '/w/b.awb' },
      ],
      reusable: true,
    });
    expect(grantsFromResult('articles.get', { path: '/x', recent: ['/y'] })).toEqual({ uses: [], reusable: false });
    const grants = new PathGrants();
    grants.grant('workspace.open', '/w/b.awb', true);
    grants.consume([{ kind: 'workspace.open', path: '/w/b.awb' }]);
    expect(grants.check([{ kind: 'workspace.open', path: '/w/b.awb' }]).ok).toBe(true);
  });

  it('covers every call in the contract whose input names a file or folder', () => {
    const PATH_FIELDS = /^(path|paths|archive|target|file|folder|dir|directory)$/i;
    const fieldsOf = (schema: unknown, found = new Set<string>()): Set<string> => {
      if (Array.isArray(schema)) schema.forEach((s) => fieldsOf(s, found));
      else if (schema && typeof schema === 'object') {
        for (const [key, value] of Object.entries(schema)) {
          if (key === 'properties' && value && typeof value === 'object') {
            // A string (or list of strings) under a path-like name; `target` is also an article selection.
            for (const [k, v] of Object.entries(value as Record<string, { type?: string; items?: { type?: string } }>)) {
              if (PATH_FIELDS.test(k) && (v.type === 'string' || v.items?.type === 'string')) found.add(k);
            }
          }
          fieldsOf(value, found);
        }
      }
      return found;
    };
    const uncovered = Object.entries(contract)
      .filter(([name, c]) => fieldsOf(z.toJSONSchema(c.input as z.ZodType, { io: 'input', unrepresentable: 'any' })).size > 0 && !Object.hasOwn(PATH_CALLS, name) && name !== 'imports.start')
      .map(([name]) => name);
    expect(uncovered).toEqual([]);
  });
});
