import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWordClasses, wordClasses, wordClassesFile, wordClassOf } from '../../electron/services/entities/tagger/wordClasses.js';

const root = path.join(import.meta.dirname, '..', '..');

describe('word classes', () => {
  it('reads the file format and refuses a malformed line rather than guessing', () => {
    const classes = parseWordClasses('# comment\nkabul\t3\t41\nherat\t3\t41\n');
    expect(classes.get('kabul')).toEqual({ coarse: 4, fine: 42 });
    expect(classes.size).toBe(2);
    expect(() => parseWordClasses('kabul\tthree\t41\n')).toThrow(/malformed line: kabul/);
  });

  it('ships the classes the shipped model was trained with', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'assets', 'models', 'names.manifest.json'), 'utf8')) as { wordClasses: { sha256: string; words: number } };
    const sha = createHash('sha256').update(fs.readFileSync(wordClassesFile())).digest('hex');
    expect(sha).toBe(manifest.wordClasses.sha256);
    expect(wordClasses().size).toBe(manifest.wordClasses.words);
  });

  it('puts words of a kind together and keeps kinds apart', () => {
    // Towns of a conflict share a fine class; companies share a coarse one; neither is the other.
    expect(wordClassOf('kandahar').fine).toBe(wordClassOf('mosul').fine);
    expect(wordClassOf('microsoft').coarse).toBe(wordClassOf('siemens').coarse);
    expect(wordClassOf('microsoft').coarse).not.toBe(wordClassOf('kandahar').coarse);
    expect(wordClassOf('ahmad').fine).not.toBe(wordClassOf('kandahar').fine);
    // A word outside the classes reads as class 0, the same for every such word.
    expect(wordClassOf('zzqxv-not-a-word')).toEqual({ coarse: 0, fine: 0 });
  });
});
