import type { ColDef, FilterModel } from 'ag-grid-community';
import type { RelationNarrowing, RelationRecord } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { PagedGrid, type TableViewProps } from '../components/PagedGrid.js';
import { showDateSpan } from '../dates.js';

// One condition per column, as in the other tables: each is one SQL condition (see db/relations.ts).
const oneCondition = { maxNumConditions: 1, buttons: ['reset'] };
const text = { filter: 'agTextColumnFilter', filterParams: oneCondition } as const;

const columns: ColDef<RelationRecord>[] = [
  { colId: 'source', headerName: 'From', flex: 1, valueGetter: (p) => p.data?.source.name ?? '', ...text },
  { colId: 'type', headerName: 'Relation', width: 160, valueGetter: (p) => (p.data ? (p.data.type === 'custom' ? p.data.label : p.data.type) : ''), ...text },
  { colId: 'target', headerName: 'To', flex: 1, valueGetter: (p) => p.data?.target.name ?? '', ...text },
  {
    colId: 'when',
    headerName: 'When',
    headerTooltip: 'Sorted and filtered by the start date',
    width: 170,
    valueGetter: (p) => (p.data ? showDateSpan(p.data.startDate, p.data.endDate) : ''),
    filter: 'agDateColumnFilter',
    filterParams: { ...oneCondition, inRangeInclusive: true },
  },
  { colId: 'notes', headerName: 'Notes', flex: 1, sortable: false, valueGetter: (p) => p.data?.notes ?? '', ...text },
  { colId: 'evidence', headerName: 'Evidence', flex: 2, sortable: false, valueGetter: (p) => p.data?.evidence.map((e) => `“${e.quote}”`).join(' ') ?? '' },
];

interface Props extends TableViewProps {
  entityIds: number[];
  /** The search box, matched against each relation's ends, type and notes. */
  search: string;
}

const sortOf = (sort: { colId: string; direction: 'asc' | 'desc' }[]) => sort.map((s) => ({ column: s.colId as RelationNarrowing['sort'][number]['column'], direction: s.direction }));
const filtersOf = (model: FilterModel) => model as RelationNarrowing['filters'];

/** Relations, paged, sorted and filtered in SQL; limited to the entities in the filter bar when there are any. */
export function RelationsTable({ entityIds, search, refreshKey, ...rest }: Props) {
  return (
    <PagedGrid<RelationRecord>
      testId="relations-table"
      columns={columns}
      queryKey={`${entityIds.join(',')}|${search}`}
      refreshKey={refreshKey}
      fetchPage={(sort, startRow, endRow, filters) => call('relations.page', { entityIds, search, sort: sortOf(sort), filters: filtersOf(filters), startRow, endRow })}
      exportAs={(sort, columns, filters) => ({ table: 'relations', entityIds, relationNarrowing: { search, sort: sortOf(sort), filters: filtersOf(filters) }, columns })}
      {...rest}
    />
  );
}
