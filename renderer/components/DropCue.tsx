import { useEffect, useState } from 'react';

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * Whether files are being dragged over the window. dragenter and dragleave fire for every element the
 * pointer crosses (a leave for the one left, an enter for the one entered), so they are counted: the
 * drag has left the window when the count is back to 0, and the cue does not flicker between children.
 * Listened to on the window, in the capture phase, so no element that stops them can leave the cue up.
 * A drag of text or of a link is not an import and gets no cue.
 */
export function useFilesDraggedOver(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e) || depth === 0) return;
      if (--depth === 0) setOver(false);
    };
    // A drag already over the window when the app started has sent no enter: its next move counts as one.
    const move = (e: DragEvent) => {
      if (!carriesFiles(e) || depth > 0) return;
      depth = 1;
      setOver(true);
    };
    // A drop (anywhere) or a drag that ends sends no leave.
    const end = () => {
      depth = 0;
      setOver(false);
    };
    const listeners = { dragenter: enter, dragleave: leave, dragover: move, drop: end, dragend: end } as const;
    for (const [type, listener] of Object.entries(listeners)) window.addEventListener(type, listener as EventListener, true);
    return () => {
      for (const [type, listener] of Object.entries(listeners)) window.removeEventListener(type, listener as EventListener, true);
    };
  }, []);
  return over;
}

/** Over the whole window while files are dragged onto it; never a drop target itself (pointer-events: none), so the drop lands where it did. */
export function DropCue() {
  return (
    <div className="drop-cue" role="status" data-testid="drop-cue">
      <p>Drop files to import them</p>
    </div>
  );
}
