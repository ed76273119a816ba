import path from 'node:path';
import type { ExchangeImportResult } from '../../contract/exports.js';
import { UserError } from '../errors.js';
import type { Workspace } from '../workspace.js';
import { importAcled } from './acledImport.js';
import { importBrat } from './bratImport.js';
import { importConll } from './conllImport.js';
import { importFtm } from './ftmImport.js';
import { importGeoJson, importKml } from './geoImport.js';
import { importStix } from './stixImport.js';
import { importW3c } from './w3cImport.js';

export type ExchangeKind = ExchangeImportResult['kind'];

const CONLL_TAG = /^(O|_|[BIESLU][-_]\S+)$/;

/**
 * Tells exchange formats apart by content (the name only settles brat's .ann and CoNLL's
 * extensions); null for anything else, which is then an article.
 */
export function detectExchange(text: string, name = ''): ExchangeKind | null {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  const ext = path.extname(name).toLowerCase();
  if (head.startsWith('{') || head.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(head);
    } catch {
      // JSON lines: FollowTheMoney writes one entity a line. A damaged STIX bundle is still named
      // as one, so its import says what is wrong with it rather than that it is unknown.
      if (isFtmRecord(firstJsonLine(head))) return 'ftm';
      return /^\{\s*"type"\s*:\s*"bundle"/.test(head) ? 'stix' : null;
    }
    const first = (Array.isArray(json) ? json[0] : json) as Record<string, unknown> | undefined;
    if (!first || typeof first !== 'object') return null;
    const type = first.type;
    if (type === 'bundle') return 'stix';
    if (typeof first.spec_version === 'string' && typeof first.id === 'string' && /^[a-z][a-z0-9-]*--/.test(first.id)) return 'stix';
    if (isFtmRecord(first)) return 'ftm';
    if (type === 'AnnotationCollection' || type === 'Annotation' || type === 'AnnotationPage') return 'w3c';
    // hypothes.is's search API: {"total": n, "rows": [{uri, target, tags, …}]}
    if (Array.isArray(first.rows) && (first.rows as Record<string, unknown>[]).every((r) => r && typeof r === 'object' && 'target' in r)) return 'w3c';
    if (type === 'FeatureCollection' || type === 'Feature') return 'geojson';
    return null;
  }
  if (head.startsWith('<') && /<kml[\s>]/i.test(head.slice(0, 4096))) return 'kml';
  const lines = head.split(/\r?\n/, 200).filter((l) => l.trim());
  const firstLine = (lines[0] ?? '').toLowerCase();
  if (firstLine.includes('event_date') && firstLine.includes('sub_event_type') && firstLine.includes('actor1')) return 'acled';
  if (ext === '.ann' || (lines.length > 0 && lines.every((l) => /^(T\d+\t\S+ \d+ \d+|[RENAM*]\d*\t|#\d*\t)/.test(l)))) return 'brat';
  if (lines[0]?.startsWith('-DOCSTART-')) return 'conll';
  const tagged = lines.filter((l) => !l.startsWith('#')).map((l) => l.trim().split(/\s+/));
  const looksTagged = tagged.length >= 3 && tagged.every((c) => c.length >= 2 && CONLL_TAG.test(c.at(-1)!)) && tagged.some((c) => c.at(-1) !== 'O');
  if (looksTagged || (['.conll', '.conllu', '.iob', '.bio'].includes(ext) && tagged.length > 0)) return 'conll';
  return null;
}

function firstJsonLine(text: string): unknown {
  try {
    return JSON.parse(text.split(/\r?\n/, 1)[0] ?? '');
  } catch {
    return null;
  }
}

const isFtmRecord = (v: unknown): boolean => {
  const r = v as Record<string, unknown> | null;
  return !!r && typeof r === 'object' && typeof r.schema === 'string' && typeof r.id === 'string' && typeof r.properties === 'object' && r.properties !== null;
};

/** The files an exchange file needs beside it, by name: a brat .ann's .txt. */
export function companionNames(name: string): string[] {
  return /\.ann$/i.test(name) ? [name.replace(/\.ann$/i, '.txt')] : [];
}

export function importExchange(ws: Workspace, kind: ExchangeKind, text: string, name = '', companions: { name: string; text: string }[] = []): ExchangeImportResult {
  const body = text.replace(/^\uFEFF/, '');
  const json = () => {
    try {
      return JSON.parse(body) as unknown;
    } catch (error) {
      throw new UserError('bad_json', `${name || 'This file'} is not valid JSON: ${(error as Error).message}`);
    }
  };
  switch (kind) {
    case 'w3c':
      return importW3c(ws, json());
    case 'geojson':
      return importGeoJson(ws, json());
    case 'kml':
      return importKml(ws, body);
    case 'brat':
      return importBrat(ws, name || 'annotations.ann', body, companions.map((c) => ({ name: c.name, text: c.text.replace(/^\uFEFF/, '') })));
    case 'conll':
      return importConll(ws, name || 'tokens.conll', body);
    case 'acled':
      return importAcled(ws, body);
    case 'stix':
      return importStix(ws, json());
    case 'ftm':
      return importFtm(ws, body, name || 'entities.ftm.json');
  }
}
