import type { ColDef } from 'ag-grid-community';
import type { EventQuery, EventRecord } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { PagedGrid } from '../components/PagedGrid.js';

const columns: ColDef<EventRecord>[] = [
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
];

interface Props {
  query: Partial<EventQuery>;
  refreshKey: number;
  selectedId: number | null;
  onOpen: (id: number) => void;
  onTotal: (n: number) => void;
  onError: (message: string) => void;
}

/** Coded events, paged and sorted in SQL; a row opens the event's form. */
export function EventsTable({ query, refreshKey, ...rest }: Props) {
  return (
    <PagedGrid<EventRecord>
      testId="events-table"
      columns={columns}
      refreshKey={`${JSON.stringify(query)}|${refreshKey}`}
      fetchPage={(sort, startRow, endRow) =>
        call('events.page', { query: { ...query, sort: sort.map((s) => ({ column: s.colId as EventQuery['sort'][number]['column'], direction: s.direction })) }, startRow, endRow })
      }
      {...rest}
    />
  );
}
