import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { ArticleQuery, decodeEventPoints, decodeMapLayer, noLinks, type ArticlePage, type SelectionLinks, type SelectionRef, type EventPoint, type CallOutput, type MapPlace, type Tag, type WorkspaceInfo } from '../electron/contract/index.js';
import { call, CallFailed, mode, onCoreEvent } from './api.js';
import { useConfirm } from './components/ConfirmDialog.js';
import { usePrompt } from './components/PromptDialog.js';
import { DropCue, useFilesDraggedOver } from './components/DropCue.js';
import { fromDrop, type PickedFile } from './components/files.js';
import { FilterBar } from './components/FilterBar.js';
import { ExportDialog } from './components/ExportDialog.js';
import { ImportDialog } from './components/ImportDialog.js';
import { ReportDialog } from './components/ReportDialog.js';
import { Modal } from './components/Modal.js';
import { SelectionBar, selectionLabel } from './components/SelectionBar.js';
import { showDatesIn } from './dates.js';
import { Splitter, usePaneSize } from './components/Splitter.js';
import { WorkspaceMenu } from './components/WorkspaceMenu.js';
import { LockedWorkspace } from './components/PassphraseDialog.js';
import { emptyQuery, isFiltered, type ViewQuery } from './state/query.js';
import { reportScope } from './state/reportScope.js';
import { newestOnly } from './state/newestOnly.js';
import { useErrors } from './state/useAsync.js';
import { useSearchCounts } from './state/useSearchCounts.js';
import { ArticlesTable } from './views/ArticlesTable.js';
import { BulkBar } from './views/BulkBar.js';
import { EntitiesTable } from './views/EntitiesTable.js';
import { EntityPanel } from './views/EntityPanel.js';
import { EventPanel } from './views/EventPanel.js';
import { EventsTable } from './views/EventsTable.js';
import { HistoryPanel, useUndoRedo } from './views/HistoryPanel.js';
import { LinkChart } from './views/LinkChart.js';
import { RelationsTable } from './views/RelationsTable.js';
import { MapView } from './views/MapView.js';
import { Reader } from './views/Reader.js';
import { TagPanel } from './views/TagPanel.js';
import { Timeline } from './views/Timeline.js';

/** Where the map's choice to count nationality adjectives is kept. */
const MAP_ADJECTIVES_KEY = 'awb:map-adjectives';

type AppInfo = CallOutput<'app.info'>;
/** What is selected: an article, entity or event (each with its side panel), or a relation (no panel). */
type Side = { kind: 'article'; id: number; eventId?: number } | { kind: 'entity'; id: number } | { kind: 'event'; id: number } | { kind: 'relation'; id: number } | null;

export function App() {
  const { error, setError, run } = useErrors();
  const { confirm, dialog: confirmDialog } = useConfirm();
  const { ask, dialog: promptDialog } = usePrompt();
  const [app, setApp] = useState<AppInfo | null>(null);
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [tags, setTags] = useState<Tag[]>([]);
  const [query, setQuery] = useState<ViewQuery>(emptyQuery);
  const [searchInput, setSearchInput] = useState('');
  const [refreshKey, setRefreshKey] = useState(0);
  const [pageInfo, setPageInfo] = useState<Pick<ArticlePage, 'total' | 'exact' | 'order' | 'counting'>>({ total: 0, exact: true, order: 'newest' });
  const [selection, setSelection] = useState<number[]>([]);
  const [clearSelectionKey, setClearSelectionKey] = useState(0);
  const [side, setSide] = useState<Side>(null);
  const [tab, setTab] = useState<'articles' | 'entities' | 'events' | 'relations' | 'chart'>('articles');
  const [relationTotal, setRelationTotal] = useState(0);
  const [eventTotal, setEventTotal] = useState(0);
  const [eventRepeats, setEventRepeats] = useState(0);
  const [eventPoints, setEventPoints] = useState<EventPoint[]>([]);
  const [series, setSeries] = useState<CallOutput<'timeline.series'>>({ articles: [], events: [] });
  const [linksFor, setLinks] = useState<{ key: string; links: SelectionLinks }>({ key: '', links: noLinks });
  const [entityTotal, setEntityTotal] = useState(0);
  const [showMap, setShowMap] = useState(true);
  const [places, setPlaces] = useState<MapPlace[]>([]);
  // Whether "Russian forces" counts as a mention of Russia on the map; kept between sessions.
  const [mapAdjectives, setMapAdjectives] = useState(() => localStorage.getItem(MAP_ADJECTIVES_KEY) !== 'off');
  const [articlePlaces, setArticlePlaces] = useState<number[]>([]);
  const [inView, setInView] = useState(false);
  /** Set when the map's box filter holds a crowd of events at one spot rather than the map's view. */
  const [spotFilter, setSpotFilter] = useState(false);
  const [picking, setPicking] = useState<number | null>(null);
  const [entityNames, setEntityNames] = useState(new Map<number, string>());
  const [importing, setImporting] = useState<{ files: PickedFile[] | null } | null>(null);
  const filesOver = useFilesDraggedOver();
  const [notice, setNotice] = useState<{ text: string; undo?: () => void } | null>(null);
  const [extracting, setExtracting] = useState<{ done: number; remaining: number; failed?: string } | null>(null);
  const [about, setAbout] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const noticeText = useCallback((text: string) => setNotice({ text }), []);
  const history = useUndoRedo(run, noticeText);
  const [dialog, setDialog] = useState<'report' | 'export' | null>(null);
  const gridQuery = useRef<Pick<ViewQuery, 'filters' | 'sort'>>({ filters: {}, sort: [] });
  // The grid's own filters, as state too, so the entities table can follow them.
  const [gridFilters, setGridFilters] = useState<ViewQuery['filters']>({});
  const bounds = useRef<[number, number, number, number] | null>(null);
  // Pane sizes the analyst dragged, per workspace: the side panel's width and the map's height.
  const [sideSize, setSideSize] = usePaneSize('side', workspace?.path ?? '', Math.round(Math.min(window.innerWidth * 0.5, 900)));
  const [mapSize, setMapSize] = usePaneSize('map', workspace?.path ?? '', Math.round(window.innerHeight * 0.38));

  const tagsGate = useMemo(() => newestOnly(), []);
  const workspaceGate = useMemo(() => newestOnly(), []);
  const loadTags = useCallback(() => void tagsGate(run(() => call('tags.list', {}))).then((t) => t && setTags(t)), [run, tagsGate]);
  const loadWorkspace = useCallback(() => void workspaceGate(run(() => call('workspace.current', {}))).then((w) => w && setWorkspace(w)), [run, workspaceGate]);

  useEffect(() => {
    void run(() => call('app.info', {})).then((a) => a && setApp(a));
    loadWorkspace();
    loadTags();
    return onCoreEvent((event) => {
      if (event.type === 'extract.progress') return setExtracting(event.remaining > 0 || event.failed ? event : null);
      if (event.type !== 'changed') return;
      if (['articles', 'entities', 'events', 'relations'].some((w) => event.what.includes(w as never))) setRefreshKey((k) => k + 1);
      if (event.what.includes('articles')) loadWorkspace();
      if (event.what.includes('tags')) loadTags();
      if (event.what.includes('workspace')) {
        setSide(null);
        setSelection([]);
        setQuery(emptyQuery);
        setSearchInput('');
      }
    });
  }, [run, loadTags, loadWorkspace]);

  // A notice without an Undo goes away by itself.
  useEffect(() => {
    if (!notice || notice.undo) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  // Searching as the analyst types, once they pause.
  useEffect(() => {
    const timer = setTimeout(() => setQuery((q) => (q.search === searchInput ? q : { ...q, search: searchInput })), 250);
    return () => clearTimeout(timer);
  }, [searchInput]);

  useEffect(() => {
    let live = true;
    void run(() => call('timeline.series', {})).then((t) => live && t && setSeries(t));
    return () => {
      live = false;
    };
  }, [refreshKey, run]);
  // The map reads the tables' query: the places of the articles the articles table shows (as the
  // entities table does), and the events the events table shows. The map view itself is not a
  // filter of the map: "Only articles with places in view" narrows the tables only.
  const mapArticleQuery = useMemo(() => {
    const q = { ...query, bbox: null, filters: gridFilters };
    return isFiltered(q) ? q : null;
  }, [query, gridFilters]);
  useEffect(() => {
    // An answer for a filter the analyst has since changed is dropped (the live flags below do the same).
    let live = true;
    const ask = () => call('map.places', { articleQuery: mapArticleQuery, includeAdjectival: mapAdjectives });
    // The core passes over (or stops) a filter's places once a newer one is asked: dropped when this
    // window asked it, asked once more when another did (a second window) and this filter still shows.
    const placesOfFilter = () =>
      ask().catch((error: unknown) => {
        if (!(error instanceof CallFailed && error.code === 'superseded')) throw error;
        return live ? ask() : null;
      });
    void run(placesOfFilter).then((p) => live && p && setPlaces(decodeMapLayer(p)));
    return () => {
      live = false;
    };
  }, [mapArticleQuery, mapAdjectives, refreshKey, run]);
  const eventFilter = useMemo(
    () => ({
      entityIds: query.entityIds,
      bbox: query.bbox,
      dateFrom: query.dateRange?.[0] ?? null,
      dateTo: query.dateRange?.[1] ?? null,
      // The search box on the events' own text (actors, location, notes, types); events whose
      // evidence comes from the articles the tags and column filters keep.
      search: query.search,
      articleQuery: query.tagIds.length || Object.keys(gridFilters).length ? ArticleQuery.parse({ tagIds: query.tagIds, filters: gridFilters }) : null,
    }),
    [query.entityIds, query.bbox, query.dateRange, query.search, query.tagIds, gridFilters],
  );
  const eventQuery = useMemo(() => (selection.length ? { ...eventFilter, articleIds: selection } : eventFilter), [eventFilter, selection]);
  // The search box on the entities' own names; entities of the articles the other filters keep.
  const entityQuery = useMemo(() => {
    const articles = { ...query, search: '', filters: gridFilters };
    if (selection.length) return { search: query.search, articleIds: selection };
    return { search: query.search, articleQuery: isFiltered(articles) ? articles : null };
  }, [query, gridFilters, selection]);
  const searchCounts = useSearchCounts(query.search, entityQuery, eventQuery, query.entityIds, refreshKey);
  const tabCount = (n: number | undefined, what: string) =>
    searchCounts && n !== undefined ? (
      <span className="tab-count" data-testid={`${what}-search-count`} title={`${what} matching the search`}>
        {n.toLocaleString('en')}
      </span>
    ) : null;
  const searchNote = query.search.trim() ? ` matching “${query.search.trim()}”` : '';
  useEffect(() => {
    let live = true;
    void run(() => call('events.points', { query: { ...eventFilter, bbox: null } })).then((p) => live && p && setEventPoints(decodeEventPoints(p.packed)));
    return () => {
      live = false;
    };
  }, [eventFilter, refreshKey, run]);
  // One selection for every view: the open article, entity or event, or the chosen relation. Each
  // view marks what it is tied to (an entity's articles, events and relations; an event's day…).
  const focus = useMemo<SelectionRef | null>(() => (side ? { kind: side.kind, id: side.id } : null), [side]);
  const focusKey = focus ? `${focus.kind}:${focus.id}` : '';
  useEffect(() => {
    if (!focus) return;
    let live = true;
    void run(() => call('selection.links', focus)).then((l) => live && l && setLinks({ key: `${focus.kind}:${focus.id}`, links: l }));
    return () => {
      live = false;
    };
  }, [focus, refreshKey, run]);
  const links = focus && linksFor.key === focusKey ? linksFor.links : noLinks;
  const openEvent = useCallback((id: number) => setSide({ kind: 'event', id }), []);

  // The places of the ticked articles are ringed on the map (else those tied to the selection).
  useEffect(() => {
    if (selection.length === 0) return;
    let live = true;
    void run(() => call('map.places', { articleIds: selection, includeAdjectival: mapAdjectives })).then(
      (p) => live && p && setArticlePlaces(decodeMapLayer(p).map((x) => x.entityId)),
    );
    return () => {
      live = false;
    };
  }, [selection, mapAdjectives, refreshKey, run]);
  const highlighted = useMemo(
    () => (selection.length ? articlePlaces : focus ? links.entityIds : []),
    [selection, focus, links, articlePlaces],
  );

  const changeQuery = (q: ViewQuery) => {
    setQuery(q);
    setSearchInput(q.search);
    if (!q.bbox) {
      setInView(false);
      setSpotFilter(false);
    }
  };
  const fullQuery = () => ({ ...query, ...gridQuery.current });
  const navigate = useCallback(
    (direction: 'next' | 'previous') => {
      if (side?.kind !== 'article') return;
      void run(() => call('articles.neighbour', { id: side.id, query: { ...query, ...gridQuery.current }, direction })).then(
        (n) => n?.id && setSide({ kind: 'article', id: n.id }),
      );
    },
    [side, query, run],
  );
  const closeSide = useCallback(() => setSide(null), []);
  const openEntity = useCallback((id: number) => setSide({ kind: 'entity', id }), []);
  const filterByEntity = (id: number, name: string) => {
    setEntityNames((m) => new Map(m).set(id, name));
    setQuery((q) => (q.entityIds.includes(id) ? q : { ...q, entityIds: [...q.entityIds, id] }));
    setTab('articles');
  };
  const toggleTag = (id: number) =>
    setQuery((q) => ({ ...q, tagIds: q.tagIds.includes(id) ? q.tagIds.filter((t) => t !== id) : [...q.tagIds, id] }));

  if (!workspace || !app) {
    return <div className="loading">{error ?? 'Opening the workspace…'}</div>;
  }
  // Nothing of a locked workspace is shown; what the views asked for meanwhile was refused, not an error to keep.
  if (workspace.locked) return <LockedWorkspace info={workspace} onUnlocked={(w) => (setError(null), setWorkspace(w))} />;
  const empty = workspace.articles === 0;
  const total = pageInfo.total;

  return (
    <div
      className="app"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        if (!importing) void fromDrop(e.dataTransfer).then((files) => files.length && setImporting({ files }));
      }}
    >
      <header className="top-bar">
        <span className="brand">Analyst Workbench</span>
        <WorkspaceMenu info={workspace} onChanged={setWorkspace} onNotice={(text) => setNotice({ text })} run={run} />
        <input
          className="search"
          type="search"
          aria-label="Search articles"
          placeholder='Search: words, "a phrase", prefix*, AND / OR / NOT'
          value={searchInput}
          onChange={(e) => setSearchInput(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && setQuery((q) => ({ ...q, search: searchInput }))}
        />
        <button type="button" className="primary" onClick={() => setImporting({ files: null })}>
          Import…
        </button>
        <button type="button" onClick={() => setDialog('report')} disabled={empty}>
          Report…
        </button>
        <button type="button" onClick={() => setDialog('export')} disabled={empty}>
          Export…
        </button>
        <button type="button" onClick={history.undo} disabled={!history.next.undo} title={history.next.undo ? `Undo: ${showDatesIn(history.next.undo.label)} (Ctrl+Z)` : 'Nothing to undo'}>
          Undo
        </button>
        <button type="button" onClick={history.redo} disabled={!history.next.redo} title={history.next.redo ? `Redo: ${showDatesIn(history.next.redo.label)} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
          Redo
        </button>
        <button type="button" onClick={() => setShowHistory(true)}>
          History
        </button>
        <button type="button" onClick={() => setAbout(true)}>
          About
        </button>
      </header>
      {error && (
        <div role="alert" className="banner error">
          {error}
          <button type="button" aria-label="Dismiss" onClick={() => setError(null)}>
            ×
          </button>
        </div>
      )}
      {workspace.readOnly && (
        <div role="status" className="banner notice" data-testid="read-only">
          {workspace.readOnly} Changes cannot be saved.
        </div>
      )}
      {notice && (
        <div role="status" className="banner notice">
          {notice.text}
          <span>
            {notice.undo && (
              <button type="button" onClick={() => (notice.undo!(), setNotice(null))}>
                Undo
              </button>
            )}
            <button type="button" aria-label="Dismiss" onClick={() => setNotice(null)}>
              ×
            </button>
          </span>
        </div>
      )}
      {extracting &&
        (extracting.failed ? (
          <div role="alert" className="banner error" data-testid="extracting-stopped">
            <span>
              Finding names stopped: {extracting.failed.replace(/\.$/, '')}.{' '}
              {extracting.remaining === 1 ? '1 article still waits' : `${extracting.remaining.toLocaleString()} articles still wait`} for
              suggestions; nothing already saved was lost.
            </span>
            <button type="button" onClick={() => void run(() => call('entities.resumeSuggestions', {})).then((r) => r && setExtracting(null))}>
              Try again
            </button>
          </div>
        ) : (
          <div role="status" className="banner notice" data-testid="extracting">
            Finding names in new articles… {extracting.done} done, {extracting.remaining} to go
          </div>
        ))}
      <div className="main" style={{ '--side-size': `${sideSize}px` } as CSSProperties}>
        <TagPanel tags={tags} activeIds={query.tagIds} onToggle={toggleTag} run={run} confirm={confirm} />
        <section className="content">
          {empty ? (
            <div className="empty-state">
              <h2>This workspace is empty</h2>
              <p>Import news articles and reports (.txt, .md, .html) from files or a folder, drop them on this window, or paste text.</p>
              <div className="row">
                <button type="button" className="primary" onClick={() => setImporting({ files: null })}>
                  Import articles…
                </button>
                <button
                  type="button"
                  onClick={() => void run(() => call('imports.start', { source: { kind: 'sample' } })).then(() => setNotice({ text: 'Loading the sample article…' }))}
                >
                  Load the sample article
                </button>
              </div>
            </div>
          ) : (
            <>
              <FilterBar query={query} tags={tags} entityNames={entityNames} bboxLabel={spotFilter ? 'At one spot on the map' : 'Places in the map view'} onChange={changeQuery} />
              {focus && links.label && (
                <SelectionBar
                  kind={focus.kind}
                  links={links}
                  onClear={closeSide}
                />
              )}
              <div className="table-bar">
                <div className="tabs" role="tablist">
                  <button
                    type="button"
                    role="tab"
                    aria-selected={tab === 'articles'}
                    onClick={() => {
                      // The grid starts without ticks: the selection starts empty with it.
                      setSelection([]);
                      setTab('articles');
                    }}
                  >
                    Articles
                  </button>
                  <button type="button" role="tab" aria-selected={tab === 'entities'} onClick={() => setTab('entities')}>
                    Entities{tabCount(searchCounts?.entities, 'entities')}
                  </button>
                  <button type="button" role="tab" aria-selected={tab === 'events'} onClick={() => setTab('events')}>
                    Events{tabCount(searchCounts?.events, 'events')}
                  </button>
                  <button type="button" role="tab" aria-selected={tab === 'relations'} onClick={() => setTab('relations')}>
                    Relations{tabCount(searchCounts?.relations, 'relations')}
                  </button>
                  <button type="button" role="tab" aria-selected={tab === 'chart'} onClick={() => setTab('chart')}>
                    Link chart
                  </button>
                </div>
                {tab === 'articles' ? (
                  <span data-testid="article-count">
                    {total.toLocaleString('en')}
                    {pageInfo.exact ? '' : '+'} {total === 1 && pageInfo.exact ? 'article' : 'articles'}
                    {isFiltered({ ...query, filters: gridFilters }) ? ' match' : ''}
                    {pageInfo.counting ? ' (counting…)' : ''}
                  </span>
                ) : tab === 'entities' ? (
                  <span data-testid="entity-count">
                    {entityTotal.toLocaleString('en')} {entityTotal === 1 ? 'entity' : 'entities'}
                    {searchNote}
                  </span>
                ) : tab === 'events' ? (
                  <span data-testid="event-count">
                    {eventTotal.toLocaleString('en')} {eventTotal === 1 ? 'event' : 'events'}
                    {searchNote}
                    {eventRepeats > 0 && (
                      <span data-testid="event-repeats" title="The same event coded from two copies of one story counts once in totals, the timeline, the map and reports">
                        {' '}
                        ({eventRepeats.toLocaleString('en')} coded again from another copy of {eventRepeats === 1 ? 'its story' : 'their story'}: {(eventTotal - eventRepeats).toLocaleString('en')}{' '}
                        counted)
                      </span>
                    )}
                  </span>
                ) : tab === 'relations' ? (
                  <span data-testid="relation-count">
                    {relationTotal.toLocaleString('en')} {relationTotal === 1 ? 'relation' : 'relations'}
                    {searchNote}
                  </span>
                ) : null}
                {(tab === 'entities' || tab === 'events') && selection.length > 0 && (
                  <span className="muted" data-testid="selection-note">
                    of the {selection.length} ticked {selection.length === 1 ? 'article' : 'articles'}
                  </span>
                )}
                {tab === 'articles' && query.search.trim() && pageInfo.order !== 'column' && (
                  <span className="muted" data-testid="order-note">
                    {pageInfo.order === 'relevance' ? 'best matches first' : 'newest first: too many hits to rank by relevance — narrow the search or sort a column'}
                  </span>
                )}
                <label className="muted">
                  <input type="checkbox" checked={showMap} onChange={(e) => setShowMap(e.target.checked)} /> Map
                </label>
                {tab === 'articles' && (
                  <BulkBar
                    selection={selection}
                    total={total}
                    filtered={isFiltered(query)}
                    query={fullQuery}
                    tags={tags}
                    run={run}
                    confirm={confirm}
                    onDeleted={() => setClearSelectionKey((k) => k + 1)}
                  />
                )}
              </div>
              <div className={`tables${showMap ? ' with-map' : ''}`} style={{ '--map-size': `${mapSize}px` } as CSSProperties}>
                {tab === 'articles' ? (
                  <ArticlesTable
                    query={query}
                    refreshKey={refreshKey}
                    clearSelectionKey={clearSelectionKey}
                    currentId={side?.kind === 'article' ? side.id : null}
                    markedIds={links.articleIds}
                    onQueryChange={(q) => {
                      gridQuery.current = q;
                      setGridFilters((f) => (JSON.stringify(f) === JSON.stringify(q.filters) ? f : q.filters));
                    }}
                    onOpen={(id) => setSide({ kind: 'article', id })}
                    onSelectionChange={setSelection}
                    onPage={setPageInfo}
                    onError={setError}
                  />
                ) : tab === 'relations' ? (
                  <RelationsTable
                    entityIds={query.entityIds}
                    search={query.search}
                    refreshKey={refreshKey}
                    selectedId={focus?.kind === 'relation' ? focus.id : null}
                    markedIds={links.relationIds}
                    onOpen={(id) => {
                      setSide({ kind: 'relation', id });
                    }}
                    onTotal={setRelationTotal}
                    onError={setError}
                  />
                ) : tab === 'chart' ? (
                  <LinkChart
                    around={query.entityIds}
                    refreshKey={refreshKey}
                    selectedEntityId={side?.kind === 'entity' ? side.id : null}
                    linkedEntityIds={links.entityIds}
                    linkedRelationIds={links.relationIds}
                    onSelectEntity={openEntity}
                    onSelectRelation={(id) => {
                      setSide({ kind: 'relation', id });
                    }}
                    run={run}
                  />
                ) : tab === 'events' ? (
                  <EventsTable
                    query={eventQuery}
                    refreshKey={refreshKey}
                    selectedId={side?.kind === 'event' ? side.id : null}
                    markedIds={links.eventIds}
                    onNotice={(text) => setNotice({ text })}
                    onOpen={openEvent}
                    onTotal={setEventTotal}
                    onRepeats={setEventRepeats}
                    onError={setError}
                  />
                ) : (
                  <EntitiesTable
                    query={entityQuery}
                    refreshKey={refreshKey}
                    selectedId={side?.kind === 'entity' ? side.id : null}
                    markedIds={links.entityIds}
                    onOpen={openEntity}
                    onTotal={setEntityTotal}
                    onError={setError}
                  />
                )}
                {showMap && <Splitter direction="column" label="Resize the map" size={mapSize} onSize={setMapSize} />}
                {showMap && (
                  <div className="map-panel">
                    <label className="map-toggle">
                      <input
                        type="checkbox"
                        checked={inView}
                        onChange={(e) => {
                          setInView(e.target.checked);
                          setSpotFilter(false);
                          setQuery((q) => ({ ...q, bbox: e.target.checked ? bounds.current : null }));
                        }}
                      />{' '}
                      Only articles with places in view
                    </label>
                    <MapView
                      events={eventPoints}
                      selectedEventId={side?.kind === 'event' ? side.id : null}
                      linkedEventIds={links.eventIds}
                      onEventClick={(id) => {
                        setTab('events');
                        openEvent(id);
                      }}
                      places={places}
                      adjectives={mapAdjectives}
                      onAdjectives={(on) => {
                        localStorage.setItem(MAP_ADJECTIVES_KEY, on ? 'on' : 'off');
                        setMapAdjectives(on);
                      }}
                      highlighted={highlighted}
                      filtered={mapArticleQuery !== null || eventFilter.dateFrom !== null || eventFilter.entityIds.length > 0}
                      inView={inView}
                      picking={picking !== null}
                      onShowSpot={(bbox) => {
                        setInView(false);
                        setSpotFilter(true);
                        setQuery((q) => ({ ...q, bbox }));
                        setTab('events');
                      }}
                      onPlaceClick={(p) => {
                        // A place on the map is selected like a row: its articles, events and relations are marked
                        // everywhere, and its ring goes when the selection is cleared.
                        openEntity(p.entityId);
                      }}
                      onShowArticles={(p) => filterByEntity(p.entityId, p.name)}
                      onBounds={(b) => {
                        bounds.current = b;
                        if (inView) setQuery((q) => ({ ...q, bbox: b }));
                      }}
                      onPick={(lat, lon) => {
                        const entityId = picking!;
                        setPicking(null);
                        void ask('Name of this place').then((name) => {
                          if (name) void run(() => call('entities.setPlace', { id: entityId, place: { custom: { name, lat, lon } } }));
                        });
                      }}
                    />
                  </div>
                )}
              </div>
              <Timeline
                series={series}
                range={query.dateRange}
                markedDates={links.dates}
                onBrush={(dateRange) => setQuery((q) => ({ ...q, dateRange }))}
                undated={Math.max(0, workspace.articles - series.articles.reduce((n, d) => n + d.count, 0))}
              />
            </>
          )}
        </section>
        {side && side.kind !== 'relation' && <Splitter direction="row" label="Resize the side panel" size={sideSize} onSize={setSideSize} />}
        {side?.kind === 'article' && (
          <Reader
            key={`${side.id}-${side.eventId ?? ''}`}
            articleId={side.id}
            search={query.search}
            refreshKey={refreshKey}
            tags={tags}
            onNavigate={navigate}
            onClose={closeSide}
            onOpenEntity={openEntity}
            onOpenEvent={openEvent}
            onOpenArticle={(id) => setSide({ kind: 'article', id })}
            eventId={side.eventId}
            run={run}
          />
        )}
        {side?.kind === 'event' && (
          <EventPanel
            eventId={side.id}
            refreshKey={refreshKey}
            onClose={closeSide}
            onOpenEvent={openEvent}
            onOpenArticle={(id) => setSide({ kind: 'article', id, eventId: side.id })}
            run={run}
          />
        )}
        {side?.kind === 'entity' && (
          <EntityPanel
            entityId={side.id}
            refreshKey={refreshKey}
            onOpenArticle={(id) => setSide({ kind: 'article', id })}
            onShowArticles={filterByEntity}
            onClose={closeSide}
            onOpenEntity={openEntity}
            onPickOnMap={(id) => (setShowMap(true), setPicking(id))}
            run={run}
            confirm={confirm}
            ask={ask}
            notify={(text, undo) => setNotice({ text, undo })}
          />
        )}
      </div>
      {dialog === 'report' && (
        <ReportDialog
          scope={reportScope(eventQuery)}
          selection={focus && links.label ? { label: `${focus.kind} “${selectionLabel(links)}”`, eventIds: links.eventIds } : null}
          encrypted={workspace.encrypted}
          run={run}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'export' && <ExportDialog selection={selection} tabLabel={tab} encrypted={workspace.encrypted} run={run} onClose={() => setDialog(null)} />}
      {importing && <ImportDialog maxFileBytes={app.maxFileBytes} initialFiles={importing.files} onClose={() => setImporting(null)} />}
      {/* The import dialog shows its own drop zone. */}
      {filesOver && !importing && <DropCue />}
      {about && (
        <Modal title="About Analyst Workbench" onClose={() => setAbout(false)}>
          <p>
            Version {app.version} · {mode === 'electron' ? 'desktop app' : 'browser mode'} · everything stays on this computer: the app makes no
            network request.
          </p>
          <p className="muted">Workspace file: {workspace.path}</p>
          <h3>Data and software</h3>
          <ul>
            {app.attributions.map((a) => (
              <li key={a.name}>
                <strong>{a.name}</strong> ({a.licence}): {a.use}
              </li>
            ))}
          </ul>
          <div className="modal-actions">
            <button type="button" onClick={() => setAbout(false)}>
              Close
            </button>
          </div>
        </Modal>
      )}
      {showHistory && <HistoryPanel run={run} confirm={confirm} onClose={() => setShowHistory(false)} onNotice={noticeText} />}
      {confirmDialog}
      {promptDialog}
    </div>
  );
}
