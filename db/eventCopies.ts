import type { Db } from './open.js';

/**
 * What makes two coded events "the same event": the same sub-event type, date and location, and
 * the same two actors (in either order: a clash between A and B is one between B and A). The
 * workspace's own duplicate warning (EventsRepository.duplicates) reads events the same way.
 */
const SAME_EVENT = `ev.sub_event_type || '|' || ev.event_date || '|' || coalesce(ev.location_id, '') || '|'
  || min(coalesce(ev.actor1_id, 0), coalesce(ev.actor2_id, 0)) || '|' || max(coalesce(ev.actor1_id, 0), coalesce(ev.actor2_id, 0))`;

/** One piece of evidence of an event that has a twin by its fields, with the story its article tells. */
export interface CodingOfStory {
  event: number;
  /** The event's fields as one key: events with different keys are never the same event. */
  key: string;
  fatalities: number;
  article: number;
  /** The story the article tells (db/stories.ts); an article not grouped yet is its own story. */
  story: number;
}

const workspaceCopies = new WeakMap<Db, { at: string; copies: EventCopies }>();

/**
 * Events coded more than once from one story: an event coded from one copy of a wire story and
 * the same event (SAME_EVENT) coded again from another copy. Each group is counted once in totals,
 * the timeline and the map; the events themselves stay as the analyst coded them.
 */
export class EventCopies {
  /** Each event of a group, with the ids of its group (itself included, lowest first). */
  private readonly groupOf = new Map<number, number[]>();
  private readonly fatalities = new Map<number, number>();

  constructor(codings: readonly CodingOfStory[]) {
    const parent = new Map<number, number>();
    const find = (id: number): number => {
      let root = id;
      while (parent.get(root) !== root) root = parent.get(root)!;
      parent.set(id, root);
      return root;
    };
    // Codings of one story, by event key: a story told by two different articles, each with an
    // event of the same key, is that event coded twice. An event coded twice from the one article
    // is the analyst's choice (two clashes that day), not a copy.
    const byStory = new Map<string, CodingOfStory[]>();
    for (const c of codings) {
      this.fatalities.set(c.event, c.fatalities);
      if (!parent.has(c.event)) parent.set(c.event, c.event);
      const at = `${c.key}\n${c.story}`;
      byStory.set(at, [...(byStory.get(at) ?? []), c]);
    }
    for (const told of byStory.values()) {
      const events = new Set(told.map((c) => c.event));
      const articles = new Set(told.map((c) => c.article));
      // Two events and two articles: each event has a twin quoted from an article other than one of its own.
      if (events.size < 2 || articles.size < 2) continue;
      const [first, ...rest] = events;
      for (const e of rest) parent.set(find(e), find(first!));
    }
    const groups = new Map<number, number[]>();
    for (const id of parent.keys()) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
    for (const ids of groups.values()) {
      if (ids.length < 2) continue;
      ids.sort((a, b) => a - b);
      for (const id of ids) this.groupOf.set(id, ids);
    }
  }

  /**
   * The groups of the whole workspace, read again only after the workspace changed: the map, the
   * timeline and the Events table's count each ask on every call, and a workspace of 100,000 events
   * is otherwise scanned each time. Any row written by this connection (total_changes) or committed
   * by another (data_version) reads them again.
   */
  static ofWorkspace(db: Db): EventCopies {
    const at = `${db.prepare('SELECT total_changes()').pluck().get() as number}|${db.pragma('data_version', { simple: true }) as number}`;
    const held = workspaceCopies.get(db);
    if (held?.at === at) return held.copies;
    const copies = EventCopies.read(db);
    workspaceCopies.set(db, { at, copies });
    return copies;
  }

  /** Reads the groups of the whole workspace, or only those holding one of `among`. */
  static read(db: Db, among?: readonly number[]): EventCopies {
    // The keys of `among` first (a few rows), so each event's key is computed once in the scan.
    const keys = among ? db.prepare(`SELECT DISTINCT ${SAME_EVENT} FROM event ev WHERE ev.id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(among)) : [];
    // Only events with evidence were coded from an article (an imported ACLED row has none).
    const only = `WHERE ev.id IN (SELECT event_id FROM event_evidence)${among ? ` AND ${SAME_EVENT} IN (SELECT value FROM json_each(?))` : ''}`;
    const rows = db
      .prepare(
        `WITH keyed AS MATERIALIZED (SELECT ev.id, ev.fatalities, ${SAME_EVENT} AS key FROM event ev ${only}),
              twins AS (SELECT key FROM keyed GROUP BY key HAVING count(*) > 1)
         SELECT DISTINCT keyed.id AS event, keyed.key, keyed.fatalities, e.article_id AS article, coalesce(sc.story_id, e.article_id) AS story
         FROM keyed JOIN twins USING (key) JOIN event_evidence e ON e.event_id = keyed.id LEFT JOIN story_copy sc ON sc.article_id = e.article_id`,
      )
      .all(...(among ? [JSON.stringify(keys)] : [])) as CodingOfStory[];
    return new EventCopies(rows);
  }

  /** The other events that are this one coded again from a copy of its story (none for most events). */
  alsoCodedAs(id: number): number[] {
    return (this.groupOf.get(id) ?? []).filter((other) => other !== id);
  }

  /**
   * The events that count among these: one per group, the one with the highest fatality figure (a
   * later copy updates the toll), the first coded on a tie; every event outside a group counts.
   * Scoped: when the scope holds one event of a group, that one counts.
   */
  counted(scope: readonly { id: number; fatalities: number }[]): Set<number> {
    const best = new Map<number[], { id: number; fatalities: number }>();
    const counted = new Set<number>();
    for (const e of scope) {
      const group = this.groupOf.get(e.id);
      if (!group) {
        counted.add(e.id);
        continue;
      }
      const held = best.get(group);
      if (!held || e.fatalities > held.fatalities || (e.fatalities === held.fatalities && e.id < held.id)) best.set(group, e);
    }
    for (const e of best.values()) counted.add(e.id);
    return counted;
  }

  /** Whether the event counts in the workspace's totals (the one of its group that does, or one in no group). */
  countsInWorkspace(id: number): boolean {
    const group = this.groupOf.get(id);
    if (!group) return true;
    return this.counted(group.map((g) => ({ id: g, fatalities: this.fatalities.get(g) ?? 0 }))).has(id);
  }

  /** Every event of a group: the ones a scope must look at to know which of them count. */
  members(): number[] {
    return [...this.groupOf.keys()];
  }
}
