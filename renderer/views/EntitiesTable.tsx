import type { ColDef } from 'ag-grid-community';
import type { EntityColumn, EntityQueryInput, EntityRow } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { PagedGrid, type TableViewProps } from '../components/PagedGrid.js';

const columns: ColDef<EntityRow>[] = [
  { field: 'type', headerName: 'Type', width: 120, cellClass: (p) => `type-cell type-${p.value as string}` },
  { field: 'name', headerName: 'Name', flex: 2, minWidth: 180 },
  { colId: 'aliases', headerName: 'Aliases', flex: 2, sortable: false, valueGetter: (p) => p.data?.aliases.join(', ') ?? '' },
  { field: 'mentions', headerName: 'Accepted', width: 105 },
  { field: 'suggested', headerName: 'Suggested', width: 110 },
  { field: 'articles', headerName: 'Articles', width: 100 },
  { field: 'firstSeen', headerName: 'First seen', width: 120 },
  { field: 'lastSeen', headerName: 'Last seen', width: 120 },
  { colId: 'place', headerName: 'Place', flex: 1.5, sortable: false, valueGetter: (p) => p.data?.placeLabel ?? '' },
];

interface Props extends TableViewProps {
  query: EntityQueryInput;
}

/** The entity registry as a table, paged and sorted in SQL. */
export function EntitiesTable({ query, refreshKey, ...rest }: Props) {
  return (
    <PagedGrid<EntityRow>
      testId="entities-table"
      columns={columns}
      refreshKey={`${JSON.stringify(query)}|${refreshKey}`}
      fetchPage={(sort, startRow, endRow) =>
        call('entities.page', { query: { ...query, sort: sort.map((s) => ({ column: s.colId as EntityColumn, direction: s.direction })) }, startRow, endRow })
      }
      exportAs={(sort, columns) => ({ table: 'entities', entityQuery: { ...query, sort: sort.map((s) => ({ column: s.colId as EntityColumn, direction: s.direction })) }, columns })}
      {...rest}
    />
  );
}
