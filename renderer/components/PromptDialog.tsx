import { useCallback, useState } from 'react';
import { Modal } from './Modal.js';

/** `ask(question, initial)` resolves to the typed text or null. (Electron has no window.prompt.) */
export function usePrompt() {
  const [pending, setPending] = useState<{ question: string; value: string; resolve: (v: string | null) => void } | null>(null);
  const ask = useCallback((question: string, initial = '') => new Promise<string | null>((resolve) => setPending({ question, value: initial, resolve })), []);
  const answer = (value: string | null) => {
    pending?.resolve(value?.trim() ? value.trim() : null);
    setPending(null);
  };
  const dialog = pending && (
    <Modal title={pending.question} onClose={() => answer(null)}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          answer(pending.value);
        }}
      >
        <input aria-label={pending.question} value={pending.value} onChange={(e) => setPending({ ...pending, value: e.target.value })} style={{ width: '100%' }} />
        <div className="modal-actions">
          <button type="button" onClick={() => answer(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!pending.value.trim()}>
            OK
          </button>
        </div>
      </form>
    </Modal>
  );
  return { ask, dialog };
}
