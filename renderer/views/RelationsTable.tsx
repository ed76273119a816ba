import type { ColDef } from 'ag-grid-community';
import type { RelationRecord } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { PagedGrid, type TableViewProps } from '../components/PagedGrid.js';

const columns: ColDef<RelationRecord>[] = [
  { colId: 'source', headerName: 'From', flex: 1, sortable: false, valueGetter: (p) => p.data?.source.name ?? '' },
  { colId: 'type', headerName: 'Relation', width: 160, sortable: false, valueGetter: (p) => (p.data ? (p.data.type === 'custom' ? p.data.label : p.data.type) : '') },
  { colId: 'target', headerName: 'To', flex: 1, sortable: false, valueGetter: (p) => p.data?.target.name ?? '' },
  { colId: 'when', headerName: 'When', width: 170, sortable: false, valueGetter: (p) => (p.data ? [p.data.startDate, p.data.endDate].filter(Boolean).join(' – ') : '') },
  { colId: 'evidence', headerName: 'Evidence', flex: 2, sortable: false, valueGetter: (p) => p.data?.evidence.map((e) => `“${e.quote}”`).join(' ') ?? '' },
];

interface Props extends TableViewProps {
  entityIds: number[];
}

/** Relations, paged in SQL; limited to the entities in the filter bar when there are any. */
export function RelationsTable({ entityIds, refreshKey, ...rest }: Props) {
  return (
    <PagedGrid<RelationRecord>
      testId="relations-table"
      columns={columns}
      refreshKey={`${entityIds.join(',')}|${refreshKey}`}
      fetchPage={(_sort, startRow, endRow) => call('relations.page', { entityIds, startRow, endRow })}
      exportAs={(_sort, columns) => ({ table: 'relations', entityIds, columns })}
      {...rest}
    />
  );
}
