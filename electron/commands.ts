import type { z } from 'zod';
import type { Db } from '../db/open.js';
import { A_TYPE, EVENT_FIELD_WORDS, type CallName, type Contract } from './contract/index.js';

/**
 * What each call of the contract is to the history, declared once for every call (a new call
 * fails the typecheck until it is classified here):
 * - read: changes nothing;
 * - do: an analyst action, run by dispatch() as one undoable command, labelled in words;
 * - record: changes something outside the undoable tables (a file written, the log purged): on the record, not undoable;
 * - job: records itself when it ends (an import: one command with its counts);
 * - history: undo/redo, which make their own commands;
 * - session: switches or controls the session and changes no workspace data (the reason says why).
 */
type Input<N extends CallName> = z.output<Contract[N]['input']>;
type Label<N extends CallName> = (input: Input<N>, look: Look) => string;
export type CommandSpec<N extends CallName> =
  | { kind: 'read' }
  /** onWriter: the handler opens the command itself (see OpenCommand): on the writer when there is one (a search's articles may be thousands), or around its write after work done elsewhere (suggestions read by the extraction workers). */
  | { kind: 'do'; label: Label<N>; onWriter?: true }
  | { kind: 'record'; label: Label<N> }
  | { kind: 'job' }
  | { kind: 'history' }
  /** outsideTheWorkspace: writes nothing to the workspace file, so it need not wait for a writer's job (see writerJobs.ts). */
  | { kind: 'session'; why: string; outsideTheWorkspace?: true };

/** Reads a name or a quote for a label, before the change (after a delete it is gone). */
export class Look {
  constructor(private readonly db: Db) {}

  private text(sql: string, id: number): string | null {
    const value = this.db.prepare(sql).pluck().get(id) as string | null | undefined;
    return value ?? null;
  }

  article(id: number): string {
    return quoted(this.text('SELECT title FROM article WHERE id = ?', id), `article ${id}`);
  }
  mention(id: number): string {
    return quoted(this.text('SELECT quote FROM mention WHERE id = ?', id), `mention ${id}`);
  }
  entity(id: number): string {
    return quoted(this.text('SELECT name FROM entity WHERE id = ?', id), `entity ${id}`);
  }
  entityOfMention(id: number): string {
    return quoted(this.text('SELECT e.name FROM mention m JOIN entity e ON e.id = m.entity_id WHERE m.id = ?', id), `the entity of mention ${id}`);
  }
  tag(id: number): string {
    return quoted(this.text('SELECT name FROM tag WHERE id = ?', id), `tag ${id}`);
  }
  event(id: number): string {
    const row = this.db.prepare('SELECT event_date, sub_event_type FROM event WHERE id = ?').get(id) as { event_date: string; sub_event_type: string } | undefined;
    return row ? `event ${id} (${row.sub_event_type}, ${row.event_date})` : `event ${id}`;
  }
  eventOfEvidence(id: number): string {
    const eventId = this.db.prepare('SELECT event_id FROM event_evidence WHERE id = ?').pluck().get(id) as number | undefined;
    return eventId ? this.event(eventId) : 'an event';
  }
  relation(id: number): string {
    const row = this.db
      .prepare('SELECT s.name AS source, r.type, t.name AS target FROM relation r JOIN entity s ON s.id = r.source_id JOIN entity t ON t.id = r.target_id WHERE r.id = ?')
      .get(id) as { source: string; type: string; target: string } | undefined;
    return row ? `relation “${row.source} — ${row.type} — ${row.target}”` : `relation ${id}`;
  }
  articles(target: { ids: number[] } | { query: unknown }): string {
    if ('ids' in target) return target.ids.length === 1 ? `article ${this.article(target.ids[0]!)}` : `${target.ids.length} articles`;
    return 'the articles matching the table’s filter';
  }
  tags(ids: number[]): string {
    return ids.length === 1 ? `tag ${this.tag(ids[0]!)}` : `${ids.length} tags`;
  }
}

function quoted(text: string | null, fallback: string): string {
  if (text === null) return fallback;
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `“${short}”`;
}

const scoped = (scope: 'this' | 'article' | 'all') => (scope === 'article' ? ' (all in this article)' : scope === 'all' ? ' (all in every article)' : '');
const GRADING = new Set(['reliability', 'credibility']);

export const COMMANDS: { [N in CallName]: CommandSpec<N> } = {
  'app.info': { kind: 'read' },
  'workspace.current': { kind: 'read' },
  'workspace.open': { kind: 'session', why: 'switches to another workspace file; that file keeps its own history' },
  'workspace.create': { kind: 'session', why: 'makes a new, empty workspace file and switches to it' },
  'workspace.unlock': { kind: 'session', why: 'opens the locked workspace with its passphrase; no data changes' },
  'workspace.setPassphrase': { kind: 'session', why: 'writes the same data again under another key (or none); the records are unchanged' },
  'workspace.lock': { kind: 'session', why: 'closes the encrypted workspace until its passphrase is entered again' },
  'workspace.setIdleLock': { kind: 'session', why: 'an app setting (minutes before locking), kept outside the workspace', outsideTheWorkspace: true },
  'workspace.activity': { kind: 'read' },
  'workspace.restoreArchive': { kind: 'session', why: 'restores an archive into a new workspace file (with the history the archive holds) and switches to it' },
  'workspace.saveCopy': { kind: 'record', label: ({ path }) => `Save a copy of the workspace to ${path}` },
  'workspace.purge': { kind: 'record', label: () => 'Empty the bin (purge deleted data)' },

  'articles.page': { kind: 'read' },
  'articles.count': { kind: 'read' },
  'articles.get': { kind: 'read' },
  'articles.neighbour': { kind: 'read' },
  'articles.update': {
    kind: 'do',
    label: ({ id, patch }, look) => {
      const fields = Object.entries(patch)
        .filter(([, v]) => v !== undefined)
        .map(([k]) => k);
      if (fields.length > 0 && fields.every((f) => GRADING.has(f))) {
        return `Grade article ${look.article(id)} ${[patch.reliability, patch.credibility].filter((v) => v !== undefined && v !== null).join('') || '(ungraded)'}`;
      }
      return `Edit ${fields.join(', ') || 'nothing'} of article ${look.article(id)}`;
    },
  },
  'articles.delete': { kind: 'do', label: ({ target }, look) => `Delete ${look.articles(target)}`, onWriter: true },
  'articles.stats': { kind: 'read' },

  'tags.list': { kind: 'read' },
  'tags.create': { kind: 'do', label: ({ name }) => `Create tag “${name}”` },
  'tags.update': { kind: 'do', label: ({ id, name }, look) => (name ? `Rename tag ${look.tag(id)} to “${name}”` : `Edit tag ${look.tag(id)}`) },
  'tags.merge': { kind: 'do', label: ({ sourceId, targetId }, look) => `Merge tag ${look.tag(sourceId)} into ${look.tag(targetId)}` },
  'tags.delete': { kind: 'do', label: ({ id }, look) => `Delete tag ${look.tag(id)}` },
  'tags.assign': { kind: 'do', label: ({ target, tagIds }, look) => `Tag ${look.articles(target)} with ${look.tags(tagIds)}`, onWriter: true },
  'tags.unassign': { kind: 'do', label: ({ target, tagIds }, look) => `Remove ${look.tags(tagIds)} from ${look.articles(target)}`, onWriter: true },

  'mentions.list': { kind: 'read' },
  'mentions.suggest': { kind: 'do', onWriter: true, label: ({ articleIds }) => `Suggest entities in ${articleIds.length === 1 ? 'an article' : `${articleIds.length} articles`}` },
  'mentions.review': { kind: 'do', label: ({ id, action, scope }, look) => `${action === 'accept' ? 'Accept' : 'Reject'} mention ${look.mention(id)}${scoped(scope)}` },
  'mentions.retype': { kind: 'do', label: ({ id, type }, look) => `Retype mention ${look.mention(id)} as ${type}` },
  'mentions.respan': { kind: 'do', label: ({ id }, look) => `Change the span of mention ${look.mention(id)}` },
  'mentions.annotate': { kind: 'do', label: ({ articleId, type, scope }, look) => `Mark ${A_TYPE[type]} in article ${look.article(articleId)}${scoped(scope)}` },
  'mentions.link': { kind: 'do', label: ({ id, entityId }, look) => `Link mention ${look.mention(id)} to ${look.entity(entityId)}` },
  'mentions.place': { kind: 'do', onWriter: true, label: ({ id, scope }, look) => `Change the place of ${scope === 'entity' ? `every mention of ${look.entityOfMention(id)}` : `mention ${look.mention(id)}${scope === 'article' ? ' (all of its entity in this article)' : ''}`}` },
  'mentions.acceptSuggested': { kind: 'do', onWriter: true, label: ({ minConfidence, type, articleId }, look) =>
      `Accept every suggested ${type ?? 'mention'} with confidence ${minConfidence} or more${articleId === null ? '' : ` in article ${look.article(articleId)}`}`,
  },
  'namesModel.status': { kind: 'read' },
  'namesModel.reset': { kind: 'record', label: () => 'Reset the name model to the shipped one (what it learnt from decisions is dropped)' },

  'entities.resumeSuggestions': { kind: 'session', why: 'restarts the background reading for suggestions, which, like the reading after an import, is not an analyst action' },
  'entities.page': { kind: 'read' },
  'entities.get': { kind: 'read' },
  'entities.update': { kind: 'do', label: ({ id, name }, look) => (name ? `Rename entity ${look.entity(id)} to “${name}”` : `Edit entity ${look.entity(id)}`) },
  'entities.merge': { kind: 'do', onWriter: true, label: ({ sourceId, targetId }, look) => `Merge entity ${look.entity(sourceId)} into ${look.entity(targetId)}` },
  'entities.undoMerge': { kind: 'do', label: ({ undoId }) => `Undo entity merge (change ${undoId})` },
  'entities.split': { kind: 'do', onWriter: true, label: ({ id, name, mentionIds }) => `Split ${mentionIds.length} mention${mentionIds.length === 1 ? '' : 's'} off entity ${id} as “${name}”` },
  'entities.delete': { kind: 'do', onWriter: true, label: ({ id }, look) => `Delete entity ${look.entity(id)}` },
  'entities.setPlace': { kind: 'do', label: ({ id }, look) => `Set the place of ${look.entity(id)}` },
  'entities.create': { kind: 'do', label: ({ type, name }) => `Create ${type} “${name}”` },
  'places.search': { kind: 'read' },
  'places.entity': { kind: 'do', label: ({ place }) => ('custom' in place ? `Add custom place “${place.custom.name}” (${place.custom.lat}, ${place.custom.lon})` : 'Add a place from the gazetteer to the registry') },
  'map.places': { kind: 'read' },
  'map.basemap': { kind: 'read' },

  'events.draft': { kind: 'read' },
  'events.validate': { kind: 'read' },
  'events.create': { kind: 'do', label: ({ input }) => `Code an event (${input.subEventType}, ${input.date})` },
  'events.update': { kind: 'do', label: ({ id }, look) => `Edit ${look.event(id)}` },
  'events.delete': { kind: 'do', label: ({ id }, look) => `Delete ${look.event(id)}` },
  'events.get': { kind: 'read' },
  'events.page': { kind: 'read' },
  'events.points': { kind: 'read' },
  'timeline.series': { kind: 'read' },
  'events.addEvidence': { kind: 'do', label: ({ eventId, evidence }, look) => `Add evidence for ${EVENT_FIELD_WORDS[evidence.field].toLowerCase()} to ${look.event(eventId)}` },
  'events.removeEvidence': { kind: 'do', label: ({ evidenceId }, look) => `Remove evidence from ${look.eventOfEvidence(evidenceId)}` },
  'events.merge': { kind: 'do', label: ({ sourceId, targetId }, look) => `Merge ${look.event(sourceId)} into ${look.event(targetId)}` },

  'relations.create': { kind: 'do', label: ({ input }, look) => `Relate ${look.entity(input.sourceId)} — ${input.label ?? input.type} — ${look.entity(input.targetId)}` },
  'relations.update': { kind: 'do', label: ({ id }, look) => `Edit ${look.relation(id)}` },
  'relations.delete': { kind: 'do', label: ({ id }, look) => `Delete ${look.relation(id)}` },
  'relations.get': { kind: 'read' },
  'relations.addEvidence': { kind: 'do', label: ({ id }, look) => `Add evidence to ${look.relation(id)}` },
  'relations.page': { kind: 'read' },
  'relations.graph': { kind: 'read' },

  'selection.links': { kind: 'read' },

  'reports.preview': { kind: 'read' },
  'reports.save': { kind: 'record', label: ({ format, path }) => `Save a ${format} report to ${path}` },
  'reports.defaultPath': { kind: 'read' },
  'exports.run': { kind: 'record', label: (request) => `Export ${request.format} to ${request.path}` },
  'exports.defaultPath': { kind: 'read' },
  'exports.cancel': { kind: 'session', why: 'stops a running export, which then leaves no file behind', outsideTheWorkspace: true },
  'imports.exchange': { kind: 'do', onWriter: true, label: ({ name }) => `Import ${name}` },

  'imports.start': { kind: 'job' },
  // Files articles under their stories: derived data, as an import's grouping is, not an analyst's change to undo.
  'stories.groupStored': { kind: 'session', why: 'groups older articles into their stories, derived data that imports keep too' },
  'stories.cancelGrouping': { kind: 'session', why: 'stops grouping older articles; what was grouped stays', outsideTheWorkspace: true },
  'imports.cancel': { kind: 'session', why: 'stops a running import, whose record then says it was cancelled', outsideTheWorkspace: true },
  'imports.report': { kind: 'read' },
  'uploads.begin': { kind: 'session', why: 'keeps the bytes of a file on its way to an import in the private scratch folder; the workspace changes only when the import stores it', outsideTheWorkspace: true },
  'uploads.append': { kind: 'session', why: 'adds a piece to a file on its way to an import, in the private scratch folder', outsideTheWorkspace: true },
  'uploads.discard': { kind: 'session', why: 'drops a file sent for an import that will not happen', outsideTheWorkspace: true },

  'history.list': { kind: 'read' },
  'history.rows': { kind: 'read' },
  'history.verify': { kind: 'read' },
  'history.undo': { kind: 'history' },
  'history.redo': { kind: 'history' },
  'history.undoTo': { kind: 'history' },
};

/** A call's input for the record: ids and choices as given, long text shortened. */
export function inputDetail(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}… (${value.length} characters)` : value;
  if (Array.isArray(value)) {
    const shown = value.slice(0, 50).map((v) => inputDetail(v, depth + 1));
    return value.length > 50 ? [...shown, `… ${value.length - 50} more`] : shown;
  }
  if (value && typeof value === 'object') {
    if (depth > 4) return '…';
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inputDetail(v, depth + 1)]));
  }
  return value;
}
