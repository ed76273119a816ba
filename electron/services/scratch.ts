import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The app's private working folder (`<data dir>/tmp`, mode 0700) for files a job needs for a
 * moment, such as the page and the browser profile a PDF is printed from. Nothing goes to the
 * shared system temp folder, where a killed job would leave a copy of the analyst's material
 * readable by others. Each job gets its own folder, emptied when it ends; folders left by a run
 * that was killed are emptied when the next one starts.
 */
export class ScratchSpace {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'tmp');
    fs.mkdirSync(this.root, { recursive: true, mode: 0o700 });
    fs.chmodSync(this.root, 0o700);
    this.sweep();
  }

  /** Removes what earlier runs left: every job folder whose process is gone, and any stray file. */
  sweep(): void {
    for (const entry of fs.readdirSync(this.root, { withFileTypes: true })) {
      const pid = /^job-(\d+)-[0-9a-f]+$/.exec(entry.name)?.[1];
      if (pid && entry.isDirectory() && isRunning(Number(pid))) continue;
      try {
        this.remove(path.join(this.root, entry.name));
      } catch {
        // Still being written (a browser the killed run started has not exited yet): the next start removes it.
      }
    }
  }

  /** Runs `work` with a fresh private folder and empties it afterwards, whether the work succeeded or not. */
  async job<T>(work: (dir: string) => Promise<T>): Promise<T> {
    const dir = path.join(this.root, `job-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
    fs.mkdirSync(dir, { mode: 0o700 });
    try {
      return await work(dir);
    } finally {
      this.remove(dir);
    }
  }

  /**
   * A private folder held for as long as the caller needs it (a read-only workspace's copy lives as
   * long as the session shows it); `release` empties it. A killed run's folder goes at the next sweep.
   */
  reserve(): { dir: string; release: () => void } {
    const dir = path.join(this.root, `job-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
    fs.mkdirSync(dir, { mode: 0o700 });
    return { dir, release: () => this.remove(dir) };
  }

  /**
   * Empties and removes one entry of the private folder, depth first. It refuses any path outside
   * the private folder and never follows a symbolic link (a link is removed, not what it points at).
   */
  private remove(entry: string): void {
    const relative = path.relative(this.root, entry);
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`Refusing to remove ${entry}: it is not inside ${this.root}`);
    const stat = fs.lstatSync(entry, { throwIfNoEntry: false });
    if (!stat) return;
    if (!stat.isDirectory()) {
      fs.rmSync(entry, { force: true });
      return;
    }
    for (const name of fs.readdirSync(entry)) this.remove(path.join(entry, name));
    fs.rmdirSync(entry);
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
