import type { EventField } from './events.js';

/** An event's fields as the event form and the Events table name them. */
export const EVENT_FIELD_WORDS: Record<EventField, string> = {
  date: 'Date',
  eventType: 'Event type',
  actor1: 'Actor 1',
  actor2: 'Actor 2',
  associates: 'Associated actors',
  location: 'Location',
  fatalities: 'Fatalities',
  civilianTargeting: 'Civilian targeting',
  notes: 'Notes',
};

/** The fields the analyst fills in or sees, named as the forms and tables name them. */
const FIELD_WORDS: Record<string, string> = {
  ...EVENT_FIELD_WORDS,
  title: 'Title',
  source: 'Source',
  author: 'Author',
  published: 'Published date',
  dateline: 'Dateline',
  url: 'Web address',
  reliability: 'Source reliability',
  credibility: 'Information credibility',
  timePrecision: 'Time precision',
  subEventType: 'Sub-event type',
  locationId: 'Location',
  geoPrecision: 'Geo precision',
  tags: 'Tags',
  tagIds: 'Tags',
  sourceId: 'From',
  targetId: 'To',
  label: 'Relation name',
  startDate: 'Start date',
  endDate: 'End date',
  dateFrom: 'From date',
  dateTo: 'To date',
  name: 'Name',
  color: 'Colour',
  aliases: 'Aliases',
  type: 'Type',
  entityId: 'Entity',
  entityIds: 'Entities',
  articleId: 'Article',
  articleIds: 'Articles',
  evidence: 'Evidence',
  start: 'Start of the span',
  end: 'End of the span',
  path: 'File path',
  format: 'Format',
  summary: 'Summary',
  handling: 'Handling line',
  passphrase: 'Passphrase',
  search: 'Search',
  filters: 'Column filters',
  minutes: 'Minutes',
};

/** The call's wrapping objects: they name no field the analyst knows. */
const WRAPPERS = new Set(['input', 'patch', 'query', 'spec', 'target', 'table', 'request', 'relationNarrowing', 'eventQuery', 'articleQuery', 'entityQuery', 'events']);

/** "subEventType" → "Sub event type", for a field without a name of its own. */
const spelledOut = (key: string) => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const wordsFor = (key: string) => FIELD_WORDS[key] ?? spelledOut(key);

/** The field an issue is about, in words ("Actor 1, type", "Evidence 2, start of the span"); empty for the call as a whole. */
export function fieldWords(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') {
      if (parts.length) parts[parts.length - 1] += ` ${key + 1}`;
      continue;
    }
    const name = String(key);
    if (WRAPPERS.has(name) && parts.length === 0) continue;
    parts.push(wordsFor(name));
  }
  const [first, ...rest] = parts.slice(-2);
  return first === undefined ? '' : [first, ...rest.map((p) => p.charAt(0).toLowerCase() + p.slice(1))].join(', ');
}

