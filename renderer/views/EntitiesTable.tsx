import type { ColDef, GridApi, IDatasource, SortModelItem } from 'ag-grid-community';
import { themeQuartz } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { EntityColumn, EntityQueryInput, EntityRow } from '../../electron/contract/index.js';
import { call } from '../api.js';

const theme = themeQuartz.withParams({ fontFamily: 'Noto Sans, sans-serif', fontSize: 13, headerFontWeight: 600, spacing: 6 });

interface Props {
  query: EntityQueryInput;
  refreshKey: number;
  selectedId: number | null;
  onOpen: (id: number) => void;
  onTotal: (n: number) => void;
  onError: (message: string) => void;
}

/** The entity registry as a table, paged and sorted in SQL like the articles table. */
export function EntitiesTable({ query, refreshKey, selectedId, onOpen, onTotal, onError }: Props) {
  const apiRef = useRef<GridApi<EntityRow> | null>(null);
  const latest = useRef({ query, onTotal, onError });
  useLayoutEffect(() => {
    latest.current = { query, onTotal, onError };
  });
  const columns = useMemo<ColDef<EntityRow>[]>(
    () => [
      { field: 'type', headerName: 'Type', width: 120, cellClass: (p) => `type-cell type-${p.value as string}` },
      { field: 'name', headerName: 'Name', flex: 2, minWidth: 180 },
      { colId: 'aliases', headerName: 'Aliases', flex: 2, sortable: false, valueGetter: (p) => p.data?.aliases.join(', ') ?? '' },
      { field: 'mentions', headerName: 'Accepted', width: 105 },
      { field: 'suggested', headerName: 'Suggested', width: 110 },
      { field: 'articles', headerName: 'Articles', width: 100 },
      { field: 'firstSeen', headerName: 'First seen', width: 120 },
      { field: 'lastSeen', headerName: 'Last seen', width: 120 },
      { colId: 'place', headerName: 'Place', flex: 1.5, sortable: false, valueGetter: (p) => p.data?.placeLabel ?? '' },
    ],
    [],
  );
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        const sort = (params.sortModel as SortModelItem[]).slice(0, 1).map((s) => ({ column: s.colId as EntityColumn, direction: s.sort }));
        call('entities.page', { query: { ...latest.current.query, sort }, startRow: params.startRow, endRow: params.endRow }).then(
          (page) => {
            latest.current.onTotal(page.total);
            params.successCallback(page.rows, page.total);
          },
          (error: Error) => {
            latest.current.onError(error.message);
            params.failCallback();
          },
        );
      },
    }),
    [],
  );
  const key = JSON.stringify(query);
  useEffect(() => {
    apiRef.current?.purgeInfiniteCache();
  }, [key, refreshKey]);
  useEffect(() => {
    apiRef.current?.redrawRows();
  }, [selectedId]);

  return (
    <div className="articles-table" data-testid="entities-table">
      <AgGridReact<EntityRow>
        theme={theme}
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true }}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={100}
        getRowId={(p) => String(p.data.id)}
        rowClassRules={{ 'row-current': (p) => p.data?.id === selectedId }}
        onGridReady={(e) => (apiRef.current = e.api)}
        onRowClicked={(e) => e.data && onOpen(e.data.id)}
      />
    </div>
  );
}
