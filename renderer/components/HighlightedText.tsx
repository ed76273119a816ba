import { useEffect, useRef } from 'react';

/** Article text as text (never HTML), with [start, end) ranges marked. Newlines are kept by CSS. */
export function HighlightedText({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const first = useRef<HTMLElement | null>(null);
  useEffect(() => {
    first.current?.scrollIntoView?.({ block: 'center' });
  }, [text, ranges]);
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start < at) return;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={i} ref={i === 0 ? (el) => void (first.current = el) : undefined}>
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  });
  parts.push(text.slice(at));
  return <div className="article-text">{parts}</div>;
}
