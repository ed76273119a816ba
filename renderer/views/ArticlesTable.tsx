import type { ColDef, FilterModel, GridApi, GridReadyEvent, IDatasource, SortModelItem } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ArticleColumn, ArticlePage, ArticleQueryInput, ArticleRow } from '../../electron/contract/index.js';
import { call, CallFailed } from '../api.js';
import { useBlockRefresh } from '../components/blockRefresh.js';
import { gridTheme } from '../components/PagedGrid.js';
import { useEnterOpens } from '../components/enterOpens.js';
import { useRowMarks } from '../components/rowMarks.js';
import { setShownTable, shownColumns } from '../state/shownTable.js';
import { Snippet } from '../components/Snippet.js';
import { TagChips } from '../components/TagChips.js';
import type { ViewQuery } from '../state/query.js';
import { staleBlocks } from '../state/staleBlocks.js';
import { showDate, showDateTime, useDateStyle } from '../dates.js';

const oneCondition = { maxNumConditions: 1, buttons: ['reset'] };

type GridQuery = Pick<ViewQuery, 'filters' | 'sort'> & { oneRowPerStory: boolean };

interface Props {
  query: ViewQuery;
  refreshKey: number;
  /** Changes when the ticks must go (their articles were deleted). */
  clearSelectionKey: number;
  currentId: number | null;
  /** Articles tied to the current selection (an entity's, an event's sources): marked. */
  markedIds: number[];
  /** The grid's part of the query: its column filters and sort, and whether each story is one row. */
  onQueryChange: (q: GridQuery) => void;
  onOpen: (id: number) => void;
  onSelectionChange: (ids: number[]) => void;
  onPage: (info: Pick<ArticlePage, 'total' | 'exact' | 'order' | 'counting'>) => void;
  onError: (message: string) => void;
}

/**
 * The articles table: AG Grid's infinite row model asks the core for one block of rows at a
 * time, sorted and filtered in SQL, so the window never holds the whole table.
 */
export function ArticlesTable({ query, refreshKey, clearSelectionKey, currentId, markedIds, onQueryChange, onOpen, onSelectionChange, onPage, onError }: Props) {
  const apiRef = useRef<GridApi<ArticleRow> | null>(null);
  const [oneRowPerStory, setOneRowPerStory] = useState(false);
  const external = useRef({ search: query.search, tagIds: query.tagIds, entityIds: query.entityIds, bbox: query.bbox, dateRange: query.dateRange, oneRowPerStory });
  const callbacks = useRef({ onQueryChange, onPage, onError });
  // The datasource is made once; it reads the latest query and callbacks through these refs.
  useLayoutEffect(() => {
    external.current = { search: query.search, tagIds: query.tagIds, entityIds: query.entityIds, bbox: query.bbox, dateRange: query.dateRange, oneRowPerStory };
    callbacks.current = { onQueryChange, onPage, onError };
  });

  const columns = useMemo<ColDef<ArticleRow>[]>(
    () => [
      { field: 'title', headerName: 'Title', flex: 3, minWidth: 220, filter: 'agTextColumnFilter', filterParams: oneCondition },
      {
        colId: 'snippet',
        headerName: 'Match',
        flex: 3,
        minWidth: 260,
        sortable: false,
        hide: !query.search.trim(),
        cellRenderer: (p: { data?: ArticleRow }) => (p.data?.snippet ? <Snippet text={p.data.snippet} /> : null),
      },
      { field: 'source', headerName: 'Source', flex: 1, minWidth: 110, filter: 'agTextColumnFilter', filterParams: oneCondition },
      { field: 'published', headerName: 'Published', width: 120, filter: 'agDateColumnFilter', filterParams: oneCondition, valueFormatter: (p) => showDate(p.value as string | null) },
      { field: 'dateline', headerName: 'Dateline', flex: 1, minWidth: 120, filter: 'agTextColumnFilter', filterParams: oneCondition },
      {
        colId: 'tags',
        headerName: 'Tags',
        flex: 1.5,
        minWidth: 120,
        sortable: false,
        cellRenderer: (p: { data?: ArticleRow }) => (p.data ? <TagChips tags={p.data.tags} /> : null),
      },
      {
        colId: 'grading',
        headerName: 'Grading',
        width: 105,
        filter: 'agTextColumnFilter',
        filterParams: oneCondition,
        valueGetter: (p) => (p.data ? `${p.data.reliability ?? '–'}${p.data.credibility ?? '–'}` : ''),
        headerTooltip: 'Admiralty grading: source reliability A–F, information credibility 1–6',
      },
      { field: 'words', headerName: 'Words', width: 95, filter: 'agNumberColumnFilter', filterParams: oneCondition },
      {
        field: 'copies',
        headerName: 'Copies',
        width: 100,
        filter: 'agNumberColumnFilter',
        filterParams: oneCondition,
        headerTooltip: 'Articles telling the same story (wire copies, updates, the same text under another headline), this one included',
        valueFormatter: (p) => (p.value && p.value > 1 ? String(p.value) : ''),
      },
      {
        colId: 'ocr',
        field: 'ocrLowConfidence',
        headerName: 'OCR',
        width: 110,
        filter: 'agNumberColumnFilter',
        filterParams: oneCondition,
        headerTooltip:
          'Scans read by OCR with low confidence on some pages: check their text against the original. Sorted and filtered by the lowest page confidence (%); the scans in doubt come first either way',
        cellRenderer: (p: { value?: string | null }) =>
          p.value ? (
            <span className="ocr-doubt" data-testid="ocr-doubt" title={`Read by OCR with low confidence: ${p.value}`}>
              ⚠ {p.value}
            </span>
          ) : null,
      },
      {
        colId: 'imported',
        field: 'importedAt',
        headerName: 'Imported',
        width: 150,
        filter: 'agDateColumnFilter',
        filterParams: oneCondition,
        valueFormatter: (p) => showDateTime(p.value as string | null),
      },
    ],
    [query.search],
  );

  const lastQuery = useRef<Pick<ViewQuery, 'filters' | 'sort'>>({ filters: {}, sort: [] });
  useEffect(
    () =>
      setShownTable(() => ({
        table: 'articles',
        articleQuery: { ...external.current, ...lastQuery.current },
        columns: shownColumns(apiRef.current, ['snippet']),
      })),
    [],
  );

  const blocks = useRef(staleBlocks());
  /**
   * A block the core answered before it had counted the table's rows (it counts them off its thread:
   * up to a second at a million articles before the file is cached, more under load) says so; the count is asked for once and, when it comes, shown and
   * given to the grid as the table's end, if the table still shows that query.
   */
  const countAsked = useRef<string | null>(null);
  const askCount = useCallback((sent: ArticleQueryInput, order: ArticlePage['order']) => {
    const key = JSON.stringify(sent);
    if (countAsked.current === key) return;
    countAsked.current = key;
    call('articles.count', { query: sent })
      .then(
        (count) => {
          if (JSON.stringify({ ...external.current, ...lastQuery.current }) !== key) return;
          callbacks.current.onPage({ ...count, order });
          if (count.exact) apiRef.current?.setRowCount(count.total, true);
        },
        // Refused as superseded: another table's count was asked for since, and this one is not shown.
        (error: Error) => !(error instanceof CallFailed && error.code === 'superseded') && callbacks.current.onError(error.message),
      )
      .finally(() => {
        if (countAsked.current === key) countAsked.current = null;
      });
  }, []);
  const externalKey = JSON.stringify([query.search, query.tagIds, query.entityIds, query.bbox, query.dateRange, oneRowPerStory]);
  const refresh = useBlockRefresh(apiRef, externalKey, refreshKey);
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        const sort = (params.sortModel as SortModelItem[]).slice(0, 1).map((s) => ({ column: s.colId as ArticleColumn, direction: s.sort }));
        const filters = params.filterModel as FilterModel as ViewQuery['filters'];
        lastQuery.current = { filters, sort };
        const ticket = blocks.current.ask();
        refresh.asked();
        callbacks.current.onQueryChange({ filters, sort, oneRowPerStory: external.current.oneRowPerStory });
        const sent = { ...external.current, filters, sort };
        call('articles.page', {
          query: sent,
          startRow: params.startRow,
          endRow: params.endRow,
        }).then(
          (page) => {
            // A block asked for before the search changed (or before a refresh) can come back after the
            // latest: the grid drops its rows, and the total shown must not take its count either.
            if (blocks.current.isLatest(ticket)) {
              callbacks.current.onPage(page);
              if (page.counting) askCount(sent, page.order);
            }
            // Past an uncounted total the grid keeps asking until a block comes back short.
            const requested = params.endRow - params.startRow;
            const lastRow = page.exact ? page.total : page.rows.length < requested ? params.startRow + page.rows.length : undefined;
            try {
              params.successCallback(page.rows, lastRow);
            } finally {
              refresh.answered();
            }
          },
          (error: Error) => {
            if (!blocks.current.droppedQuietly(error, ticket)) callbacks.current.onError(error.message);
            try {
              params.failCallback();
            } finally {
              refresh.answered();
            }
          },
        );
      },
    }),
    [refresh, askCount],
  );

  // Dates are drawn in the analyst's chosen format: drawn again when it changes.
  const dates = useDateStyle();
  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
  }, [dates]);

  const { box, rowClassRules } = useRowMarks<ArticleRow>(currentId, markedIds);
  const enter = useEnterOpens<ArticleRow>(onOpen);

  useEffect(() => {
    apiRef.current?.deselectAll();
  }, [clearSelectionKey]);

  const onGridReady = useCallback((e: GridReadyEvent<ArticleRow>) => {
    apiRef.current = e.api;
  }, []);

  return (
    <div className="articles-table" data-testid="articles-table" ref={box}>
      <label className="muted one-row-per-story" title="Show each story once: of the copies that match, the first in table order">
        <input type="checkbox" checked={oneRowPerStory} onChange={(e) => setOneRowPerStory(e.target.checked)} /> One row per story
      </label>
      <AgGridReact<ArticleRow>
        theme={gridTheme}
        containerStyle={{ flex: 1, minHeight: 0 }}
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true, suppressKeyboardEvent: enter.suppressKeyboardEvent }}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={100}
        maxBlocksInCache={20}
        getRowId={(p) => String(p.data.id)}
        rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false }}
        rowClassRules={rowClassRules}
        onGridReady={onGridReady}
        onRowClicked={(e) => e.data && onOpen(e.data.id)}
        onCellKeyDown={enter.onCellKeyDown}
        onSelectionChanged={(e) => onSelectionChange(e.api.getSelectedRows().map((r) => r.id))}
        overlayNoRowsTemplate="No articles match."
      />
    </div>
  );
}
