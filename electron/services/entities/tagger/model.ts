/**
 * The trained name tagger as data: tags, feature weights, tag-transition weights and the
 * calibration temperature, stored compactly (pruned, 16-bit quantised, deflated) in one file.
 *
 * File layout (all gzip-compressed): "AWBTAG2\n", u32 header length, header JSON, then per feature
 * its 32-bit hash (i32), then per feature a u16 mask of the tags it has a weight for, then every
 * present weight as an i16, feature by feature (all little-endian).
 */
import { gunzipSync, gzipSync } from 'fflate';
import type { NameMemory } from './memory.js';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-GRP', 'I-GRP'] as const;
export type Tag = (typeof TAGS)[number];
export const NAME_TYPES = ['PER', 'ORG', 'LOC', 'GRP'] as const;
export type NameType = (typeof NAME_TYPES)[number];

const MAGIC = 'AWBTAG2\n';

/** Feature hash → weight row: open addressing over typed arrays (no Map of boxed numbers). */
export class FeatureIndex {
  private keys: Int32Array;
  private rows: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 16) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keys = new Int32Array(size);
    this.rows = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  get(hash: number): number {
    let slot = (hash ^ (hash >>> 16)) & this.mask;
    for (;;) {
      const row = this.rows[slot]!;
      if (row === -1) return -1;
      if (this.keys[slot] === hash) return row;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Adds a feature with the next row number (or returns its row if present). */
  add(hash: number): number {
    if ((this.size + 1) * 2 > this.rows.length) this.grow();
    let slot = (hash ^ (hash >>> 16)) & this.mask;
    for (;;) {
      const row = this.rows[slot]!;
      if (row === -1) {
        this.keys[slot] = hash;
        this.rows[slot] = this.size;
        return this.size++;
      }
      if (this.keys[slot] === hash) return row;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Hashes in row order. */
  hashes(): Int32Array {
    const out = new Int32Array(this.size);
    for (let slot = 0; slot < this.rows.length; slot++) if (this.rows[slot] !== -1) out[this.rows[slot]!] = this.keys[slot]!;
    return out;
  }

  private grow(): void {
    const hashes = this.hashes();
    const bigger = new FeatureIndex(this.rows.length);
    for (const h of hashes) bigger.add(h);
    this.keys = bigger.keys;
    this.rows = bigger.rows;
    this.mask = bigger.mask;
  }
}

export interface TaggerModel {
  tags: readonly string[];
  /** Feature hash → row in `weights` (row × tags.length). */
  features: FeatureIndex;
  weights: Float32Array;
  /** transitions[from * T + to]; `start[to]` is the weight of a sentence opening with a tag. */
  transitions: Float32Array;
  start: Float32Array;
  /** Scores are divided by it before marginals are taken; fitted on held-out data. */
  temperature: number;
  /** A workspace model's memory of the analyst's decided names (never in the shipped file). */
  memory?: NameMemory;
}

export class TaggerModelError extends Error {}

interface Header {
  format: 1;
  tags: string[];
  scale: number;
  temperature: number;
  transitions: number[];
  start: number[];
  featureCount: number;
}

/** Serialises a model. Weights whose quantised value is 0 are dropped (that is the pruning). */
export function encodeModel(model: TaggerModel): Uint8Array {
  const T = model.tags.length;
  const names = model.features.hashes();
  let maxAbs = 0;
  for (const w of model.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs > 0 ? maxAbs / 32_767 : 1;
  const keptNames: number[] = [];
  const masks: number[] = [];
  const values: number[] = [];
  names.forEach((hash, row) => {
    let mask = 0;
    const rowValues: number[] = [];
    for (let t = 0; t < T; t++) {
      const q = Math.round(model.weights[row * T + t]! / scale);
      if (q !== 0) {
        mask |= 1 << t;
        rowValues.push(q);
      }
    }
    if (mask === 0) return;
    keptNames.push(hash);
    masks.push(mask);
    values.push(...rowValues);
  });
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const header: Header = {
    format: 1,
    tags: [...model.tags],
    scale,
    temperature: round(model.temperature),
    transitions: [...model.transitions].map(round),
    start: [...model.start].map(round),
    featureCount: keptNames.length,
  };
  const enc = new TextEncoder();
  const headerBytes = enc.encode(JSON.stringify(header));
  const size = MAGIC.length + 4 + headerBytes.length + keptNames.length * 4 + masks.length * 2 + values.length * 2;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let o = 0;
  out.set(enc.encode(MAGIC), o);
  o += MAGIC.length;
  view.setUint32(o, headerBytes.length, true);
  out.set(headerBytes, (o += 4));
  o += headerBytes.length;
  for (const hash of keptNames) {
    view.setInt32(o, hash, true);
    o += 4;
  }
  for (const m of masks) {
    view.setUint16(o, m, true);
    o += 2;
  }
  for (const v of values) {
    view.setInt16(o, v, true);
    o += 2;
  }
  // mtime 0 and a fixed level: the same model always gives the same bytes.
  return gzipSync(out, { level: 9, mtime: 0 });
}

/** Reads a model file's bytes; a damaged or foreign file gets a message that says what is wrong. */
export function decodeModel(file: Uint8Array): TaggerModel {
  if (file.length === 0) throw new TaggerModelError('the model file is empty');
  let data: Uint8Array;
  try {
    data = gunzipSync(file);
  } catch {
    throw new TaggerModelError('the model file is not a compressed tagger model (it may be damaged or truncated)');
  }
  const dec = new TextDecoder('utf-8', { fatal: true });
  if (data.length < MAGIC.length + 8 || dec.decode(data.subarray(0, MAGIC.length)) !== MAGIC) throw new TaggerModelError('the model file is not a tagger model of this version');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let o = MAGIC.length;
  const need = (bytes: number) => {
    if (o + bytes > data.length) throw new TaggerModelError('the model file is truncated');
  };
  need(4);
  const headerLength = view.getUint32(o, true);
  o += 4;
  need(headerLength);
  let header: Header;
  try {
    header = JSON.parse(dec.decode(data.subarray(o, o + headerLength))) as Header;
  } catch {
    throw new TaggerModelError('the model file header is damaged');
  }
  o += headerLength;
  const T = header.tags?.length ?? 0;
  if (header.format !== 1 || T === 0 || T > 16 || header.transitions?.length !== T * T || header.start?.length !== T || !(header.scale > 0) || !(header.temperature > 0)) {
    throw new TaggerModelError('the model file header is not valid');
  }
  const count = header.featureCount;
  if (!Number.isInteger(count) || count < 0) throw new TaggerModelError('the model file header is not valid');
  need(count * 6);
  const names = new Int32Array(count);
  for (let i = 0; i < count; i++, o += 4) names[i] = view.getInt32(o, true);
  const masks = new Uint16Array(names.length);
  for (let i = 0; i < names.length; i++, o += 2) masks[i] = view.getUint16(o, true);
  const weights = new Float32Array(names.length * T);
  for (let i = 0; i < names.length; i++) {
    for (let t = 0; t < T; t++) {
      if (!(masks[i]! & (1 << t))) continue;
      need(2);
      weights[i * T + t] = view.getInt16(o, true) * header.scale;
      o += 2;
    }
  }
  if (o !== data.length) throw new TaggerModelError('the model file has unexpected bytes at its end');
  const features = new FeatureIndex(count);
  for (const hash of names) features.add(hash);
  if (features.size !== count) throw new TaggerModelError('the model file lists a feature twice');
  return {
    tags: header.tags,
    features,
    weights,
    transitions: Float32Array.from(header.transitions),
    start: Float32Array.from(header.start),
    temperature: header.temperature,
  };
}
