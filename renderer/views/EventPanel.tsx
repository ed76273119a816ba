import { useEffect, useState } from 'react';
import type { EventRecord } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { EventForm } from '../components/EventForm.js';

interface Props {
  eventId: number;
  refreshKey: number;
  onClose: () => void;
  onOpenEvent: (id: number) => void;
  onOpenArticle: (id: number) => void;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
}

/** An event opened from the table, the map or the timeline. */
export function EventPanel({ eventId, refreshKey, onClose, onOpenEvent, onOpenArticle, run }: Props) {
  const [event, setEvent] = useState<EventRecord | null>(null);
  useEffect(() => {
    let live = true;
    void run(() => call('events.get', { id: eventId })).then((e) => live && e && setEvent(e));
    return () => {
      live = false;
    };
  }, [eventId, refreshKey, run]);
  if (!event) return <section className="reader" aria-busy="true" />;
  const articles = [...new Map(event.evidence.map((e) => [e.articleId, e.articleTitle])).entries()];
  return (
    <section className="reader entity-panel" aria-label="Event">
      <div className="entity-body">
        <EventForm key={`${event.id}-${refreshKey}`} event={event} selection={null} onSaved={setEvent} onClose={onClose} onOpenEvent={onOpenEvent} run={run} />
        <h2>Cited articles</h2>
        <ul className="plain">
          {articles.map(([id, title]) => (
            <li key={id}>
              <button type="button" className="link" onClick={() => onOpenArticle(id)}>
                {title}
              </button>
            </li>
          ))}
        </ul>
        <p className="muted">To add evidence, open an article, select the text and choose “Use as evidence”.</p>
      </div>
    </section>
  );
}
