import { useCallback, useState, type KeyboardEvent, type PointerEvent } from 'react';

const STEP = 24;
const keyOf = (id: string, scope: string) => `awb:pane:${scope}:${id}`;
const lastKey = (id: string) => `awb:pane:${id}`;

function remembered(id: string, scope: string, fallback: number): number {
  const stored = Number(localStorage.getItem(keyOf(id, scope)) ?? localStorage.getItem(lastKey(id)));
  return Number.isFinite(stored) && stored > 0 ? stored : fallback;
}

/**
 * A pane's size in pixels, remembered per pane and per workspace (`scope`); a workspace seen for
 * the first time takes the size last used anywhere. `set(px, keep)` keeps it only when told, so a
 * drag writes once, at the end.
 */
export function usePaneSize(id: string, scope: string, fallback: number): [number, (px: number, keep: boolean) => void] {
  const [state, setState] = useState(() => ({ scope, size: remembered(id, scope, fallback) }));
  let current = state;
  if (state.scope !== scope) {
    current = { scope, size: remembered(id, scope, fallback) };
    setState(current);
  }
  const set = useCallback(
    (px: number, keep: boolean) => {
      setState({ scope, size: px });
      if (!keep) return;
      localStorage.setItem(keyOf(id, scope), String(px));
      localStorage.setItem(lastKey(id), String(px));
    },
    [id, scope],
  );
  return [current.size, set];
}

interface Props {
  /** 'row': the panes sit side by side (an upright bar); 'column': one above the other. */
  direction: 'row' | 'column';
  /** What the bar resizes, in words ("Resize the map"): its accessible name. */
  label: string;
  /** Size of the pane after the bar (right of it or below it), in pixels. */
  size: number;
  onSize: (px: number, keep: boolean) => void;
  /** Neither side gets smaller than this. */
  min?: number;
}

/**
 * The bar between two panes of a flex container (its parent): dragged with the mouse, or moved
 * with the arrow keys once focused. It sizes the pane after it; the pane before takes the rest.
 */
export function Splitter({ direction, label, size, onSize, min = 160 }: Props) {
  const row = direction === 'row';
  const clamp = (px: number, box: DOMRect) => Math.round(Math.max(min, Math.min(px, (row ? box.width : box.height) - min)));

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const bar = e.currentTarget;
    const box = bar.parentElement!.getBoundingClientRect();
    bar.setPointerCapture(e.pointerId);
    let latest = size;
    const move = (ev: globalThis.PointerEvent) => {
      latest = clamp(row ? box.right - ev.clientX : box.bottom - ev.clientY, box);
      onSize(latest, false);
    };
    const up = () => {
      bar.removeEventListener('pointermove', move);
      bar.removeEventListener('pointerup', up);
      bar.removeEventListener('pointercancel', up);
      onSize(latest, true);
    };
    bar.addEventListener('pointermove', move);
    bar.addEventListener('pointerup', up);
    bar.addEventListener('pointercancel', up);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // The sized pane is after the bar: moving the bar towards it shrinks it.
    const grow: Record<string, number> = row ? { ArrowLeft: STEP, ArrowRight: -STEP } : { ArrowUp: STEP, ArrowDown: -STEP };
    const by = grow[e.key];
    if (by === undefined) return;
    e.preventDefault();
    onSize(clamp(size + by, e.currentTarget.parentElement!.getBoundingClientRect()), true);
  };

  return (
    <div
      className={`splitter splitter-${direction}`}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={row ? 'vertical' : 'horizontal'}
      aria-valuenow={size}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
