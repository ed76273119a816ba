import { useEffect, useState } from 'react';
import { EXCHANGE_EXTENSIONS, EXPORT_FORMATS, EXPORT_FORMAT_INFO, REJECTION_FORMATS, SUGGESTION_FORMATS, type ExchangeImportResult, type ExportFormat, type ExportResult } from '../../electron/contract/index.js';
import { call, onCoreEvent } from '../api.js';
import { plural } from '../text.js';
import { shownTable } from '../state/shownTable.js';
import { useProposedPath } from '../state/useProposedPath.js';
import { Modal } from './Modal.js';
import { SavePathField } from './SavePathField.js';

interface Props {
  /** Ticked articles: the export can be limited to what they hold. */
  selection: number[];
  tabLabel: string;
  /** The workspace is encrypted: what is written here leaves the key behind, and the dialog says so. */
  encrypted: boolean;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  onClose: () => void;
}

const TABLE_FORMATS: ExportFormat[] = ['csv', 'xlsx'];

/** Exports (a table as shown, or the workspace or ticked articles in an exchange format) and imports of exchange files. */
export function ExportDialog({ selection, tabLabel, encrypted, run, onClose }: Props) {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [ticked, setTicked] = useState(selection.length > 0);
  const [handling, setHandling] = useState('TLP:AMBER');
  const [acledCodes, setAcledCodes] = useState<'text' | 'numeric'>('text');
  const [overwrite, setOverwrite] = useState(false);
  const [withSuggestions, setWithSuggestions] = useState(false);
  const [withRejections, setWithRejections] = useState(false);
  const [done, setDone] = useState<ExportResult | null>(null);
  // Why the last export was refused (a missing folder, an existing file…), shown beside the path:
  // the app's error banner sits behind this dialog, where the analyst would not see it.
  const [saveError, setSaveError] = useState<string | null>(null);
  const [imported, setImported] = useState<(ExchangeImportResult & { name: string })[]>([]);
  // The export under way: how much of the file is written so far (null before its first report).
  const [running, setRunning] = useState<{ bytes: number | null } | null>(null);
  const table = TABLE_FORMATS.includes(format) ? shownTable() : null;

  const tableName = TABLE_FORMATS.includes(format) ? shownTable()?.table : undefined;
  const target = useProposedPath(() => run(() => call('exports.defaultPath', { format, ...(tableName ? { table: tableName } : {}) })), `${format}/${tableName ?? ''}`);
  const path = target.path;

  useEffect(() => onCoreEvent((event) => event.type === 'export.progress' && setRunning((r) => r && { bytes: event.bytes })), []);

  const start = async () => {
    setDone(null);
    setSaveError(null);
    setRunning({ bytes: null });
    try {
      setDone(
        await call('exports.run', {
          format,
          path,
          overwrite,
          handling,
          acledCodes,
          includeSuggestions: withSuggestions && SUGGESTION_FORMATS.includes(format),
          includeRejected: withRejections && REJECTION_FORMATS.includes(format),
          articleIds: ticked && selection.length ? selection : null,
          ...(table ? { table } : {}),
        }),
      );
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(null);
    }
  };

  // A brat .ann is chosen together with its .txt: the .txt goes in with it (verbatim), not on its own.
  const importFiles = async (files: File[]) => {
    setImported([]);
    const texts = files.filter((f) => f.name.toLowerCase().endsWith('.txt'));
    const companions = await Promise.all(texts.map(async (f) => ({ name: f.name, text: await f.text() })));
    const annBases = new Set(files.filter((f) => /\.ann$/i.test(f.name)).map((f) => f.name.replace(/\.ann$/i, '')));
    for (const file of files.filter((f) => !(f.name.toLowerCase().endsWith('.txt') && annBases.has(f.name.slice(0, -4))))) {
      const result = await run(async () => call('imports.exchange', { name: file.name, text: await file.text(), companions: /\.ann$/i.test(file.name) ? companions : [] }));
      if (result) setImported((done) => [...done, { ...result, name: file.name }]);
    }
  };

  const needsTable = TABLE_FORMATS.includes(format) && !table;
  return (
    <Modal title="Export and exchange" onClose={onClose}>
      {encrypted && (
        <p className="notice-line" role="note" data-testid="plain-file-note">
          This workspace is encrypted; the file you save here is not. Keep it where only you can read it.
        </p>
      )}
      <form
        aria-label="Export"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <label className="field">
          <span>Format</span>
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} aria-label="Format">
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {EXPORT_FORMAT_INFO[f].label}
              </option>
            ))}
          </select>
        </label>
        {TABLE_FORMATS.includes(format) ? (
          <p className="muted" data-testid="export-scope">
            {table ? `The ${tabLabel.toLowerCase()} table as shown: its columns in their order, its sort and its filters.` : 'Open the articles, entities, events or relations tab to export its table.'}
          </p>
        ) : format === 'archive' ? (
          <p className="muted">The whole workspace: its database and a manifest with counts and checksums. “Restore an archive” in the workspace menu opens it.</p>
        ) : (
          <label className="row">
            <input type="checkbox" checked={ticked} disabled={selection.length === 0} onChange={(e) => setTicked(e.target.checked)} />
            Only what the {selection.length} ticked {selection.length === 1 ? 'article holds' : 'articles hold'} (else the whole workspace)
          </label>
        )}
        {SUGGESTION_FORMATS.includes(format) && (
          <label className="row">
            <input type="checkbox" checked={withSuggestions} onChange={(e) => setWithSuggestions(e.target.checked)} /> With the suggestions nobody has reviewed
            {format === 'brat' || format === 'conll' ? ' (the format cannot mark them as suggestions)' : ', marked as suggestions'}
          </label>
        )}
        {REJECTION_FORMATS.includes(format) && (
          <label className="row">
            <input type="checkbox" checked={withRejections} onChange={(e) => setWithRejections(e.target.checked)} /> With my rejections, marked “rejected”: a workspace that
            imports the file does not suggest those names there again
          </label>
        )}
        {format === 'stix' && (
          <label className="field">
            <span>Handling marking (TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:RED, or a statement)</span>
            <input value={handling} onChange={(e) => setHandling(e.target.value)} aria-label="Handling marking" />
          </label>
        )}
        {format === 'acled' && (
          <label className="field">
            <span>Actor types and dates</span>
            <select value={acledCodes} onChange={(e) => setAcledCodes(e.target.value as 'text' | 'numeric')} aria-label="ACLED codes">
              <option value="text">As ACLED’s current data: text (Rebel Groups, State Forces-Rebel Groups), 16 May 2025</option>
              <option value="numeric">As ACLED’s older files: codes (2, 12), 2025-05-16</option>
            </select>
          </label>
        )}
        <SavePathField
          value={path}
          onChange={(p) => {
            target.setPath(p);
            setSaveError(null);
          }}
          onFocus={target.onFocus}
          onBlur={target.onBlur}
          folder={format === 'brat'}
          error={saveError}
        />
        <label className="row">
          <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} />{' '}
          {format === 'brat' ? 'Replace an earlier brat export in that folder (only the files it wrote; anything else there is kept)' : 'Replace the file if it exists'}
        </label>
        {running && (
          <p role="status" className="notice-line" data-testid="export-progress">
            Exporting… {running.bytes === null ? '' : `${(running.bytes / 1024 / 1024).toFixed(1)} MB written so far.`}
          </p>
        )}
        {done && (
          <p role="status" className="notice-line">
            Saved {plural(done.records, 'record')} to {done.path} ({(done.bytes / 1024).toFixed(done.bytes < 10240 ? 1 : 0)} KB{done.files > 1 ? `, ${done.files} files` : ''}).
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          {running ? (
            <button type="button" onClick={() => void run(() => call('exports.cancel', {}))}>
              Cancel export
            </button>
          ) : (
            <button type="submit" className="primary" disabled={!path.trim() || needsTable}>
              Export
            </button>
          )}
        </div>
      </form>
      <h3>Bring data in</h3>
      <p className="muted">
        W3C Web Annotations (ours, Recogito’s, hypothes.is’s: onto the articles they target), brat standoff (choose each .ann with its .txt), CoNLL / IOB files, ACLED CSV events (with their actors and places), GeoJSON and KML places (as custom places) and our own events: told apart by their content.
      </p>
      <input type="file" multiple accept={EXCHANGE_EXTENSIONS.join(',')} aria-label="Exchange file" onChange={(e) => e.target.files?.length && void importFiles([...e.target.files])} />
      {imported.map((one) => (
        <div key={one.name} role="status" className="notice-line" data-testid="exchange-result">
          {one.name}: {one.created} created, {one.matched} already here, {one.skipped} skipped ({one.kind}).
          {one.messages.length > 0 && (
            <ul>
              {one.messages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </Modal>
  );
}
