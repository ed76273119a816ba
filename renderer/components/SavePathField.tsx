import { useId } from 'react';
import { pickSavePath } from '../api.js';

/**
 * Where a file will be written. The core proposes a path in the documents folder; the desktop app
 * offers its save dialog, browser mode lets the analyst edit the path (the core writes it locally).
 * A name without a folder goes to the documents folder, and the folder must already exist: why a
 * save was refused is shown here, beside the path, inside the dialog where the analyst is looking.
 */
export function SavePathField({
  value,
  onChange,
  onFocus,
  onBlur,
  folder = false,
  error = null,
}: {
  value: string;
  onChange: (path: string) => void;
  onFocus?: () => void;
  onBlur?: () => void;
  folder?: boolean;
  error?: string | null;
}) {
  const errorId = useId();
  return (
    <label className="field">
      <span>{folder ? 'Folder to write on this computer (a new folder)' : 'File to write on this computer'}</span>
      <span className="row">
        <input
          style={{ flex: 1 }}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onFocus={onFocus}
          onBlur={onBlur}
          aria-label="Save to"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {pickSavePath('') !== null && (
          <button type="button" onClick={() => void pickSavePath(value, folder)?.then((p) => p && onChange(p))}>
            Choose…
          </button>
        )}
      </span>
      {error && (
        <span role="alert" id={errorId} className="field-error" data-testid="save-error">
          {error}
        </span>
      )}
    </label>
  );
}
