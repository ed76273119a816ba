import type { ColDef, FilterModel, ValueParserParams } from 'ag-grid-community';
import { SUB_EVENT_TYPES, eventInputOf, type EventQuery, type EventRecord, type Problem } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { plural } from '../text.js';
import { PagedGrid, type TableViewProps } from '../components/PagedGrid.js';
import { showDate, showDatesIn } from '../dates.js';

const PRECISIONS = [1, 2, 3];
const toNumber = (p: ValueParserParams<EventRecord>) => (p.newValue === '' || p.newValue === null ? p.oldValue : Number(p.newValue));
// Edited in place: the fields that need no entity picker. Actors and the location are changed in the form.
const editable = { editable: true, cellClass: 'cell-editable' } as const;
// One condition per column, as in the other tables: each is one SQL condition (see db/events.ts).
const oneCondition = { maxNumConditions: 1, buttons: ['reset'] };
const text = { filter: 'agTextColumnFilter', filterParams: oneCondition } as const;
const number = { filter: 'agNumberColumnFilter', filterParams: oneCondition } as const;
const date = { filter: 'agDateColumnFilter', filterParams: { ...oneCondition, inRangeInclusive: true } } as const;

/**
 * The cue on an event coded again from another copy of its story (same type, date, place and
 * actors): the table lists both as coded, and says which one the totals, the timeline and the map count.
 */
function copiesCue(e: EventRecord | undefined): string {
  if (!e?.alsoCodedAs.length) return '';
  const others = `${e.alsoCodedAs.length === 1 ? 'event' : 'events'} ${e.alsoCodedAs.join(', ')}`;
  return e.counted ? `also coded from a copy of this story (${others}): counted once, here` : `also coded from a copy of this story: counted once, with ${others}`;
}

const columns: ColDef<EventRecord>[] = [
  { field: 'date', headerName: 'Date', width: 115, valueFormatter: (p) => showDate(p.value as string | null), ...editable, ...date },
  { field: 'timePrecision', headerName: 'Time prec.', width: 95, sortable: false, ...editable, cellEditor: 'agSelectCellEditor', cellEditorParams: { values: PRECISIONS }, valueParser: toNumber, ...number },
  { field: 'eventType', headerName: 'Event type', width: 170, ...text },
  { field: 'subEventType', headerName: 'Sub-event type', flex: 1.2, minWidth: 170, ...editable, cellEditor: 'agSelectCellEditor', cellEditorParams: { values: SUB_EVENT_TYPES }, ...text },
  { colId: 'actor1', headerName: 'Actor 1', flex: 1, valueGetter: (p) => p.data?.actor1?.name ?? '', ...text },
  { colId: 'actor2', headerName: 'Actor 2', flex: 1, valueGetter: (p) => p.data?.actor2?.name ?? '', ...text },
  { colId: 'location', headerName: 'Location', flex: 1, valueGetter: (p) => p.data?.location?.name ?? '', ...text },
  { field: 'geoPrecision', headerName: 'Geo', width: 75, sortable: false, ...editable, cellEditor: 'agSelectCellEditor', cellEditorParams: { values: PRECISIONS }, valueParser: toNumber, ...number },
  { field: 'fatalities', headerName: 'Fatalities', width: 100, ...editable, cellEditor: 'agNumberCellEditor', cellEditorParams: { precision: 0 }, valueParser: toNumber, ...number },
  {
    colId: 'evidence',
    headerName: 'Evidence',
    width: 130,
    sortable: false,
    valueGetter: (p) => (p.data ? (p.data.unsupported.length ? plural(p.data.unsupported.length, 'field without', 'fields without') : 'every field') : ''),
  },
  { colId: 'copies', headerName: 'Copies of its story', width: 190, sortable: false, valueGetter: (p) => copiesCue(p.data), tooltipValueGetter: (p) => copiesCue(p.data) || null },
  { field: 'notes', headerName: 'Notes', flex: 1, sortable: false, ...editable, cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true, valueParser: (p) => (p.newValue ? String(p.newValue) : null), ...text },
];

const sortOf = (sort: { colId: string; direction: 'asc' | 'desc' }[]) => sort.map((s) => ({ column: s.colId as EventQuery['sort'][number]['column'], direction: s.direction }));
const filtersOf = (model: FilterModel) => model as EventQuery['filters'];

const describe = (problems: Problem[]) => problems.map((p) => showDatesIn(p.message)).join(' ');

interface Props extends TableViewProps {
  query: Partial<EventQuery>;
  onNotice: (message: string) => void;
  /** How many of the events shown are coded again from another copy of their story. */
  onRepeats: (repeats: number) => void;
}

/**
 * Coded events, paged, sorted and filtered (by column and by the search box) in SQL; a row opens the event's form. Date, precisions, sub-event
 * type, fatalities and notes are edited in place and saved through the same validation as the form:
 * an edit the codebook refuses is undone and the reason shown.
 */
export function EventsTable({ query, refreshKey, onNotice, onRepeats, ...rest }: Props) {
  const save = async (row: EventRecord): Promise<void> => {
    const input = eventInputOf(row);
    if (!input) return rest.onError('This event has no actor 1: open it and complete it in the form.');
    try {
      const first = await call('events.update', { id: row.id, input });
      if (first.event) return;
      if (first.problems.some((p) => p.severity === 'error')) {
        rest.onError(`Not saved: ${describe(first.problems.filter((p) => p.severity === 'error'))}`);
      } else {
        // Only warnings (a likely duplicate): the analyst asked for this change, so keep it and say so.
        const second = await call('events.update', { id: row.id, input, acceptWarnings: true });
        if (second.event) onNotice(`Saved, with a warning: ${describe(first.problems)}`);
      }
    } catch (error) {
      rest.onError(`Not saved: ${(error as Error).message}`);
    }
  };
  return (
    <PagedGrid<EventRecord>
      testId="events-table"
      columns={columns}
      queryKey={JSON.stringify(query)}
      refreshKey={refreshKey}
      fetchPage={(sort, startRow, endRow, filters) =>
        call('events.page', { query: { ...query, sort: sortOf(sort), filters: filtersOf(filters) }, startRow, endRow }).then((page) => {
          if (page.repeats !== null) onRepeats(page.repeats);
          return page;
        })
      }
      onCellEdited={save}
      exportAs={(sort, columns, filters) => ({ table: 'events', eventQuery: { ...query, sort: sortOf(sort), filters: filtersOf(filters) }, columns })}
      {...rest}
    />
  );
}
