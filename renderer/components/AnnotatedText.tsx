import { useEffect, useRef } from 'react';
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
  onSelectMention: (id: number) => void;
  /** A text selection inside the article, as body offsets. */
  onSelectText: (range: { start: number; end: number } | null) => void;
}

interface Segment {
  start: number;
  end: number;
  mention: Mention | null;
  hit: boolean;
  headline: boolean;
  picked: boolean;
}

/** Cuts the text at every mention and search-hit boundary, where the headline ends and around the picked text. */
function segments(text: string, mentions: Mention[], highlights: [number, number][], headlineEnd: number, picked: { start: number; end: number } | null): Segment[] {
  const cuts = new Set([0, text.length, headlineEnd]);
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
      mention: mentions.find((m) => m.start <= start && m.end >= end) ?? null,
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
 * solid, rejected struck through (when shown). Mentions are grouped into one element per mention.
 */
export function AnnotatedText({ text, mentions, highlights, selectedId, showRejected, headlineEnd = 0, picked = null, onSelectMention, onSelectText }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const visible = mentions.filter((m) => showRejected || m.status !== 'rejected');
  const parts = segments(text, visible, highlights, headlineEnd, picked);

  useEffect(() => {
    root.current?.querySelector('mark')?.scrollIntoView?.({ block: 'center' });
  }, [text, highlights]);
  useEffect(() => {
    if (selectedId !== null) root.current?.querySelector(`[data-mention-id="${selectedId}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);
  useEffect(() => {
    if (picked) root.current?.querySelector('.picked')?.scrollIntoView?.({ block: 'nearest' });
  }, [picked]);

  const groups: { mention: Mention | null; segs: Segment[] }[] = [];
  for (const seg of parts) {
    const last = groups.at(-1);
    if (last && seg.mention && last.mention?.id === seg.mention.id) last.segs.push(seg);
    else groups.push({ mention: seg.mention, segs: [seg] });
  }
  const render = (seg: Segment) => {
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

  return (
    <div
      ref={root}
      className="article-text"
      data-testid="article-text"
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
      {groups.map((g) =>
        g.mention ? (
          <span
            key={`m${g.mention.id}`}
            role="button"
            tabIndex={-1}
            data-mention-id={g.mention.id}
            className={`mention type-${g.mention.type} status-${g.mention.status}${g.mention.id === selectedId ? ' selected' : ''}`}
            title={`${g.mention.type}${g.mention.entityName ? ` · ${g.mention.entityName}` : ''} · ${g.mention.status}${g.mention.reason ? ` (${g.mention.reason})` : ''}`}
            onClick={(e) => {
              if (window.getSelection()?.isCollapsed !== false) {
                e.stopPropagation();
                onSelectMention(g.mention!.id);
              }
            }}
          >
            {g.segs.map(render)}
          </span>
        ) : (
          g.segs.map(render)
        ),
      )}
    </div>
  );
}
