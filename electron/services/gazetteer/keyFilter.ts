/**
 * A Bloom filter of the gazetteer's name keys: it says for certain that a key is no place's name,
 * and rarely (about one key in two thousand) lets one through that is not. Reading news, the
 * tagger asks the gazetteer about every run of capitalised words and most are no place; each such
 * question was an SQLite query, a sixth of reading a news article. The filter answers them in
 * memory: two megabytes for the 724,000 names, against tens of megabytes for a set of their
 * 460,000 keys.
 */
const PROBES = 6;
/** Bits per key, rounded up to a power of two in all. */
const BITS_PER_KEY = 16;

export class KeyFilter {
  private constructor(
    private readonly bits: Uint32Array,
    private readonly mask: number,
  ) {}

  /** A filter of `keys` (`count` of them, to size it). */
  static of(keys: Iterable<string>, count: number): KeyFilter {
    let size = 1 << 10;
    while (size < count * BITS_PER_KEY) size *= 2;
    const filter = new KeyFilter(new Uint32Array(size / 32), size - 1);
    for (const key of keys) filter.add(key);
    return filter;
  }

  mightHold(key: string): boolean {
    const [first, step] = hashes(key);
    for (let i = 0, h = first; i < PROBES; i++, h = (h + step) | 0) {
      const bit = h & this.mask;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  private add(key: string): void {
    const [first, step] = hashes(key);
    for (let i = 0, h = first; i < PROBES; i++, h = (h + step) | 0) {
      const bit = h & this.mask;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }
}

/** Two independent 32-bit hashes of a key (FNV-1a, and a multiplicative one made odd), for double hashing. */
function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return [a, b | 1];
}
