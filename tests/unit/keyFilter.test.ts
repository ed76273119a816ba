import { describe, expect, it } from 'vitest';
import { KeyFilter } from '../../electron/services/gazetteer/keyFilter.js';

describe('the gazetteer’s key filter', () => {
  const names = Array.from({ length: 20_000 }, (_, i) => `place ${i} ${(i * 7919) % 1000}`);
  const filter = KeyFilter.of(names, names.length);

  it('lets every key it holds through, whatever its script', () => {
    const scripts = ['kunduz', 'mazar i sharif', 'کندز', 'кундуз', '𝐊unduz', ''];
    const withScripts = KeyFilter.of(scripts, scripts.length);
    for (const key of scripts) expect(withScripts.mightHold(key), key).toBe(true);
    expect(names.every((key) => filter.mightHold(key))).toBe(true);
  });

  it('turns away nearly every key it does not hold', () => {
    const others = Array.from({ length: 20_000 }, (_, i) => `no place ${i}`);
    const through = others.filter((key) => filter.mightHold(key)).length;
    // Sized at 16 bits a key with six probes: about one in two thousand gets through.
    expect(through).toBeLessThan(40);
  });
});
