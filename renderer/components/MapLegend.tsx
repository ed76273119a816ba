import { useState } from 'react';
import { EVENT_STYLE } from '../../electron/contract/index.js';
import { plural } from '../text.js';
import { EVENT_CLUSTER_MIN_POINTS } from '../views/mapStyle.js';

const OPEN_KEY = 'awb:map-legend-open';

interface Props {
  /** Places and events the map holds now. */
  places: number;
  events: number;
  /** Whether the tables' filters narrow the map. */
  filtered: boolean;
  /** Whether nationality adjectives count as mentions of their country, and its switch. */
  adjectives: boolean;
  onAdjectives: (on: boolean) => void;
}

/** What the map's colours, sizes and rings mean; folds away, and remembers whether it was open. */
export function MapLegend({ places, events, filtered, adjectives, onAdjectives }: Props) {
  // Folded until the analyst opens it: unfolded, it would cover much of a small map.
  const [open, setOpen] = useState(() => localStorage.getItem(OPEN_KEY) === 'open');
  return (
    <details
      className="map-legend"
      aria-label="Map legend"
      open={open}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        setOpen(now);
        localStorage.setItem(OPEN_KEY, now ? 'open' : 'closed');
      }}
    >
      <summary>
        Legend{' '}
        <span className="map-legend-counts" data-testid="map-counts">
          {plural(places, 'place')} · {plural(events, 'event')}
          {filtered ? ' (following the filters)' : ''}
        </span>
      </summary>
      <ul className="plain">
        <li>
          <span className="key key-place" /> Place in the articles, sized by mentions; a thick rim and “+2”: more places at that point
        </li>
        <li>
          <span className="key key-cluster">12</span> Places close together: the number of places; click to zoom in
        </li>
        <li>
          <span className="key key-ringed" /> Place of the selection or of the ticked articles
        </li>
        <li>
          <span className="key key-selected-event" /> Selected event · <span className="key key-linked-event" /> event tied to the selection
        </li>
        <li className="map-legend-events">
          Events, sized by fatalities, the faint halo wider as the location is less precise:
          {Object.entries(EVENT_STYLE).map(([type, { colour, letter }]) => (
            <span key={type} className="map-legend-event">
              <span className="key key-event" style={{ background: colour }}>
                {letter}
              </span>{' '}
              {type}
            </span>
          ))}
        </li>
        <li>
          <span className="key key-event-cluster">40</span> Events crowded together ({EVENT_CLUSTER_MIN_POINTS} or more): the number of events; click to zoom in, or to list them where they share one spot
        </li>
        <li>
          <label title="Off: a place of the articles counts only the times they name it">
            <input type="checkbox" checked={adjectives} onChange={(e) => onAdjectives(e.currentTarget.checked)} /> Count nationality adjectives as their country
            (“Russian forces”: Russia)
          </label>
        </li>
        <li className="muted">
          <span className="key key-city" /> Grey names: countries and cities of the basemap (Natural Earth, GeoNames), not from the articles
        </li>
      </ul>
    </details>
  );
}
