import type { CellKeyDownEvent, FullWidthCellKeyDownEvent, SuppressKeyboardEventParams } from 'ag-grid-community';
import { useLayoutEffect, useMemo, useRef } from 'react';

/**
 * Enter on a focused row opens it, as a click does. The grid's own use of Enter (start editing a cell)
 * is suppressed outside an editor, so F2 edits and Enter opens; inside an editor Enter still commits.
 */
export function useEnterOpens<T extends { id: number }>(onOpen: (id: number) => void) {
  // The callbacks are made once (the grid keeps them) and call the latest onOpen.
  const latest = useRef(onOpen);
  useLayoutEffect(() => {
    latest.current = onOpen;
  });
  // Set by suppressKeyboardEvent, read by the cellKeyDown that follows for the same key press.
  const opens = useRef(false);
  return useMemo(() => {
    return {
      suppressKeyboardEvent: (p: SuppressKeyboardEventParams<T>) => {
        // Remembered for the cellKeyDown that follows: by then an Enter that committed an edit has already ended it.
        opens.current = p.event.key === 'Enter' && !p.editing && !p.event.altKey && !p.event.ctrlKey && !p.event.metaKey;
        return opens.current;
      },
      onCellKeyDown: (e: CellKeyDownEvent<T> | FullWidthCellKeyDownEvent<T>) => {
        const key = (e.event as KeyboardEvent | null)?.key;
        if (key === 'Enter' && opens.current && e.data) {
          opens.current = false;
          latest.current(e.data.id);
        }
      },
    };
  }, []);
}
