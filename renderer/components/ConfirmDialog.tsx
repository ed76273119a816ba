import { useCallback, useState } from 'react';
import { Modal } from './Modal.js';

/** `confirm(message)` resolves true or false; `dialog` is the element to render. */
export function useConfirm() {
  const [pending, setPending] = useState<{ message: string; resolve: (ok: boolean) => void } | null>(null);
  const confirm = useCallback((message: string) => new Promise<boolean>((resolve) => setPending({ message, resolve })), []);
  const answer = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  const dialog = pending && (
    <Modal title="Please confirm" onClose={() => answer(false)}>
      <p>{pending.message}</p>
      <div className="modal-actions">
        <button type="button" onClick={() => answer(false)}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={() => answer(true)}>
          Confirm
        </button>
      </div>
    </Modal>
  );
  return { confirm, dialog };
}
