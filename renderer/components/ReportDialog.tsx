import { useState } from 'react';
import { REPORT_SECTIONS, type ReportFormat, type ReportSaved, type ReportSpecInput } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { plural } from '../text.js';
import type { ReportScope } from '../state/reportScope.js';
import { useProposedPath } from '../state/useProposedPath.js';
import { snapshotMap } from '../views/mapSnapshot.js';
import { Modal } from './Modal.js';
import { SavePathField } from './SavePathField.js';

interface Props {
  /** The Events table's query as it stands (search, column filters, tags, ticks, dates, entities, map view): "as filtered" covers the events it shows. */
  scope: ReportScope;
  /** The current selection's events (an entity's, an event, an article's), if something is selected. */
  selection: { label: string; eventIds: number[] } | null;
  /** The workspace is encrypted: what is written here leaves the key behind, and the dialog says so. */
  encrypted: boolean;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  onClose: () => void;
}

const SECTION_LABEL: Record<(typeof REPORT_SECTIONS)[number], string> = {
  map: 'Map of the current view',
  timeline: 'Timeline',
  events: 'Events table',
  entities: 'Actors and places',
  quotes: 'Key quotes with citations',
};
const FORMAT_LABEL: Record<ReportFormat, string> = { pdf: 'PDF', docx: 'Word (.docx)', md: 'Markdown', html: 'HTML' };
const HANDLING = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'];

/** Builds a report of what is in view: the analyst's title, summary and handling line; preview; save as PDF, Word, Markdown or HTML. */
export function ReportDialog({ scope, selection, encrypted, run, onClose }: Props) {
  const [title, setTitle] = useState('');
  const [author, setAuthor] = useState('');
  const [summary, setSummary] = useState('');
  const [handling, setHandling] = useState('TLP:AMBER');
  const [covers, setCovers] = useState<'selection' | 'filters' | 'whole'>(scope.filtered ? 'filters' : 'whole');
  const [sections, setSections] = useState<string[]>([...REPORT_SECTIONS]);
  const [everyCopy, setEveryCopy] = useState(false);
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [overwrite, setOverwrite] = useState(false);
  const [preview, setPreview] = useState<{ html: string; events: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<ReportSaved | null>(null);
  // Why the last save was refused, shown beside the path (the app's error banner sits behind this dialog).
  const [saveError, setSaveError] = useState<string | null>(null);

  const target = useProposedPath(() => run(() => call('reports.defaultPath', { format })), format);
  const path = target.path;

  const spec = async (): Promise<ReportSpecInput> => ({
    title: title.trim() || 'Untitled report',
    author,
    summary,
    handling,
    sections: sections as ReportSpecInput['sections'],
    everyCopy,
    ...(covers === 'filters' ? { events: scope.query } : covers === 'selection' && selection ? { selection } : {}),
    mapImage: sections.includes('map') ? await snapshotMap() : null,
  });

  const show = async () => {
    setBusy(true);
    const p = await run(async () => call('reports.preview', { spec: await spec() }));
    setBusy(false);
    if (p) setPreview(p);
  };
  const save = async () => {
    setBusy(true);
    setSaved(null);
    setSaveError(null);
    try {
      setSaved(await call('reports.save', { spec: await spec(), format, path, overwrite }));
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Report" onClose={onClose}>
      {encrypted && (
        <p className="notice-line" role="note" data-testid="plain-file-note">
          This workspace is encrypted; the file you save here is not. Keep it where only you can read it.
        </p>
      )}
      <form
        aria-label="Report"
        className="report-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>Title</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} aria-label="Report title" placeholder="Northern offensive, June 2021" />
        </label>
        <div className="row">
          <label className="field" style={{ flex: 1 }}>
            <span>Author</span>
            <input value={author} onChange={(e) => setAuthor(e.target.value)} aria-label="Author" />
          </label>
          <label className="field" style={{ flex: 1 }}>
            <span>Classification / handling (every page’s header and footer)</span>
            <input value={handling} onChange={(e) => setHandling(e.target.value)} aria-label="Handling" list="handling-lines" />
            <datalist id="handling-lines">
              {HANDLING.map((h) => (
                <option key={h} value={h} />
              ))}
            </datalist>
          </label>
        </div>
        <label className="field">
          <span>Summary</span>
          <textarea value={summary} onChange={(e) => setSummary(e.target.value)} rows={4} aria-label="Summary" />
        </label>
        <fieldset className="row">
          <legend className="muted">Covers</legend>
          {selection && (
            <label>
              <input type="radio" checked={covers === 'selection'} onChange={() => setCovers('selection')} /> the selection: {selection.label} ({selection.eventIds.length}{' '}
              {selection.eventIds.length === 1 ? 'event' : 'events'})
            </label>
          )}
          {scope.filtered && (
            <label>
              <input type="radio" checked={covers === 'filters'} onChange={() => setCovers('filters')} /> {scope.label}
            </label>
          )}
          <label>
            <input type="radio" checked={covers === 'whole'} onChange={() => setCovers('whole')} /> the whole workspace
          </label>
        </fieldset>
        <fieldset className="row">
          <legend className="muted">Sections</legend>
          {REPORT_SECTIONS.map((s) => (
            <label key={s}>
              <input type="checkbox" checked={sections.includes(s)} onChange={(e) => setSections(e.target.checked ? [...sections, s] : sections.filter((x) => x !== s))} /> {SECTION_LABEL[s]}
            </label>
          ))}
        </fieldset>
        <fieldset className="row">
          <legend className="muted">Copies of a story (wire copies, updates)</legend>
          <label>
            <input type="radio" checked={!everyCopy} onChange={() => setEveryCopy(false)} /> count a story once
          </label>
          <label>
            <input type="radio" checked={everyCopy} onChange={() => setEveryCopy(true)} /> count every copy
          </label>
        </fieldset>
        <div className="row">
          <label className="field">
            <span>Save as</span>
            <select value={format} onChange={(e) => setFormat(e.target.value as ReportFormat)} aria-label="Report format">
              {(Object.keys(FORMAT_LABEL) as ReportFormat[]).map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABEL[f]}
                </option>
              ))}
            </select>
          </label>
          <div style={{ flex: 1 }}>
            <SavePathField
              value={path}
              onChange={(p) => {
                target.setPath(p);
                setSaveError(null);
              }}
              onFocus={target.onFocus}
              onBlur={target.onBlur}
              error={saveError}
            />
          </div>
        </div>
        <label className="row">
          <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> Replace the file if it exists
        </label>
        {saved && (
          <p role="status" className="notice-line">
            Saved the report ({plural(saved.events, 'event')}) to {saved.path}.
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="button" onClick={() => void show()} disabled={busy}>
            Preview
          </button>
          <button type="submit" className="primary" disabled={busy || !path.trim()}>
            {busy ? 'Working…' : `Save ${FORMAT_LABEL[format]}`}
          </button>
        </div>
      </form>
      {preview && (
        // The preview runs no script and loads nothing: an empty sandbox, and the page's own CSP.
        <iframe className="report-preview" title="Report preview" sandbox="" srcDoc={preview.html} data-events={preview.events} />
      )}
    </Modal>
  );
}
