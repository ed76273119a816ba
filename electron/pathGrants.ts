import path from 'node:path';

/**
 * The desktop window may make the core read or write only paths that main itself produced: the
 * answer of one of its own dialogs, a path the core proposed, or a workspace in the recent list.
 * A compromised or confused renderer can then not make the core write a report over ~/.bashrc or
 * open a workspace it was never shown. Browser mode and the CLI have no dialogs and keep typed paths.
 *
 * What a dialog returns is a grant of one kind (the dialog that asked), used once: by the first call
 * of that kind that succeeds with it. A failed call (the file exists; the analyst then confirms the
 * overwrite) leaves the grant in place for the retry. Grants lapse after a while, and only the
 * latest few are kept.
 */
export type GrantKind = 'workspace.open' | 'workspace.create' | 'workspace.saveCopy' | 'save' | 'archive';

export interface PathUse {
  kind: GrantKind;
  path: string;
}

/** Where each path-taking call has its paths, and which grant each one needs. */
export const PATH_CALLS: Readonly<Record<string, Readonly<Record<string, GrantKind>>>> = {
  'workspace.open': { path: 'workspace.open' },
  'workspace.create': { path: 'workspace.create' },
  'workspace.saveCopy': { path: 'workspace.saveCopy' },
  'workspace.restoreArchive': { archive: 'archive', target: 'workspace.create' },
  'exports.run': { path: 'save' },
  'reports.save': { path: 'save' },
};

export type PathsNeeded = { ok: true; uses: PathUse[] } | { ok: false; message: string };

/** The paths a call from the window would touch (its input not yet validated), or why it is refused outright. */
export function pathsNeeded(name: string, input: unknown): PathsNeeded {
  const fields = Object.hasOwn(PATH_CALLS, name) ? PATH_CALLS[name]! : null;
  const record = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  if (name === 'imports.start') {
    const source = record.source as { kind?: unknown } | undefined;
    // The desktop window imports what the analyst picked or dropped as file contents; a list of
    // paths would let it read any folder on the machine.
    if (source?.kind === 'paths') return { ok: false, message: 'The desktop app imports files you pick or drop, not typed paths.' };
    return { ok: true, uses: [] };
  }
  if (!fields) return { ok: true, uses: [] };
  const uses: PathUse[] = [];
  for (const [field, kind] of Object.entries(fields)) {
    const value = record[field];
    // Anything but a string is refused by the contract's own validation, which runs next.
    if (typeof value === 'string') uses.push({ kind, path: value });
  }
  return { ok: true, uses };
}

/** Grants that a call's answer implies: paths the core proposed, and the recent workspaces it lists. */
export function grantsFromResult(name: string, value: unknown): { uses: PathUse[]; reusable: boolean } {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if ((name === 'exports.defaultPath' || name === 'reports.defaultPath') && typeof record.path === 'string') {
    return { uses: [{ kind: 'save', path: record.path }], reusable: false };
  }
  if (Array.isArray(record.recent) && typeof record.path === 'string' && name.startsWith('workspace.')) {
    return { uses: record.recent.filter((p): p is string => typeof p === 'string').map((p) => ({ kind: 'workspace.open' as const, path: p })), reusable: true };
  }
  return { uses: [], reusable: false };
}

const WHAT: Record<GrantKind, string> = {
  'workspace.open': 'open a workspace',
  'workspace.create': 'create a workspace',
  'workspace.saveCopy': 'save a copy of the workspace',
  save: 'save a file',
  archive: 'restore an archive',
};

interface Grant {
  reusable: boolean;
  at: number;
}

export class PathGrants {
  private readonly grants = new Map<string, Grant>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly lifetimeMs = 60 * 60_000,
    private readonly maxGrants = 200,
  ) {}

  private static key(kind: GrantKind, p: string): string {
    return `${kind}\u0000${path.normalize(p)}`;
  }

  grant(kind: GrantKind, p: string, reusable = false): void {
    const key = PathGrants.key(kind, p);
    this.grants.delete(key);
    this.grants.set(key, { reusable, at: this.now() });
    // A Map iterates in insertion order: the oldest grants go first.
    for (const oldest of this.grants.keys()) {
      if (this.grants.size <= this.maxGrants) break;
      this.grants.delete(oldest);
    }
  }

  private live(use: PathUse): Grant | null {
    const key = PathGrants.key(use.kind, use.path);
    const found = this.grants.get(key);
    if (found && this.now() - found.at > this.lifetimeMs) this.grants.delete(key);
    return this.grants.get(key) ?? null;
  }

  /** Whether every path the call needs is granted for its kind; if not, a message for the analyst. */
  check(uses: PathUse[]): { ok: true } | { ok: false; message: string } {
    const missing = uses.find((use) => !this.live(use));
    if (!missing) return { ok: true };
    return { ok: false, message: `To ${WHAT[missing.kind]}, choose the location with the Choose… button (the desktop app uses only places picked in its own dialogs): ${missing.path}` };
  }

  /** Spends the one-time grants a successful call used. */
  consume(uses: PathUse[]): void {
    for (const use of uses) {
      const key = PathGrants.key(use.kind, use.path);
      if (this.grants.get(key)?.reusable === false) this.grants.delete(key);
    }
  }
}
