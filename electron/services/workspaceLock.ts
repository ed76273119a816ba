import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Who holds a workspace: written as JSON into `<workspace>.lock`. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/** Lock files this process holds. */
const held = new Set<string>();

/**
 * One app instance per workspace. SQLite itself keeps two writers from corrupting the file, but
 * a second window on the same workspace would show stale tables and fight over the analyst's
 * edits, so the second instance opens the workspace read-only and says who holds it. A lock
 * left by a process that has died (a crash, a kill) is taken over. The command line does not
 * take the lock: its imports and exports are short and SQLite serialises their writes.
 */
export class WorkspaceLock {
  private released = false;

  private constructor(readonly lockFile: string) {}

  /** Takes the lock, or says who holds it. */
  static acquire(workspaceFile: string): WorkspaceLock | { heldBy: LockHolder } {
    const lockFile = `${path.resolve(workspaceFile)}.lock`;
    fs.mkdirSync(path.dirname(lockFile), { recursive: true });
    for (let attempt = 0; attempt < 3; attempt++) {
      if (createExclusive(lockFile, JSON.stringify(me()))) {
        held.add(lockFile);
        return new WorkspaceLock(lockFile);
      }
      const holder = readHolder(lockFile);
      const ours = holder?.pid === process.pid && holder.host === os.hostname();
      // Our own pid counts as a holder only while this process really holds the lock (another
      // session here); otherwise it was left by an earlier process that had the same pid.
      if (holder && (ours ? held.has(lockFile) : isAlive(holder))) return { heldBy: holder };
      fs.rmSync(lockFile, { force: true });
    }
    const holder = readHolder(lockFile);
    return { heldBy: holder ?? { pid: 0, host: 'unknown', since: '' } };
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this.lockFile);
    const holder = readHolder(this.lockFile);
    if (holder && holder.pid === process.pid && holder.host === os.hostname()) fs.rmSync(this.lockFile, { force: true });
  }
}

/** How the banner names the holder. */
export function describeHolder(holder: LockHolder): string {
  const where = holder.host === os.hostname() ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`;
  return `another Analyst Workbench (${where}${holder.since ? `, since ${holder.since.slice(0, 16).replace('T', ' ')}` : ''})`;
}

function me(): LockHolder {
  return { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
}

/** Creates the lock file with its whole content at once: a hard link fails if the name exists. */
function createExclusive(lockFile: string, content: string): boolean {
  const temp = `${lockFile}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temp, content);
  try {
    fs.linkSync(temp, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function readHolder(lockFile: string): LockHolder | null {
  try {
    const data = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as Partial<LockHolder>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string') return null;
    return { pid: data.pid, host: data.host, since: typeof data.since === 'string' ? data.since : '' };
  } catch {
    return null;
  }
}

/** A process on another machine (a shared folder) cannot be checked from here: it counts as alive. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
