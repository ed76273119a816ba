import { Fragment, useEffect, useRef, type ReactNode } from 'react';
import { pageAt } from '../../electron/contract/imports.js';
import type { Mention } from '../../electron/contract/index.js';

interface Props {
  text: string;
  mentions: Mention[];
  highlights: [number, number][];
  selectedId: number | null;
  showRejected: boolean;
  /** Where the headline ends when the stored text opens with it: drawn as the heading, still annotatable. */
  headlineEnd?: number;
  /** Text picked from the keyboard ("s"): drawn as a selection, since the browser's own shows only what the mouse picked. */
  picked?: { start: number; end: number } | null;
  /** A paged document's [offset, page] starts (PDF, scans): each paragraph is shown with its page. */
  pageStarts?: [number, number][] | null;
  onSelectMention: (id: number) => void;
  /** A text selection inside the article, as body offsets. */
  onSelectText: (range: { start: number; end: number } | null) => void;
}

interface Segment {
  start: number;
  end: number;
  /** The annotations over this stretch, outermost first: a place named in an organisation's name sits inside it. */
  mentions: Mention[];
  hit: boolean;
  headline: boolean;
  picked: boolean;
}

/** Where each paragraph of the stored text starts (paragraphs are separated by a blank line), with its page. */
function paragraphPages(text: string, pageStarts: [number, number][]): Map<number, number> {
  const pages = new Map<number, number>();
  const starts = [0, ...Array.from(text.matchAll(/\n{2,}/g), (m) => m.index + m[0].length)];
  for (const start of starts) {
    const page = pageAt(pageStarts, start);
    if (start < text.length && page !== null) pages.set(start, page);
  }
  return pages;
}

/** Cuts the text at every mention and search-hit boundary, where the headline ends, around the picked text and at paragraph starts. */
function segments(
  text: string,
  mentions: Mention[],
  highlights: [number, number][],
  headlineEnd: number,
  picked: { start: number; end: number } | null,
  paragraphStarts: Iterable<number>,
): Segment[] {
  const cuts = new Set([0, text.length, headlineEnd, ...paragraphStarts]);
  if (picked) cuts.add(picked.start).add(picked.end);
  for (const m of mentions) cuts.add(m.start).add(m.end);
  for (const [s, e] of highlights) cuts.add(s).add(e);
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    out.push({
      start,
      end,
      mentions: mentions.filter((m) => m.start <= start && m.end >= end).sort((a, b) => a.start - b.start || b.end - a.end),
      hit: highlights.some(([s, e]) => s <= start && e >= end),
      headline: end <= headlineEnd,
      picked: picked !== null && picked.start <= start && picked.end >= end,
    });
  }
  return out;
}

/** Body offset of a point in the rendered text: every segment carries its start offset. */
function offsetOf(node: Node, offset: number): number | null {
  const element = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>('[data-s]');
  if (!element) return null;
  return Number(element.dataset.s) + (node.nodeType === Node.TEXT_NODE ? offset : 0);
}

/**
 * The article as text (never HTML) with annotations drawn over it: suggestions dashed, accepted
 * solid, rejected struck through (when shown). Mentions are grouped into one element per mention,
 * a place named in an organisation's name ("Kabul" in "Kabul University") inside the organisation's.
 */
export function AnnotatedText({ text, mentions, highlights, selectedId, showRejected, headlineEnd = 0, picked = null, pageStarts = null, onSelectMention, onSelectText }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const visible = mentions.filter((m) => showRejected || m.status !== 'rejected');
  const pages = pageStarts ? paragraphPages(text, pageStarts) : new Map<number, number>();
  const parts = segments(text, visible, highlights, headlineEnd, picked, pages.keys());

  useEffect(() => {
    root.current?.querySelector('mark')?.scrollIntoView?.({ block: 'center' });
  }, [text, highlights]);
  useEffect(() => {
    if (selectedId !== null) root.current?.querySelector(`[data-mention-id="${selectedId}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);
  useEffect(() => {
    if (picked) root.current?.querySelector('.picked')?.scrollIntoView?.({ block: 'nearest' });
  }, [picked]);

  const renderText = (seg: Segment) => {
    const content = text.slice(seg.start, seg.end);
    const className = [seg.headline ? 'headline-text' : '', seg.picked ? 'picked' : ''].filter(Boolean).join(' ') || undefined;
    return seg.hit ? (
      <mark key={seg.start} data-s={seg.start} className={className}>
        {content}
      </mark>
    ) : (
      <span key={seg.start} data-s={seg.start} className={className}>
        {content}
      </span>
    );
  };
  const render = (seg: Segment) => {
    const page = pages.get(seg.start);
    if (page === undefined) return renderText(seg);
    // The page sits in the margin, outside the offsets (no data-s) and outside a copied selection.
    return (
      <Fragment key={seg.start}>
        <span className="paragraph-page" data-testid="paragraph-page" title={`Page ${page} of the original document`}>
          p. {page}
        </span>
        {renderText(seg)}
      </Fragment>
    );
  };

  /** Runs of segments under the same annotation at this depth, each drawn as one element around the next depth. */
  const level = (segs: Segment[], depth: number, around?: Mention): ReactNode[] => {
    const out: ReactNode[] = [];
    for (let i = 0; i < segs.length; ) {
      const m = segs[i]!.mentions[depth];
      if (!m) {
        out.push(render(segs[i]!));
        i++;
        continue;
      }
      let j = i;
      while (j < segs.length && segs[j]!.mentions[depth]?.id === m.id) j++;
      out.push(
        <span
          key={`m${m.id}`}
          role="button"
          tabIndex={-1}
          data-mention-id={m.id}
          className={`mention type-${m.type} status-${m.status}${m.adjectival ? ' adjectival' : ''}${around ? ' nested' : ''}${m.id === selectedId ? ' selected' : ''}`}
          title={`${m.adjectival ? 'adjectival ' : ''}${m.type}${m.entityName ? ` · ${m.entityName}` : ''} · ${m.status}${m.reason ? ` (${m.reason})` : ''}${around ? ` · inside “${around.quote}”` : ''}`}
          onClick={(e) => {
            if (window.getSelection()?.isCollapsed !== false) {
              e.stopPropagation();
              onSelectMention(m.id);
            }
          }}
        >
          {level(segs.slice(i, j), depth + 1, m)}
        </span>,
      );
      i = j;
    }
    return out;
  };

  return (
    <div
      ref={root}
      className={pageStarts ? 'article-text paged' : 'article-text'}
      data-testid="article-text"
      // A scan read in Dari, Pashto or Arabic runs right to left: the text's first letters decide.
      dir="auto"
      onMouseDown={(e) => {
        // A press inside text still selected (a name just marked, a sentence just coded) would drag that
        // text away instead of starting a new selection, so a drag from a highlighted name selected nothing.
        // The article is read-only: a press here always starts afresh (Shift+click still extends).
        const selection = window.getSelection();
        if (e.button === 0 && !e.shiftKey && selection && !selection.isCollapsed) selection.removeAllRanges();
      }}
      onMouseUp={() => {
        const selection = window.getSelection();
        if (!selection || selection.isCollapsed || !root.current?.contains(selection.anchorNode)) return onSelectText(null);
        const a = offsetOf(selection.anchorNode!, selection.anchorOffset);
        const b = offsetOf(selection.focusNode!, selection.focusOffset);
        if (a === null || b === null) return onSelectText(null);
        let start = Math.min(a, b);
        let end = Math.max(a, b);
        while (start < end && /\s/.test(text[start]!)) start++;
        while (end > start && /\s/.test(text[end - 1]!)) end--;
        onSelectText(end > start ? { start, end } : null);
      }}
    >
      {level(parts, 0)}
    </div>
  );
}
