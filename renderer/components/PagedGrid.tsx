import type { ColDef, FilterModel, GridApi, IDatasource, SortModelItem } from 'ag-grid-community';
import { themeQuartz } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { TableExportInput } from '../../electron/contract/index.js';
import { setShownTable, shownColumns, shownSort } from '../state/shownTable.js';
import { staleBlocks } from '../state/staleBlocks.js';
import { useBlockRefresh } from './blockRefresh.js';
import { useEnterOpens } from './enterOpens.js';
import { useRowMarks } from './rowMarks.js';
import { useDateStyle } from '../dates.js';

export const gridTheme = themeQuartz.withParams({ fontFamily: 'Noto Sans, sans-serif', fontSize: 13, headerFontWeight: 600, spacing: 6 });

export type SortSpec = { colId: string; direction: 'asc' | 'desc' }[];

interface Props<T extends { id: number }> {
  testId: string;
  columns: ColDef<T>[];
  /** Changes for another search or filter: the rows shown belong to another table. */
  queryKey: string;
  /** Changes after a write: the same table, read again. */
  refreshKey: number;
  selectedId: number | null;
  /** Rows tied to the current selection elsewhere (an entity's events, an event's actors…): marked. */
  markedIds?: number[];
  /** `filters`: AG Grid's filter model of the columns that have a `filter`, to apply in SQL. */
  fetchPage: (sort: SortSpec, startRow: number, endRow: number, filters: FilterModel) => Promise<{ rows: T[]; total: number }>;
  onOpen: (id: number) => void;
  onTotal: (n: number) => void;
  onError: (message: string) => void;
  /** This grid as an export request, given its current sort, shown columns and column filters. */
  exportAs: (sort: SortSpec, columns: string[] | undefined, filters: FilterModel) => TableExportInput;
  /** A cell edited in place, with the row as edited: saves it (or says why not). */
  onCellEdited?: (row: T) => Promise<void>;
}

const NONE: number[] = [];

/** What App gives every table view built on PagedGrid. */
export interface TableViewProps {
  refreshKey: number;
  selectedId: number | null;
  markedIds: number[];
  onOpen: (id: number) => void;
  onTotal: (n: number) => void;
  onError: (message: string) => void;
}

/**
 * A table paged in SQL through AG Grid's infinite row model: each block is one call to the core,
 * so the window never holds the whole table. The datasource is made once and reads the latest
 * fetch function through a ref.
 */
export function PagedGrid<T extends { id: number }>({ testId, columns, queryKey, refreshKey, selectedId, markedIds = NONE, fetchPage, onOpen, onTotal, onError, onCellEdited, exportAs }: Props<T>) {
  const apiRef = useRef<GridApi<T> | null>(null);
  const latest = useRef({ fetchPage, onTotal, onError, exportAs });
  useLayoutEffect(() => {
    latest.current = { fetchPage, onTotal, onError, exportAs };
  });
  useEffect(
    () =>
      setShownTable(() => {
        const api = apiRef.current;
        const sort = shownSort(api).map((s) => ({ colId: s.column, direction: s.direction }));
        return latest.current.exportAs(sort, shownColumns(api), api?.getFilterModel() ?? {});
      }),
    [],
  );
  // A block asked before the latest can come back after it with a stale total: the grid drops its
  // rows, as they are for a purged block, and the total shown must not take its count either.
  const blocks = useRef(staleBlocks());
  const refresh = useBlockRefresh(apiRef, queryKey, refreshKey);
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        const sort = (params.sortModel as SortModelItem[]).slice(0, 1).map((s) => ({ colId: s.colId, direction: s.sort }));
        const ticket = blocks.current.ask();
        refresh.asked();
        latest.current.fetchPage(sort, params.startRow, params.endRow, params.filterModel as FilterModel).then(
          (page) => {
            if (blocks.current.isLatest(ticket)) latest.current.onTotal(page.total);
            try {
              params.successCallback(page.rows, page.total);
            } finally {
              refresh.answered();
            }
          },
          (error: Error) => {
            if (!blocks.current.droppedQuietly(error, ticket)) latest.current.onError(error.message);
            try {
              params.failCallback();
            } finally {
              refresh.answered();
            }
          },
        );
      },
    }),
    [refresh],
  );
  // Dates are drawn in the analyst's chosen format: drawn again when it changes.
  const dates = useDateStyle();
  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
  }, [dates]);
  const { box, rowClassRules } = useRowMarks<T>(selectedId, markedIds);
  const enter = useEnterOpens<T>(onOpen);
  useEffect(() => {
    const api = apiRef.current;
    const node = api && selectedId !== null ? api.getRowNode(String(selectedId)) : undefined;
    if (node) api!.ensureNodeVisible(node);
  }, [selectedId]);

  return (
    <div className="articles-table" data-testid={testId} ref={box}>
      <AgGridReact<T>
        theme={gridTheme}
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true, suppressKeyboardEvent: enter.suppressKeyboardEvent }}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={100}
        getRowId={(p) => String(p.data.id)}
        rowClassRules={rowClassRules}
        onGridReady={(e) => (apiRef.current = e.api)}
        onRowClicked={(e) => e.data && onOpen(e.data.id)}
        onCellKeyDown={enter.onCellKeyDown}
        onCellValueChanged={(e) => {
          if (!onCellEdited || !e.data) return;
          // The grid shows the edit at once; the rows are read again afterwards, so a refused edit goes back.
          void onCellEdited(e.data).finally(() => refresh.changed());
        }}
        stopEditingWhenCellsLoseFocus
        // A dozen columns: render them all so a scrolled grid never hides a cell being edited.
        suppressColumnVirtualisation
      />
    </div>
  );
}
