import type { GridApi } from 'ag-grid-community';
import type { TableExportInput } from '../../electron/contract/index.js';

/** The table on screen, as an export request: its query, sort and columns as they are shown now. */
let shown: (() => TableExportInput) | null = null;

export function setShownTable(describe: () => TableExportInput): () => void {
  shown = describe;
  return () => {
    if (shown === describe) shown = null;
  };
}

export function shownTable(): TableExportInput | null {
  return shown ? shown() : null;
}

/** Column ids in display order, without the tick box and columns that only exist on screen. */
export function shownColumns(api: GridApi | null, skip: string[] = []): string[] | undefined {
  if (!api || api.isDestroyed()) return undefined;
  return api
    .getAllDisplayedColumns()
    .map((c) => c.getColId())
    .filter((id) => !id.startsWith('ag-Grid-') && !skip.includes(id));
}

/** The grid's one sort, as our queries take it. */
export function shownSort<C extends string>(api: GridApi | null): { column: C; direction: 'asc' | 'desc' }[] {
  if (!api || api.isDestroyed()) return [];
  return api
    .getColumnState()
    .filter((c) => c.sort)
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .slice(0, 1)
    .map((c) => ({ column: c.colId as C, direction: c.sort! }));
}
