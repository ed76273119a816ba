import path from 'node:path';
import { RELATION_TYPES, RelationInput } from '../../contract/relations.js';
import type { ExchangeImportResult } from '../../contract/exports.js';
import { plainIssue, plainIssues } from '../../contract/plainErrors.js';
import { writeTransaction } from '../../../db/open.js';
import { UserError } from '../errors.js';
import type { Workspace } from '../workspace.js';
import { ownIds, uuidIn } from './ids.js';
import { anchor, applyEntityDetails, importReport, nameTypeOf, verbatimArticle, type EntityDetails } from './importCommon.js';
import { fromCodePoints } from './offsets.js';

interface TextBound {
  id: string;
  type: string;
  start: number;
  end: number;
  text: string;
  line: number;
}

/**
 * brat standoff: an .ann file with the .txt it annotates. The .txt becomes the article exactly as it
 * is (not cleaned as an imported page is), so the .ann's offsets, and anyone else's, stay valid.
 * T lines become accepted names (types in any case and common synonyms: Person/PER, Organization/ORG,
 * Location/LOC/GPE…), N lines link them (Wikidata, GeoNames, our own entity ids), AnnotatorNotes
 * become the entity's notes, R lines become relations. Events (E lines) are reported, not guessed.
 */
export function importBrat(ws: Workspace, annName: string, ann: string, companions: { name: string; text: string }[]): ExchangeImportResult {
  const base = path.basename(annName).replace(/\.ann$/i, '');
  const txt = companions.find((c) => path.basename(c.name) === `${base}.txt`);
  if (!txt) throw new UserError('missing_text', `${annName} is a brat annotation file: choose ${base}.txt together with it (brat's offsets point into that text).`);
  const { result, note, skip } = importReport('brat');
  const bounds = new Map<string, TextBound>();
  const refs = new Map<string, EntityDetails & { own?: number; name?: string }>();
  const relations: { id: string; type: string; a: string; b: string; line: number }[] = [];
  let events = 0;
  const ownEntities = ownIds(ws.db, 'entity');
  const toUtf16 = fromCodePoints(txt.text);

  ann.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const [id = '', middle = '', tail = ''] = raw.split('\t');
    if (id.startsWith('T')) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(middle);
      if (!m) return skip(`Line ${line}: “${raw.slice(0, 80)}” is not a brat text-bound annotation.`);
      const fragments = m[2]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      const start = toUtf16(fragments[0]![0]);
      const end = toUtf16(fragments.at(-1)![1]);
      if (start === null || end === null || end <= start) return skip(`Line ${line}: ${id}'s offsets ${m[2]} are outside ${base}.txt.`);
      // Our own export splits a name that crosses a line break into fragments; the gap between them is that break.
      const gaps = fragments.slice(1).map((f, k) => txt.text.slice(toUtf16(fragments[k]![1]) ?? 0, toUtf16(f[0]) ?? 0));
      if (gaps.some((g) => /\S/.test(g))) return skip(`Line ${line}: ${id} is in pieces with words between them; a name here is one span.`);
      bounds.set(id, { id, type: m[1]!, start, end, text: tail, line });
    } else if (id.startsWith('N')) {
      const m = /^Reference (T\d+) ([^:\s]+):(\S+)$/.exec(middle);
      if (!m) return note(`Line ${line}: normalisation “${middle}” not read.`);
      const entry = refs.get(m[1]!) ?? {};
      const [, , db, key] = m;
      if (/^wikidata$/i.test(db!)) entry.wikidata = /^Q\d+$/.test(key!) ? key! : null;
      else if (/^geonames$/i.test(db!)) entry.geonamesId = /^\d+$/.test(key!) ? Number(key) : null;
      else if (db === 'AWB') {
        entry.own = ownEntities.get(uuidIn(key) ?? '');
        if (tail.trim()) entry.name = tail.trim();
      } else note(`Line ${line}: the ${db} reference ${key} is not kept (only Wikidata, GeoNames and our own ids are).`);
      refs.set(m[1]!, entry);
    } else if (id.startsWith('#')) {
      const m = /^AnnotatorNotes (T\d+)$/.exec(middle);
      if (m && tail.trim()) refs.set(m[1]!, { ...refs.get(m[1]!), notes: tail.trim() });
    } else if (id.startsWith('R')) {
      const m = /^(\S+) Arg1:(T\d+) Arg2:(T\d+)$/.exec(middle);
      if (m) relations.push({ id, type: m[1]!, a: m[2]!, b: m[3]!, line });
      else skip(`Line ${line}: relation “${middle}” not read.`);
    } else if (id.startsWith('E')) {
      events++;
    } else if (!/^[AM*]/.test(id)) skip(`Line ${line}: “${raw.slice(0, 80)}” is not a brat annotation line.`);
  });
  // Event triggers were dropped from the names above (an "Attack" trigger is not a name).
  const triggers = new Set(ann.split(/\r?\n/).filter((l) => l.startsWith('E')).map((l) => /\t[^:]+:(T\d+)/.exec(l)?.[1]));
  for (const t of triggers) if (t) bounds.delete(t);
  if (events) note(`${events} event${events === 1 ? '' : 's'} (E lines) not imported: an event needs a date, actors and a place coded here.`);

  writeTransaction(ws.db, () => {
    const article = verbatimArticle(ws, txt.text, path.basename(txt.name), base);
    if (article.created) note(`${base}.txt is a new article, kept exactly as written.`);
    const sameText = article.body === txt.text;
    const entityOf = new Map<string, number>();
    for (const t of bounds.values()) {
      const type = nameTypeOf(t.type);
      if (!type) {
        skip(`Line ${t.line}: ${t.id} is a “${t.type}”, which is not a person, organisation, place, group or date.`);
        continue;
      }
      let { start, end } = t;
      if (!sameText) {
        // The same story is here with other spacing or punctuation: found again by its words and their context.
        const found = anchor(article.body, txt.text.slice(start, end), txt.text.slice(Math.max(0, start - 32), start), txt.text.slice(end, end + 32), null);
        if (found === null) {
          skip(`Line ${t.line}: “${txt.text.slice(start, end)}” is not in the version of this article already here.`);
          continue;
        }
        [start, end] = [found, found + (end - start)];
      }
      const ref = refs.get(t.id) ?? {};
      const quote = article.body.slice(start, end);
      const entity = type === 'date' ? null : { type, name: ref.name ?? quote.replace(/\s+/g, ' ').trim(), place: type === 'place' ? placeLink(ws, ref.geonamesId ?? null) : null, ...(ref.own ? { id: ref.own } : {}) };
      const outcome = ws.entities.importMention(article.id, start, end, type, entity, null);
      if (outcome === 'overlap') {
        skip(`Line ${t.line}: “${quote.slice(0, 60)}” overlaps an annotation already decided here, which was kept.`);
        continue;
      }
      if (outcome === 'created') result.created++;
      else result.matched++;
      const entityId = ws.db.prepare("SELECT entity_id FROM mention WHERE article_id = ? AND start = ? AND end = ? AND status = 'accepted'").pluck().get(article.id, start, end) as number | null;
      if (entityId) {
        entityOf.set(t.id, entityId);
        applyEntityDetails(ws, entityId, ref);
      }
    }
    for (const r of relations) {
      const from = entityOf.get(r.a);
      const to = entityOf.get(r.b);
      if (!from || !to || from === to) {
        skip(`Line ${r.line}: relation ${r.id} joins names that were not imported.`);
        continue;
      }
      const words = r.type.replace(/_/g, ' ');
      const known = RELATION_TYPES.find((t) => t !== 'custom' && t.toLowerCase() === words.toLowerCase());
      const input = RelationInput.safeParse({ sourceId: from, targetId: to, type: known ?? 'custom', label: known ? null : words, startDate: null, endDate: null, notes: null }, { error: plainIssue });
      if (!input.success) {
        skip(`Line ${r.line}: ${plainIssues(input.error.issues).replace(/\n/g, '; ')}`);
        continue;
      }
      const same = ws.db.prepare('SELECT id FROM relation WHERE source_id = ? AND target_id = ? AND type = ? AND label IS ?').pluck().get(from, to, input.data.type, input.data.label);
      if (same) result.matched++;
      else {
        ws.relations.create(input.data, []);
        result.created++;
      }
    }
  });
  return result;
}

function placeLink(ws: Workspace, geonamesId: number | null) {
  if (!geonamesId) return null;
  try {
    return ws.entities.placeLink({ gazetteerId: geonamesId });
  } catch {
    return null;
  }
}
