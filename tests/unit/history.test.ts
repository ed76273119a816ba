import { describe, expect, it } from 'vitest';
import { commandHash, rowDigest } from '../../db/history.js';
import { COMMANDS, inputDetail } from '../../electron/commands.js';
import { contract } from '../../electron/contract/index.js';

describe('the audit trail’s links', () => {
  const command = { id: 7, at: '2026-11-29T14:00:00.000Z', user: 'analyst', name: 'mentions.review', kind: 'do' as const, reverts: null, digest: 'a'.repeat(64) };
  const row = { id: 3, command_id: 7, tbl: 'mention', op: 'update' as const, old: '{"status":"suggested"}', new: '{"status":"rejected"}' };

  it('changes when anything it covers changes', () => {
    const base = commandHash('0'.repeat(64), command, [rowDigest(row)]);
    expect(commandHash('0'.repeat(64), command, [rowDigest(row)])).toBe(base);
    expect(commandHash('1'.repeat(64), command, [rowDigest(row)])).not.toBe(base);
    for (const change of [{ user: 'someone else' }, { at: '2026-11-30T14:00:00.000Z' }, { kind: 'undo' as const }, { reverts: 6 }, { digest: 'b'.repeat(64) }]) {
      expect(commandHash('0'.repeat(64), { ...command, ...change }, [rowDigest(row)])).not.toBe(base);
    }
    expect(commandHash('0'.repeat(64), command, [rowDigest({ ...row, new: '{"status":"accepted"}' })])).not.toBe(base);
    expect(commandHash('0'.repeat(64), command, [])).not.toBe(base);
  });
});

describe('the command table', () => {
  it('classifies every call of the contract', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual(Object.keys(contract).sort());
  });

  it('keeps ids and choices of an input and shortens long text and lists', () => {
    const detail = inputDetail({ id: 4, text: 'x'.repeat(1000), ids: Array.from({ length: 60 }, (_, i) => i) }) as { id: number; text: string; ids: unknown[] };
    expect(detail.id).toBe(4);
    expect(detail.text).toBe(`${'x'.repeat(200)}… (1000 characters)`);
    expect(detail.ids).toHaveLength(51);
    expect(detail.ids.at(-1)).toBe('… 10 more');
  });
});
