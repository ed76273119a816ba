import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/** What Tab can reach inside a dialog: enabled controls that are drawn (a hidden file input or a closed <details>' fields are not). */
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

export function focusables(root: HTMLElement): HTMLElement[] {
  // checkVisibility also sees a closed <details>' content, which Chromium keeps laid out (content-visibility) yet unfocusable.
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hidden && el.checkVisibility());
}

/** Dialogs open now, the last on top: only the top one answers Tab and Esc (a confirm over an export dialog). */
const open: HTMLElement[] = [];

/**
 * Makes an element behave as a modal dialog for the keyboard: focus moves into it when it opens,
 * Tab and Shift+Tab cycle inside it, Esc closes it (when `canClose` says so), and focus goes back
 * to where it was when it closes. Listens on the window in the capture phase so the keys are
 * taken before the views behind (the reader's Esc, a grid's Tab) see them.
 */
export function useDialogFocus(ref: RefObject<HTMLElement | null>, onClose: () => void, canClose = true) {
  // Read through a ref: a parent passing a new arrow each render must not re-run the effect (which would pull focus back to the first field).
  const latest = useRef({ onClose, canClose });
  useLayoutEffect(() => {
    latest.current = { onClose, canClose };
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    open.push(dialog);
    const reachable = focusables(dialog);
    const first = reachable.find((el) => el.matches('input, select, textarea')) ?? reachable.find((el) => el.matches('button.primary')) ?? reachable[0];
    first?.focus();
    if (!dialog.contains(document.activeElement)) {
      dialog.tabIndex = -1;
      dialog.focus();
    }
    const onKey = (e: KeyboardEvent) => {
      if (open[open.length - 1] !== dialog) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        if (latest.current.canClose) latest.current.onClose();
      } else if (e.key === 'Tab') {
        const items = focusables(dialog);
        if (items.length === 0) {
          e.preventDefault();
          return;
        }
        const at = items.indexOf(document.activeElement as HTMLElement);
        // Wrap at either end, and pull focus back in when it has escaped (a click on the backdrop leaves it on the body).
        if (at === -1 || (e.shiftKey && at === 0) || (!e.shiftKey && at === items.length - 1)) {
          e.preventDefault();
          items[at === -1 ? 0 : e.shiftKey ? items.length - 1 : 0]?.focus();
        }
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      open.splice(open.indexOf(dialog), 1);
      if (before?.isConnected) before.focus();
    };
  }, [ref]);
}
