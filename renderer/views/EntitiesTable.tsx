import type { ColDef, FilterModel } from 'ag-grid-community';
import type { EntityColumn, EntityQuery, EntityQueryInput, EntityRow } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { PagedGrid, type TableViewProps } from '../components/PagedGrid.js';
import { showDate } from '../dates.js';

/** One condition per column, as in the articles table: each is one SQL condition. */
const oneCondition = { maxNumConditions: 1, buttons: ['reset'] };

const columns: ColDef<EntityRow>[] = [
  { field: 'type', headerName: 'Type', width: 120, cellClass: (p) => `type-cell type-${p.value as string}`, filter: 'agTextColumnFilter', filterParams: oneCondition },
  { field: 'name', headerName: 'Name', flex: 2, minWidth: 180, filter: 'agTextColumnFilter', filterParams: oneCondition },
  { colId: 'aliases', headerName: 'Aliases', flex: 2, sortable: false, valueGetter: (p) => p.data?.aliases.join(', ') ?? '' },
  { field: 'mentions', headerName: 'Accepted', width: 105 },
  { field: 'suggested', headerName: 'Suggested', width: 110 },
  { field: 'articles', headerName: 'Articles', width: 100 },
  { field: 'firstSeen', headerName: 'First seen', width: 120, valueFormatter: (p) => showDate(p.value as string | null) },
  { field: 'lastSeen', headerName: 'Last seen', width: 120, valueFormatter: (p) => showDate(p.value as string | null) },
  { colId: 'place', headerName: 'Place', flex: 1.5, sortable: false, valueGetter: (p) => p.data?.placeLabel ?? '' },
];

interface Props extends TableViewProps {
  query: EntityQueryInput;
}

const filtersOf = (model: FilterModel) => model as EntityQuery['filters'];
const sortOf = (sort: { colId: string; direction: 'asc' | 'desc' }[]) => sort.map((s) => ({ column: s.colId as EntityColumn, direction: s.direction }));

/** The entity registry as a table, paged, sorted and filtered (name, type) in SQL. */
export function EntitiesTable({ query, refreshKey, ...rest }: Props) {
  return (
    <PagedGrid<EntityRow>
      testId="entities-table"
      columns={columns}
      queryKey={JSON.stringify(query)}
      refreshKey={refreshKey}
      fetchPage={(sort, startRow, endRow, filters) => call('entities.page', { query: { ...query, sort: sortOf(sort), filters: filtersOf(filters) }, startRow, endRow })}
      exportAs={(sort, columns, filters) => ({ table: 'entities', entityQuery: { ...query, sort: sortOf(sort), filters: filtersOf(filters) }, columns })}
      {...rest}
    />
  );
}
