import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/** The proposed path's extension put on the analyst's own path: their folder and name stay, the format's ending follows. */
export function withEndingOf(own: string, proposed: string): string {
  if (!own.trim()) return proposed;
  const ending = (p: string) => /(\.[A-Za-z0-9]{1,8})$/.exec(p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1))?.[1] ?? '';
  const old = ending(own);
  return own.slice(0, own.length - old.length) + ending(proposed);
}

/**
 * The "Save to" path of a dialog: the core proposes one per format, and the analyst may type their
 * own. A proposal never changes the field while the analyst is in it or after they typed (the
 * proposal arrives late on a busy core, and would otherwise splice into what they are typing); a
 * new format keeps their path and changes only its ending.
 */
export function useProposedPath(propose: () => Promise<{ path: string } | null | undefined>, key: string) {
  const [path, setPath] = useState('');
  const typed = useRef(false);
  const focused = useRef(false);
  const held = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    void propose().then((p) => {
      if (!live || !p) return;
      // Drawn at once: a proposal decided while the field was left but drawn a task later could
      // land after a click into it and its select-all, and what is then typed would join it.
      if (typed.current) flushSync(() => setPath((own) => withEndingOf(own, p.path)));
      else if (focused.current) held.current = p.path;
      else flushSync(() => setPath(p.path));
    });
    return () => {
      live = false;
    };
    // The proposal depends on the format (and table) only: `key` names them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return {
    path,
    setPath: (p: string) => {
      typed.current = true;
      held.current = null;
      setPath(p);
    },
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      // Left without typing: the proposal that waited takes the field now.
      if (held.current !== null && !typed.current) setPath(held.current);
      held.current = null;
    },
  };
}
