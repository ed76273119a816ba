import { useEffect, useMemo, useRef, useState } from 'react';
import { plural } from '../text.js';
import { showDate, useDateStyle } from '../dates.js';

interface Series {
  articles: { date: string; count: number }[];
  events: { date: string; count: number; fatalities: number }[];
}

interface Props {
  series: Series;
  range: [string, string] | null;
  /** Days of the selection (an event's day, an entity's events' days, an article's publication): marked. */
  markedDates: string[];
  onBrush: (range: [string, string] | null) => void;
  /** Articles without a publication date: on no day, so in no date range either. */
  undated?: number;
}

const DAY = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const HEIGHT = 96;
const AXIS = 18;

/**
 * Events (above the line) and articles (below) per day. Drag to brush a range, which filters every
 * other view; the wheel zooms around the pointer; a double click shows everything again.
 */
export function Timeline({ series, range, markedDates, onBrush, undated = 0 }: Props) {
  const marked = useMemo(() => new Set(markedDates), [markedDates]);
  const selectedDate = markedDates.length === 1 ? markedDates[0]! : null;
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [view, setView] = useState<[number, number] | null>(null);
  const [drag, setDrag] = useState<[number, number] | null>(null);
  const [now] = useState(() => Date.now());
  // Drawn again when the analyst changes the date format.
  useDateStyle();

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth || 800));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The axis spans the data's own days; with no dated data it shows the last month, without ticks
  // that would suggest a period the workspace says nothing about.
  const dated = series.articles.length + series.events.length > 0;
  const full = useMemo<[number, number]>(() => {
    const dates = [...series.articles, ...series.events].map((d) => toMs(d.date));
    if (dates.length === 0) return [now - 30 * DAY, now];
    return [Math.min(...dates) - 3 * DAY, Math.max(...dates) + 4 * DAY];
  }, [series, now]);
  const [t0, t1] = view ?? full;
  const x = (ms: number) => ((ms - t0) / (t1 - t0)) * width;
  const t = (px: number) => t0 + (px / width) * (t1 - t0);
  const barWidth = Math.max(2, (DAY / (t1 - t0)) * width - 1);
  const maxEvents = Math.max(1, ...series.events.map((e) => e.count));
  const maxArticles = Math.max(1, ...series.articles.map((a) => a.count));
  const mid = (HEIGHT - AXIS) / 2;
  const ticks = useMemo(() => {
    const span = t1 - t0;
    const step = [1, 2, 7, 14, 30, 91, 182, 365, 730].map((d) => d * DAY).find((s) => span / s <= 8) ?? 1461 * DAY;
    const out: number[] = [];
    for (let ms = Math.ceil(t0 / step) * step; ms < t1; ms += step) out.push(ms);
    return out;
  }, [t0, t1]);
  const local = (e: React.MouseEvent) => e.clientX - box.current!.getBoundingClientRect().left;

  return (
    <div
      className="timeline"
      ref={box}
      data-testid="timeline"
      data-selected-date={markedDates.join(',')}
      onWheel={(e) => {
        const at = t(local(e));
        const factor = e.deltaY > 0 ? 1.25 : 0.8;
        setView([at - (at - t0) * factor, at + (t1 - at) * factor]);
      }}
      onDoubleClick={() => setView(null)}
      onMouseDown={(e) => setDrag([local(e), local(e)])}
      onMouseMove={(e) => drag && setDrag([drag[0], local(e)])}
      onMouseUp={() => {
        if (drag && Math.abs(drag[1] - drag[0]) > 4) {
          const [a, b] = [Math.min(...drag), Math.max(...drag)];
          onBrush([toDate(t(a)), toDate(t(b))]);
        }
        setDrag(null);
      }}
      onMouseLeave={() => setDrag(null)}
    >
      <svg width={width} height={HEIGHT} role="img" aria-label="Timeline of events and articles">
        {range && <rect className="brush" x={x(toMs(range[0]))} y={0} width={Math.max(2, x(toMs(range[1]) + DAY) - x(toMs(range[0])))} height={HEIGHT - AXIS} />}
        {series.events.map((d) => (
          <rect
            key={`e${d.date}`}
            className={`bar-event${marked.has(d.date) ? ' selected' : ''}`}
            x={x(toMs(d.date))}
            y={mid - (d.count / maxEvents) * (mid - 4)}
            width={barWidth}
            height={(d.count / maxEvents) * (mid - 4)}
          >
            <title>{`${showDate(d.date)}: ${plural(d.count, 'event')}, ${plural(d.fatalities, 'fatality')}`}</title>
          </rect>
        ))}
        {series.articles.map((d) => (
          <rect key={`a${d.date}`} className="bar-article" x={x(toMs(d.date))} y={mid + 1} width={barWidth} height={(d.count / maxArticles) * (mid - 4)}>
            <title>{`${showDate(d.date)}: ${plural(d.count, 'article')}`}</title>
          </rect>
        ))}
        {selectedDate && <line className="selected-line" x1={x(toMs(selectedDate) + DAY / 2)} x2={x(toMs(selectedDate) + DAY / 2)} y1={0} y2={HEIGHT - AXIS} />}
        <line className="axis" x1={0} x2={width} y1={mid} y2={mid} />
        {!dated && (
          <text x={width / 2} y={mid} className="tick" textAnchor="middle">
            No dated articles or events
          </text>
        )}
        {dated && ticks.map((ms) => (
          <text key={ms} x={x(ms)} y={HEIGHT - 4} className="tick">
            {showDate(toDate(ms))}
          </text>
        ))}
        {drag && <rect className="brush dragging" x={Math.min(...drag)} y={0} width={Math.abs(drag[1] - drag[0])} height={HEIGHT - AXIS} />}
      </svg>
      <span className="legend">
        <span className="key-event" /> events <span className="key-article" /> articles · drag to filter, wheel to zoom
        {undated > 0 && (
          <span data-testid="timeline-undated" title="Articles without a publication date are on no day: a date filter leaves them out. Give them a date in the reader.">
            {' '}
            · {undated} undated {undated === 1 ? 'article' : 'articles'}, not shown{range ? ' and not in the date filter' : ''}
          </span>
        )}
      </span>
    </div>
  );
}
