import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codedWorkspace } from './coded.js';
import { fixtures, tempDir } from './helpers.js';

/**
 * Every object of a full STIX export checked against OASIS's own STIX 2.1 JSON schemas (draft
 * 2020-12), vendored in tests/fixtures/stix2-schemas with their licence and source commit: what
 * a partner's platform (OpenCTI, MISP, the stix2 library) checks on import, checked here first.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bundle is read as loose JSON, as another tool would
type Loose = Record<string, any>;
const SCHEMAS = path.join(fixtures, 'stix2-schemas', 'schemas');
/** The schema of each object type the export writes (STIX 2.1 sections 4–7). */
const SCHEMA_OF: Record<string, string> = {
  identity: 'sdos/identity.json',
  'threat-actor': 'sdos/threat-actor.json',
  location: 'sdos/location.json',
  report: 'sdos/report.json',
  note: 'sdos/note.json',
  relationship: 'sros/relationship.json',
  'marking-definition': 'common/marking-definition.json',
};

function stixValidators(): Map<string, ValidateFunction> {
  // The schemas' patterns escape "-" outside a class ("\\-?$"), which Python reads and a Unicode-mode JavaScript RegExp refuses.
  const ajv = new Ajv2020({ allErrors: true, strict: false, unicodeRegExp: false });
  // ajv-formats is not installed; the schemas use one format, "uri" (an external reference's url).
  ajv.addFormat('uri', (s: string) => URL.canParse(s) && /^[a-z][a-z0-9+.-]*:/i.test(s));
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
  for (const file of walk(SCHEMAS)) ajv.addSchema(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
  const base = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';
  return new Map(Object.entries(SCHEMA_OF).map(([type, file]) => [type, ajv.getSchema(base + file)!]));
}

let w: Awaited<ReturnType<typeof codedWorkspace>>;
const out = tempDir('awb-stix-schemas-');
let validators: Map<string, ValidateFunction>;

beforeAll(async () => {
  validators = stixValidators();
  w = await codedWorkspace();
  // What the coded workspace lacks to give every object and property the export can write: a
  // person with a Wikidata id and notes, a custom relation of one day, a place without a gazetteer record.
  const person = (await w.call('entities.create', { type: 'person', name: 'Ashraf Ghani' })).id;
  await w.call('entities.update', { id: person, wikidata: 'Q57661', notes: 'President until August 2021.', aliases: ['Ghani'] });
  const checkpoint = (await w.call('entities.create', { type: 'place', name: 'Checkpoint 4' })).id;
  await w.call('entities.setPlace', { id: checkpoint, place: { custom: { name: 'Checkpoint 4', lat: 36.71, lon: 68.85 } } });
  await w.call('relations.create', { input: { sourceId: person, targetId: w.forces, type: 'custom', label: 'commands', startDate: '2021-06-20', endDate: '2021-06-20' } });
}, 120_000);
afterAll(() => w?.core.close());

const exported = async (name: string, handling: string) =>
  JSON.parse(fs.readFileSync((await w.call('exports.run', { format: 'stix', path: path.join(out, name), handling })).path, 'utf8')) as { type: string; id: string; objects: Loose[] };

/** Each object's schema errors, as "type id: path message". */
function problems(objects: Loose[]): string[] {
  return objects.flatMap((o) => {
    const validate = validators.get(o.type as string);
    if (!validate) return [`${o.type} ${o.id}: no schema here for this type`];
    return validate(o as unknown) ? [] : validate.errors!.map((e) => `${o.type} ${o.id}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  });
}

describe('STIX exports against the OASIS STIX 2.1 JSON schemas', () => {
  it('the schemas are the vendored ones, and they refuse what STIX 2.1 refuses', () => {
    // Unchanged since they were copied: each file's sha256 as the README beside them gives it.
    const listed = [...fs.readFileSync(path.join(fixtures, 'stix2-schemas', 'README.md'), 'utf8').matchAll(/^([0-9a-f]{64}) {2}(\S+)$/gm)];
    expect(listed.length).toBe(Object.keys(SCHEMA_OF).length + 13);
    for (const [, sum, file] of listed) expect(crypto.createHash('sha256').update(fs.readFileSync(path.join(fixtures, 'stix2-schemas', file!))).digest('hex'), file).toBe(sum);
    const note = { type: 'note', spec_version: '2.1', id: 'note--3f4b1c1e-0f7e-5c4e-9d1a-6a8b1c2d3e4f', created: '2021-06-20T00:00:00.000Z', modified: '2021-06-20T00:00:00.000Z', content: 'A quote.', object_refs: ['identity--3f4b1c1e-0f7e-5c4e-9d1a-6a8b1c2d3e4f'] };
    expect(problems([note])).toEqual([]);
    // A timestamp without its milliseconds, a note on nothing, an id that is not a UUID, a relationship type in words.
    expect(problems([{ ...note, created: '2021-06-20T00:00:00Z' }])).not.toEqual([]);
    expect(problems([{ ...note, object_refs: [] }])).not.toEqual([]);
    expect(problems([{ ...note, id: 'note--1' }])).not.toEqual([]);
    const { content: _c, object_refs: _r, ...core } = note;
    const relationship = { ...core, type: 'relationship', id: 'relationship--3f4b1c1e-0f7e-5c4e-9d1a-6a8b1c2d3e4f', relationship_type: 'spokesman-for', source_ref: note.object_refs[0], target_ref: note.object_refs[0] };
    expect(problems([relationship])).toEqual([]);
    expect(problems([{ ...relationship, relationship_type: 'Spokesman For' }])).not.toEqual([]);
  });

  for (const handling of ['TLP:AMBER', 'For the protection cluster only', '']) {
    it(`every object of a full export${handling ? ` marked “${handling}”` : ' without a marking'} is valid`, async () => {
      const bundle = await exported(`full-${handling.length}.json`, handling);
      // The bundle itself (section 8): no spec_version in 2.1, an id of its own type, objects.
      expect(bundle.type).toBe('bundle');
      expect(bundle.id).toMatch(/^bundle--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Object.keys(bundle).sort()).toEqual(['id', 'objects', 'type']);
      const types = new Set(bundle.objects.map((o) => o.type as string));
      expect([...types].sort()).toEqual(['identity', 'location', 'note', 'relationship', 'report', 'threat-actor', ...(handling ? ['marking-definition'] : [])].sort());
      expect(problems(bundle.objects)).toEqual([]);
      // Every reference names an object of the bundle (or TLP's predefined marking, which it carries too).
      const ids = new Set(bundle.objects.map((o) => o.id as string));
      const refs = bundle.objects.flatMap((o) => [o.source_ref, o.target_ref, ...(o.object_refs ?? []), ...(o.object_marking_refs ?? [])].filter(Boolean) as string[]);
      expect(refs.filter((r) => !ids.has(r))).toEqual([]);
    }, 60_000);
  }
});
