import { pickSavePath } from '../api.js';

/**
 * Where a file will be written. The core proposes a path beside the workspace; the desktop app
 * offers its save dialog, browser mode lets the analyst edit the path (the core writes it locally).
 */
export function SavePathField({ value, onChange, folder = false }: { value: string; onChange: (path: string) => void; folder?: boolean }) {
  return (
    <label className="field">
      <span>{folder ? 'Folder to write on this computer' : 'File to write on this computer'}</span>
      <span className="row">
        <input style={{ flex: 1 }} value={value} onChange={(e) => onChange(e.target.value)} aria-label="Save to" />
        {pickSavePath('') !== null && (
          <button type="button" onClick={() => void pickSavePath(value, folder)?.then((p) => p && onChange(p))}>
            Choose…
          </button>
        )}
      </span>
    </label>
  );
}
