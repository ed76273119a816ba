import { pageAt, pageStartsOf } from '../../../db/documents.js';
import { eventsEvidencedBy } from '../../../db/articleScope.js';
import { ArticlesRepository } from '../../../db/articles.js';
import { EventCopies } from '../../../db/eventCopies.js';
import { EventsRepository } from '../../../db/events.js';
import type { Db } from '../../../db/open.js';
import { EventQuery, type EventRecord } from '../../contract/events.js';
import { EVENT_FIELD_WORDS } from '../../contract/fieldWords.js';
import { plural } from '../../contract/plural.js';
import type { ReportSpec } from '../../contract/reports.js';

/** Rows a report's events table holds; the rest are counted, not listed (the data exports carry them all). */
export const REPORT_EVENT_ROWS = 500;
const SHORT_QUOTE = 40;

export interface ReportContent {
  spec: ReportSpec;
  generated: string;
  events: EventRecord[];
  /** Events in scope, every one the table lists (the report lists the first REPORT_EVENT_ROWS). */
  eventRows: number;
  /** Events counted: an event coded again from another copy of its story (db/eventCopies.ts) counts once, unless every copy counts. */
  totalEvents: number;
  /** Events listed but not counted again: the same event coded from another copy of its story (empty when every copy counts). */
  notCounted: Set<number>;
  totalFatalities: number;
  perDay: { date: string; count: number; fatalities: number }[];
  entities: { id: number; name: string; type: string; events: number; mentions: number }[];
  /**
   * A short quote ("Sunday") comes with the words around it, so it reads on its own. A quote from a
   * paged document (PDF) cites its page in `articleTitle` ("Quarterly update, p. 2"), so every report
   * format shows it. `backs` names the field and the event it is evidence for, as the report's events
   * table shows the event ("Fatalities of the armed clash at Maymana on 2021-06-20").
   */
  quotes: {
    quote: string;
    before: string;
    after: string;
    articleTitle: string;
    page: number | null;
    source: string | null;
    published: string | null;
    backs: string;
    /** Other copies of the story whose evidence quotes the same words (0 when every copy is counted: each is quoted). */
    otherCopies: number;
  }[];
  /** Articles the events' evidence comes from. */
  articles: number;
  /** The stories those articles tell: copies of one story (db/stories.ts) count once. */
  stories: number;
}

/** The report's count of its sources: stories, or every article when the analyst chose to count every copy. */
export function sourceCount(c: ReportContent): { n: number; noun: string } {
  const n = c.spec.everyCopy ? c.articles : c.stories;
  return { n, noun: c.spec.everyCopy ? (n === 1 ? 'source article' : 'source articles') : n === 1 ? 'source story' : 'source stories' };
}

/** How copies of one story were counted, in the words every format prints under the title. */
export function copiesNote(c: ReportContent): string {
  return c.spec.everyCopy
    ? `Every copy of a story is counted (wire copies, updates): ${plural(c.articles, 'article')} telling ${plural(c.stories, 'story', 'stories')}.`
    : `Copies of a story (wire copies, updates) are counted once in events, fatalities, sources, mentions and quotes: ${plural(c.stories, 'story', 'stories')} told by ${plural(c.articles, 'article')}${
        c.eventRows > c.totalEvents ? `; ${plural(c.eventRows - c.totalEvents, 'event')} coded again from another copy ${c.eventRows - c.totalEvents === 1 ? 'is' : 'are'} listed but not counted again` : ''
      }.`;
}

/** The words beside an event listed but not counted again, as every format prints them under its type. */
export const notCountedNote = (c: ReportContent, e: EventRecord): string => (c.notCounted.has(e.id) ? 'also coded from another copy of its story: not counted again' : '');

/** ", also in 2 other copies": after a quote's citation, where copies of its story say the same. */
export const alsoInCopies = (q: ReportContent['quotes'][number]): string => (q.otherCopies ? `, also in ${plural(q.otherCopies, 'other copy', 'other copies')}` : '');

const sameWords = (quote: string) => quote.toLowerCase().replace(/\s+/g, ' ').trim();

/** Reads what a report shows, in one transaction: events in scope (dated order), their actors and places, and the quotes behind them. */
export function readReportContent(db: Db, spec: ReportSpec): ReportContent {
  return db.transaction(() => {
    // The Events table's own query, so the report lists exactly the events the table shows.
    const query = eventsEvidencedBy(new ArticlesRepository(db), {
      ...(spec.events ?? EventQuery.parse({})),
      ...(spec.selection ? { ids: spec.selection.eventIds } : {}),
      sort: [{ column: 'date', direction: 'asc' }],
    });
    const repo = new EventsRepository(db);
    const first = repo.page(query, 0, REPORT_EVENT_ROWS);
    // Totals over every event in scope, not only the rows listed.
    const all: EventRecord[] = [...first.rows];
    for (let start = REPORT_EVENT_ROWS; start < first.total; start += 5000) all.push(...repo.page(query, start, start + 5000).rows);
    // The same event coded from two copies of one story is one event in every figure, with the higher toll.
    const counted = spec.everyCopy ? null : EventCopies.read(db, all.map((e) => e.id)).counted(all);
    const countedEvents = counted ? all.filter((e) => counted.has(e.id)) : all;
    const perDayMap = new Map<string, { count: number; fatalities: number }>();
    const actors = new Map<number, { id: number; name: string; type: string; events: number; mentions: number }>();
    const touch = (id: number | undefined, name: string | undefined, type: string) => {
      if (!id || !name) return;
      const a = actors.get(id) ?? { id, name, type, events: 0, mentions: 0 };
      a.events++;
      actors.set(id, a);
    };
    for (const e of countedEvents) {
      const d = perDayMap.get(e.date) ?? { count: 0, fatalities: 0 };
      d.count++;
      d.fatalities += e.fatalities;
      perDayMap.set(e.date, d);
      touch(e.actor1?.entityId, e.actor1?.name, 'actor');
      touch(e.actor2?.entityId, e.actor2?.name, 'actor');
      touch(e.location?.entityId, e.location?.name, 'place');
    }
    const typeOf = db.prepare('SELECT type FROM entity WHERE id = ?').pluck();
    // A name repeated by twenty wire copies is one story's mentions: each story counts as the copy that names it most.
    const mentionCount = spec.everyCopy
      ? db.prepare("SELECT count(*) FROM mention WHERE entity_id = ? AND status <> 'rejected'").pluck()
      : db
          .prepare(
            `SELECT coalesce(sum(most), 0) FROM (SELECT max(n) AS most FROM (
               SELECT coalesce(sc.story_id, m.article_id) AS story, count(*) AS n FROM mention m LEFT JOIN story_copy sc ON sc.article_id = m.article_id
               WHERE m.entity_id = ? AND m.status <> 'rejected' GROUP BY m.article_id) GROUP BY story)`,
          )
          .pluck();
    const storyOfRow = db.prepare('SELECT story_id FROM story_copy WHERE article_id = ?').pluck();
    const stories = new Map<number, number>();
    const storyOf = (articleId: number) => {
      if (!stories.has(articleId)) stories.set(articleId, (storyOfRow.get(articleId) as number | undefined) ?? articleId);
      return stories.get(articleId)!;
    };
    for (const a of actors.values()) {
      a.type = (typeOf.get(a.id) as string | undefined) ?? a.type;
      a.mentions = mentionCount.get(a.id) as number;
    }
    const sources = new Map<number, string | null>();
    const sourceOf = db.prepare('SELECT source FROM article WHERE id = ?').pluck();
    // Key quotes: each span once, and not a span inside another one already quoted ("Sunday" inside
    // the sentence that says what happened on Sunday); the longest spans are kept first.
    const spans = first.rows.flatMap((e, order) => e.evidence.map((ev) => ({ ev, event: e, order })));
    // Unless every copy counts, the same words quoted from another copy of the story are that quote again.
    type Kept = (typeof spans)[number] & { words: string; copies: Set<number> };
    const kept: Kept[] = [];
    const keptOfStory = new Map<number, Kept[]>();
    for (const span of [...spans].sort((a, b) => b.ev.end - b.ev.start - (a.ev.end - a.ev.start))) {
      const inside = kept.some((k) => k.ev.articleId === span.ev.articleId && k.ev.start <= span.ev.start && span.ev.end <= k.ev.end);
      const words = sameWords(span.ev.quote);
      const story = storyOf(span.ev.articleId);
      const copied = spec.everyCopy ? undefined : keptOfStory.get(story)?.find((k) => k.ev.articleId !== span.ev.articleId && k.words.includes(words));
      if (copied) {
        if (copied.words === words) copied.copies.add(span.ev.articleId);
      } else if (!inside) {
        const entry = { ...span, words, copies: new Set<number>() };
        kept.push(entry);
        const ofStory = keptOfStory.get(story) ?? [];
        ofStory.push(entry);
        keptOfStory.set(story, ofStory);
      }
    }
    const context = db.prepare('SELECT prefix, suffix FROM event_evidence WHERE id = ?');
    const pages = new Map<number, [number, number][] | null>();
    const quotes: ReportContent['quotes'] = kept
      .sort((a, b) => a.order - b.order || a.ev.start - b.ev.start)
      .slice(0, 60)
      .map(({ ev, event, copies }) => {
        if (!sources.has(ev.articleId)) sources.set(ev.articleId, (sourceOf.get(ev.articleId) as string | null) ?? null);
        if (!pages.has(ev.articleId)) pages.set(ev.articleId, pageStartsOf(db, ev.articleId));
        const page = pageAt(pages.get(ev.articleId)!, ev.start);
        const around = ev.quote.length < SHORT_QUOTE ? (context.get(ev.id) as { prefix: string; suffix: string } | undefined) : undefined;
        return {
          quote: ev.quote,
          // Context without the cut words at its ends; the spaces next to the quote stay as written.
          before: around ? around.prefix.replace(/^\S*\s+/, '').replace(/\s+/g, ' ') : '',
          after: around ? around.suffix.replace(/\s+\S*$/, '').replace(/\s+/g, ' ') : '',
          articleTitle: page === null ? ev.articleTitle : `${ev.articleTitle}, p. ${page}`,
          page,
          source: sources.get(ev.articleId) ?? null,
          published: ev.published,
          backs: `${EVENT_FIELD_WORDS[ev.field]} of the ${event.subEventType.toLowerCase()}${event.location ? ` at ${event.location.name}` : ''} on ${event.date}`,
          otherCopies: copies.size,
        };
      });
    const sourceArticles = new Set(all.flatMap((e) => e.evidence.map((x) => x.articleId)));
    return {
      spec,
      generated: new Date().toISOString(),
      events: first.rows,
      eventRows: first.total,
      totalEvents: countedEvents.length,
      notCounted: new Set(counted ? all.filter((e) => !counted.has(e.id)).map((e) => e.id) : []),
      totalFatalities: countedEvents.reduce((n, e) => n + e.fatalities, 0),
      perDay: [...perDayMap].map(([date, v]) => ({ date, ...v })).sort((a, b) => a.date.localeCompare(b.date)),
      entities: [...actors.values()].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name)).slice(0, 100),
      quotes,
      articles: sourceArticles.size,
      stories: new Set([...sourceArticles].map(storyOf)).size,
    };
  })();
}
