import type { RowClassRules } from 'ag-grid-community';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';

/**
 * The current row and the rows tied to the selection, marked in an AG Grid: rows drawn later get
 * their classes from the rules, rows on screen get them here. (redrawRows would rebuild the rows,
 * and a double-click that also selects a row would then never start its edit.)
 */
export function useRowMarks<T extends { id: number }>(currentId: number | null, markedIds: number[]) {
  const box = useRef<HTMLDivElement>(null);
  const marked = useMemo(() => new Set(markedIds), [markedIds]);
  const current = useRef({ currentId, marked });
  useLayoutEffect(() => {
    current.current = { currentId, marked };
  });
  useEffect(() => {
    for (const row of box.current?.querySelectorAll<HTMLElement>('.ag-row[row-id]') ?? []) {
      const id = Number(row.getAttribute('row-id'));
      row.classList.toggle('row-current', id === currentId);
      row.classList.toggle('row-linked', id !== currentId && marked.has(id));
    }
  }, [currentId, marked]);
  const rowClassRules = useMemo<RowClassRules<T>>(
    () => ({
      'row-current': (p) => p.data?.id === current.current.currentId,
      'row-linked': (p) => !!p.data && p.data.id !== current.current.currentId && current.current.marked.has(p.data.id),
    }),
    [],
  );
  return { box, rowClassRules };
}
