/**
 * Readers for brat standoff and CoNLL-2003, written from the formats' documentation
 * (brat: https://brat.nlplab.org/standoff.html; CoNLL-2003: Tjong Kim Sang & De Meulder, 2003),
 * not from our writer: the tests read our files the way another tool would.
 */

export interface BratFile {
  textBound: Map<string, { type: string; fragments: [number, number][]; text: string }>;
  events: { id: string; type: string; trigger: string; args: Record<string, string> }[];
  relations: { id: string; type: string; arg1: string; arg2: string }[];
  normalisations: { id: string; target: string; resource: string; entry: string; text: string }[];
}

export function readBrat(ann: string): BratFile {
  const file: BratFile = { textBound: new Map(), events: [], relations: [], normalisations: [] };
  for (const line of ann.split('\n')) {
    if (!line.trim()) continue;
    const [id, annotation, text] = line.split('\t');
    if (!id || annotation === undefined) throw new Error(`brat: a line without a tab: ${line}`);
    if (id.startsWith('T')) {
      const space = annotation.indexOf(' ');
      const type = annotation.slice(0, space);
      const fragments = annotation
        .slice(space + 1)
        .split(';')
        .map((f) => f.split(' ').map(Number) as [number, number]);
      if (fragments.some(([s, e]) => !(Number.isInteger(s) && Number.isInteger(e) && s < e))) throw new Error(`brat: bad offsets: ${line}`);
      file.textBound.set(id, { type, fragments, text: text ?? '' });
    } else if (id.startsWith('E')) {
      const [head, ...rest] = annotation.split(' ');
      const [type, trigger] = head!.split(':');
      file.events.push({ id, type: type!, trigger: trigger!, args: Object.fromEntries(rest.map((a) => a.split(':') as [string, string])) });
    } else if (id.startsWith('R')) {
      const [type, a1, a2] = annotation.split(' ');
      if (!a1?.startsWith('Arg1:') || !a2?.startsWith('Arg2:')) throw new Error(`brat: relation without Arg1/Arg2: ${line}`);
      file.relations.push({ id, type: type!, arg1: a1.slice(5), arg2: a2.slice(5) });
    } else if (id.startsWith('N')) {
      const [kind, target, ref] = annotation.split(' ');
      if (kind !== 'Reference') throw new Error(`brat: unknown normalisation ${kind}`);
      const [resource, entry] = ref!.split(':');
      file.normalisations.push({ id, target: target!, resource: resource!, entry: entry!, text: text ?? '' });
    } else if (!/^[#AM*]/.test(id)) {
      throw new Error(`brat: unknown annotation ${id}`);
    }
  }
  return file;
}

export interface ConllDocument {
  sentences: number;
  entities: { tag: string; tokens: string[] }[];
}

/** CoNLL-2003: "word POS chunk NE" a line, blank lines between sentences, -DOCSTART- between documents; IOB2 checked strictly. */
export function readConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let inSentence = false;
  let open: { tag: string; tokens: string[] } | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      doc = { sentences: 0, entities: [] };
      docs.push(doc);
      open = null;
      continue;
    }
    if (!line.trim()) {
      if (inSentence) doc!.sentences++;
      inSentence = false;
      open = null;
      continue;
    }
    const cols = line.split(' ');
    if (cols.length !== 4) throw new Error(`CoNLL: expected 4 columns: ${line}`);
    if (!doc) throw new Error('CoNLL: tokens before -DOCSTART-');
    inSentence = true;
    const [word, , , tag] = cols as [string, string, string, string];
    if (tag === 'O') {
      open = null;
    } else {
      const m = /^([BI])-(PER|ORG|LOC|MISC)$/.exec(tag);
      if (!m) throw new Error(`CoNLL: bad tag ${tag}`);
      if (m[1] === 'I') {
        if (!open || open.tag !== m[2]) throw new Error(`CoNLL: I-${m[2]} without B-${m[2]} before it (${word})`);
        open.tokens.push(word);
      } else {
        open = { tag: m[2]!, tokens: [word] };
        doc.entities.push(open);
      }
    }
  }
  return docs;
}
