import type { ColDef, GridApi, IDatasource, SortModelItem } from 'ag-grid-community';
import { themeQuartz } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { EventQuery, EventRecord } from '../../electron/contract/index.js';
import { call } from '../api.js';

const theme = themeQuartz.withParams({ fontFamily: 'Noto Sans, sans-serif', fontSize: 13, headerFontWeight: 600, spacing: 6 });

interface Props {
  query: Partial<EventQuery>;
  refreshKey: number;
  selectedId: number | null;
  onOpen: (id: number) => void;
  onTotal: (n: number) => void;
  onError: (message: string) => void;
}

/** Coded events, paged and sorted in SQL; a row opens the event's form. */
export function EventsTable({ query, refreshKey, selectedId, onOpen, onTotal, onError }: Props) {
  const apiRef = useRef<GridApi<EventRecord> | null>(null);
  const latest = useRef({ query, onTotal, onError });
  useLayoutEffect(() => {
    latest.current = { query, onTotal, onError };
  });
  const columns = useMemo<ColDef<EventRecord>[]>(
    () => [
      { field: 'date', headerName: 'Date', width: 115 },
      { field: 'eventType', headerName: 'Event type', width: 170 },
      { field: 'subEventType', headerName: 'Sub-event type', flex: 1.2, minWidth: 170 },
      { colId: 'actor1', headerName: 'Actor 1', flex: 1, valueGetter: (p) => p.data?.actor1?.name ?? '' },
      { colId: 'actor2', headerName: 'Actor 2', flex: 1, valueGetter: (p) => p.data?.actor2?.name ?? '' },
      { colId: 'location', headerName: 'Location', flex: 1, valueGetter: (p) => p.data?.location?.name ?? '' },
      { field: 'geoPrecision', headerName: 'Geo', width: 75, sortable: false },
      { field: 'fatalities', headerName: 'Fatalities', width: 100 },
      {
        colId: 'evidence',
        headerName: 'Evidence',
        width: 130,
        sortable: false,
        valueGetter: (p) => (p.data ? (p.data.unsupported.length ? `${p.data.unsupported.length} fields without` : 'every field') : ''),
      },
    ],
    [],
  );
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        const sort = (params.sortModel as SortModelItem[]).slice(0, 1).map((s) => ({ column: s.colId as EventQuery['sort'][number]['column'], direction: s.sort }));
        call('events.page', { query: { ...latest.current.query, sort }, startRow: params.startRow, endRow: params.endRow }).then(
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
    const api = apiRef.current;
    if (!api) return;
    api.forEachNode((n) => n.setSelected(n.data?.id === selectedId));
    const node = selectedId !== null ? api.getRowNode(String(selectedId)) : undefined;
    if (node) api.ensureNodeVisible(node);
  }, [selectedId]);

  return (
    <div className="articles-table" data-testid="events-table">
      <AgGridReact<EventRecord>
        theme={theme}
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true }}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={100}
        getRowId={(p) => String(p.data.id)}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        rowClassRules={{ 'row-current': (p) => p.data?.id === selectedId }}
        onGridReady={(e) => (apiRef.current = e.api)}
        onRowClicked={(e) => e.data && onOpen(e.data.id)}
      />
    </div>
  );
}
