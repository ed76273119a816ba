import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ImportOutcome, ImportReport } from '../../electron/contract/index.js';
import { IMPORTABLE_EXTENSIONS, MAX_DOCUMENT_BYTES, MAX_FILE_BYTES, MAX_UPLOAD_BYTES, UPLOAD_ABOVE_BYTES, importableExtension, maxBytesFor } from '../../electron/contract/imports.js';
import { call, onCoreEvent } from '../api.js';
import { importSummary, unlistedNote } from '../text.js';
import { useDialogFocus } from './dialogFocus.js';
import { fromDrop, fromFileList, readBase64, type PickedFile } from './files.js';
import { laterReport } from './importProgress.js';
import { uploadInPieces } from './upload.js';
import { OcrLanguagePicker, useOcrLanguages } from './OcrLanguages.js';

interface Props {
  maxFileBytes: number;
  initialFiles: PickedFile[] | null;
  onClose: () => void;
}

/** What the files sent inline may add up to; base64 makes it 43 MB of the 64 MB a call may carry. */
const INLINE_BUDGET_BYTES = 32 * 1024 * 1024;
const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Import from files, a folder, a drop or pasted text; shows progress, can cancel, ends with a per-file report. */
export function ImportDialog({ maxFileBytes, initialFiles, onClose }: Props) {
  // Files read so far, and for a big file sent in pieces, how much of it is sent.
  const [reading, setReading] = useState<{ done: number; total: number; sending?: { name: string; sent: number; bytes: number } } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [local, setLocal] = useState<ImportOutcome[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [ocrLanguages, setOcrLanguages] = useOcrLanguages();
  // Files read and sent, the job not yet known: Cancel stays on screen and is acted on as the job starts.
  const [starting, setStarting] = useState(false);
  const jobId = useRef<string | null>(null);
  const cancelled = useRef(false);
  const started = useRef(false);

  useEffect(
    () =>
      onCoreEvent((event) => {
        if (event.type === 'import.progress' && event.report.jobId === jobId.current) setReport((r) => laterReport(r, event.report));
      }),
    [],
  );

  const start = async (source: Parameters<typeof call<'imports.start'>>[1]['source'], refusedLocally: ImportOutcome[] = []) => {
    setLocal(refusedLocally);
    setStarting(true);
    try {
      const { jobId: id } = await call('imports.start', { source, reading: { ocrLanguages } });
      jobId.current = id;
      if (cancelled.current) await call('imports.cancel', { jobId: id });
      // The job may have finished before this window subscribed: fetch its state once.
      const fetched = await call('imports.report', { jobId: id });
      setReport((r) => laterReport(r, fetched));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setStarting(false);
    }
  };

  const importFiles = async (files: PickedFile[]) => {
    if (started.current) return;
    started.current = true;
    cancelled.current = false;
    const refused: ImportOutcome[] = [];
    const payload: ({ name: string; base64: string } | { name: string; uploadId: string })[] = [];
    const uploaded: string[] = [];
    // The bytes going inline in the one imports.start call: kept under what a call may carry (64 MB as base64 in browser mode).
    let inline = 0;
    setReading({ done: 0, total: files.length });
    for (const [i, f] of files.entries()) {
      if (cancelled.current) break;
      const isArticle = maxBytesFor(f.name) === MAX_FILE_BYTES;
      // A crawl is read from disk a record at a time once it is sent, so only the upload's own bound applies.
      const crawl = ['.warc', '.warc.gz'].includes(importableExtension(f.name) ?? '');
      const limit = crawl ? MAX_UPLOAD_BYTES : isArticle ? maxFileBytes : MAX_DOCUMENT_BYTES;
      if (f.file.size > limit) {
        const message = crawl
          ? `The crawl is ${megabytes(f.file.size)}; the window sends crawls up to ${megabytes(limit)}: import it with \`awb import --workspace FILE ${f.name}\`.`
          : `The file is ${megabytes(f.file.size)}; ${isArticle ? 'articles' : 'documents'} over ${megabytes(limit)} are refused.`;
        refused.push({ name: f.name, status: 'failed', message, articleId: null });
      } else if (f.file.size > UPLOAD_ABOVE_BYTES || inline + f.file.size > INLINE_BUDGET_BYTES) {
        // A big file, or one that would make the call too big, goes ahead in pieces, so no single call carries it whole.
        try {
          const sending = (sent: number) => setReading({ done: i, total: files.length, sending: { name: f.name, sent, bytes: f.file.size } });
          sending(0);
          const id = await uploadInPieces(f.file, f.name, sending, () => cancelled.current);
          if (id) {
            uploaded.push(id);
            payload.push({ name: f.name, uploadId: id });
          }
        } catch (e) {
          refused.push({ name: f.name, status: 'failed', message: `Could not be sent for import: ${(e as Error).message}`, articleId: null });
        }
      } else {
        try {
          payload.push({ name: f.name, base64: await readBase64(f.file) });
          inline += f.file.size;
        } catch (e) {
          refused.push({ name: f.name, status: 'failed', message: (e as Error).message, articleId: null });
        }
      }
      if (i % 25 === 0) setReading({ done: i + 1, total: files.length });
    }
    setReading(null);
    if (cancelled.current) {
      // Nothing was imported: what was sent ahead is dropped, and the report says so rather than the dialog vanishing.
      for (const id of uploaded) void call('uploads.discard', { id }).catch(() => undefined);
      setReport({ jobId: '', state: 'cancelled', total: files.length, done: 0, imported: 0, duplicates: 0, failed: 0, outcomes: [] });
      return;
    }
    if (payload.length === 0) {
      setLocal(refused);
      setReport({ jobId: '', state: 'finished', total: 0, done: 0, imported: 0, duplicates: 0, failed: 0, outcomes: [] });
      return;
    }
    await start({ kind: 'files', files: payload }, refused);
  };

  useEffect(() => {
    if (initialFiles) void importFiles(initialFiles);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run once for files dropped on the window
  }, []);

  const outcomes = [...(report?.outcomes ?? []), ...local];
  const finished = report && report.state !== 'running';
  const busy = reading !== null || starting || (report !== null && !finished);
  const dialog = useRef<HTMLDivElement>(null);
  // Esc does what Close does, and like Close waits while files are being read or imported (Cancel stops them).
  useDialogFocus(dialog, onClose, !busy);
  // A long file (a scan in OCR, a 2,000-page PDF) moves the bar by the part of it read so far.
  const withinFile = report?.reading ? report.reading.done / Math.max(1, report.reading.total) : 0;
  const sendingShare = reading?.sending ? reading.sending.sent / Math.max(1, reading.sending.bytes) : 0;
  const progress = reading ? (reading.done + sendingShare) / Math.max(1, reading.total) : report ? (report.done + withinFile) / Math.max(1, report.total) : 0;

  /** The file inputs are hidden behind their labels: the label takes the focus and opens its chooser on Enter or Space. */
  const openChooser = (e: KeyboardEvent<HTMLLabelElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    e.currentTarget.querySelector('input')?.click();
  };

  return (
    <div className="modal-backdrop">
      <div className="modal import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" ref={dialog}>
        <h2 id="import-title">Import articles</h2>
        {!busy && !finished && (
          <>
            <div
              className="drop-zone"
              data-testid="drop-zone"
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                void fromDrop(e.dataTransfer).then(importFiles);
              }}
            >
              <p>
                Drop files or folders here: text, Markdown and HTML pages (up to {megabytes(maxFileBytes)} each); PDF, Word (.docx), OpenDocument (.odt), RTF,
                e-mail (.eml, .mbox, .msg), saved pages (.mhtml), scans (.png, .jpg, .tif; read by OCR) and .zip files of them (up to {megabytes(MAX_DOCUMENT_BYTES)} each); web
                crawls (.warc, .warc.gz) of any size, read a record at a time
              </p>
              <label className="button" tabIndex={0} onKeyDown={openChooser}>
                Choose files…
                <input
                  type="file"
                  multiple
                  hidden
                  accept={IMPORTABLE_EXTENSIONS.join(',')}
                  data-testid="import-files"
                  onChange={(e) => e.target.files && void importFiles(fromFileList(e.target.files, false))}
                />
              </label>
              <label className="button" tabIndex={0} onKeyDown={openChooser}>
                Choose a folder…
                <input
                  type="file"
                  hidden
                  data-testid="import-folder"
                  {...{ webkitdirectory: '' }}
                  onChange={(e) => e.target.files && void importFiles(fromFileList(e.target.files, true))}
                />
              </label>
            </div>
            <OcrLanguagePicker languages={ocrLanguages} onChange={setOcrLanguages} />
            <details className="paste">
              <summary>Paste text</summary>
              <input aria-label="Title of the pasted article (optional)" placeholder="Title (optional: found in the text otherwise)" value={title} onChange={(e) => setTitle(e.target.value)} />
              <textarea aria-label="Article text" rows={8} value={text} onChange={(e) => setText(e.target.value)} placeholder="Paste the article text here" />
              <button
                type="button"
                className="primary"
                disabled={!text.trim()}
                onClick={() => {
                  started.current = true;
                  void start({ kind: 'text', text, title: title || undefined });
                }}
              >
                Import pasted text
              </button>
            </details>
          </>
        )}
        {busy && (
          <div className="progress-block">
            <p>
              {reading?.sending
                ? `Sending ${reading.sending.name.split(/[\\/]/).pop()}… ${megabytes(reading.sending.sent)} of ${megabytes(reading.sending.bytes)}`
                : reading
                ? `Reading files… ${reading.done.toLocaleString('en')} of ${reading.total.toLocaleString('en')}`
                : report
                  ? `Importing… ${report.done.toLocaleString('en')} of ${report.total.toLocaleString('en')}` +
                    (report.reading ? ` (reading ${report.reading.name.split(/[\\/]/).pop()}: ${report.reading.done.toLocaleString('en')} of ${report.reading.total.toLocaleString('en')} ${report.reading.unit})` : '')
                  : 'Starting the import…'}
            </p>
            <progress max={1} value={progress} aria-label="Import progress" />
            <button
              type="button"
              onClick={() => {
                cancelled.current = true;
                if (jobId.current) void call('imports.cancel', { jobId: jobId.current }).catch((e: Error) => setError(e.message));
              }}
            >
              Cancel
            </button>
          </div>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {finished && (
          <div className="import-report" data-testid="import-report">
            <p className="summary">
              {importSummary(report, local, cancelled.current)}
            </p>
            <table>
              <thead>
                <tr>
                  <th>File</th>
                  <th>Result</th>
                  <th>Details</th>
                </tr>
              </thead>
              <tbody>
                {outcomes.map((o, i) => (
                  <tr key={i} className={`outcome-${o.status}`}>
                    <td>{o.name}</td>
                    <td>{o.status === 'duplicate' ? 'already present' : o.status}</td>
                    <td>{o.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {unlistedNote(report) && (
              <p className="muted" data-testid="import-unlisted">
                {unlistedNote(report)}
              </p>
            )}
          </div>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {finished ? 'Done' : 'Close'}
          </button>
        </div>
      </div>
    </div>
  );
}
