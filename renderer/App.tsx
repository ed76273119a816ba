import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticlePage, CallOutput, Tag, WorkspaceInfo } from '../electron/contract/index.js';
import { call, mode, onCoreEvent } from './api.js';
import { useConfirm } from './components/ConfirmDialog.js';
import { fromDrop, type PickedFile } from './components/files.js';
import { ImportDialog } from './components/ImportDialog.js';
import { Modal } from './components/Modal.js';
import { WorkspaceMenu } from './components/WorkspaceMenu.js';
import { emptyQuery, isFiltered, type ViewQuery } from './state/query.js';
import { useErrors } from './state/useAsync.js';
import { ArticlesTable } from './views/ArticlesTable.js';
import { BulkBar } from './views/BulkBar.js';
import { Reader } from './views/Reader.js';
import { TagPanel } from './views/TagPanel.js';

type AppInfo = CallOutput<'app.info'>;

export function App() {
  const { error, setError, run } = useErrors();
  const { confirm, dialog: confirmDialog } = useConfirm();
  const [app, setApp] = useState<AppInfo | null>(null);
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [tags, setTags] = useState<Tag[]>([]);
  const [query, setQuery] = useState<ViewQuery>(emptyQuery);
  const [searchInput, setSearchInput] = useState('');
  const [refreshKey, setRefreshKey] = useState(0);
  const [pageInfo, setPageInfo] = useState<Pick<ArticlePage, 'total' | 'exact' | 'order'>>({ total: 0, exact: true, order: 'newest' });
  const total = pageInfo.total;
  const [selection, setSelection] = useState<number[]>([]);
  const [currentId, setCurrentId] = useState<number | null>(null);
  const [importing, setImporting] = useState<{ files: PickedFile[] | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [about, setAbout] = useState(false);
  const gridQuery = useRef<Pick<ViewQuery, 'filters' | 'sort'>>({ filters: {}, sort: [] });

  const loadTags = useCallback(() => void run(() => call('tags.list', {})).then((t) => t && setTags(t)), [run]);
  const loadWorkspace = useCallback(() => void run(() => call('workspace.current', {})).then((w) => w && setWorkspace(w)), [run]);

  useEffect(() => {
    void run(() => call('app.info', {})).then((a) => a && setApp(a));
    loadWorkspace();
    loadTags();
    return onCoreEvent((event) => {
      if (event.type !== 'changed') return;
      if (event.what.includes('articles')) {
        setRefreshKey((k) => k + 1);
        loadWorkspace();
      }
      if (event.what.includes('tags')) loadTags();
      if (event.what.includes('workspace')) {
        setCurrentId(null);
        setSelection([]);
        setQuery(emptyQuery);
        setSearchInput('');
      }
    });
  }, [run, loadTags, loadWorkspace]);

  // Searching as the analyst types, once they pause.
  useEffect(() => {
    const timer = setTimeout(() => setQuery((q) => (q.search === searchInput ? q : { ...q, search: searchInput })), 250);
    return () => clearTimeout(timer);
  }, [searchInput]);

  const fullQuery = () => ({ ...query, ...gridQuery.current });
  const navigate = useCallback(
    (direction: 'next' | 'previous') => {
      if (currentId === null) return;
      void run(() => call('articles.neighbour', { id: currentId, query: { ...query, ...gridQuery.current }, direction })).then(
        (n) => n?.id && setCurrentId(n.id),
      );
    },
    [currentId, query, run],
  );
  const closeReader = useCallback(() => setCurrentId(null), []);
  const toggleTag = (id: number) =>
    setQuery((q) => ({ ...q, tagIds: q.tagIds.includes(id) ? q.tagIds.filter((t) => t !== id) : [...q.tagIds, id] }));

  if (!workspace || !app) {
    return <div className="loading">{error ?? 'Opening the workspace…'}</div>;
  }
  const empty = workspace.articles === 0;

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
        <WorkspaceMenu info={workspace} onChanged={setWorkspace} onNotice={setNotice} run={run} />
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
      {notice && (
        <div role="status" className="banner notice">
          {notice}
          <button type="button" aria-label="Dismiss" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      <div className="main">
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
                  onClick={() =>
                    void run(() => call('imports.start', { source: { kind: 'sample' } })).then(() => setNotice('Loading the sample article…'))
                  }
                >
                  Load the sample article
                </button>
              </div>
            </div>
          ) : (
            <>
              <div className="table-bar">
                <span data-testid="article-count">
                  {total.toLocaleString('en')}
                  {pageInfo.exact ? '' : '+'} {total === 1 && pageInfo.exact ? 'article' : 'articles'}
                  {isFiltered(query) ? ' match' : ''}
                </span>
                {query.search.trim() && pageInfo.order !== 'column' && (
                  <span className="muted" data-testid="order-note">
                    {pageInfo.order === 'relevance' ? 'best matches first' : 'newest first: too many hits to rank by relevance — narrow the search or sort a column'}
                  </span>
                )}
                {query.tagIds.length > 0 && (
                  <button type="button" className="link" onClick={() => setQuery((q) => ({ ...q, tagIds: [] }))}>
                    Clear tag filter
                  </button>
                )}
                <BulkBar selection={selection} total={total} filtered={isFiltered(query)} query={fullQuery} tags={tags} run={run} confirm={confirm} />
              </div>
              <ArticlesTable
                query={query}
                refreshKey={refreshKey}
                currentId={currentId}
                onQueryChange={(q) => (gridQuery.current = q)}
                onOpen={setCurrentId}
                onSelectionChange={setSelection}
                onPage={setPageInfo}
                onError={setError}
              />
            </>
          )}
        </section>
        {currentId !== null && (
          <Reader articleId={currentId} search={query.search} refreshKey={refreshKey} tags={tags} onNavigate={navigate} onClose={closeReader} run={run} />
        )}
      </div>
      {importing && <ImportDialog maxFileBytes={app.maxFileBytes} initialFiles={importing.files} onClose={() => setImporting(null)} />}
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
      {confirmDialog}
    </div>
  );
}
