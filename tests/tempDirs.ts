/**
 * Temporary folders of a test file, removed when the file is done (vitest.config.ts runs this
 * module's hook for every file). Left behind, they filled /tmp by some 50 GB a day of test runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

/** A fresh folder under the system's temporary folder, removed after the test file that made it. */
export function tempDir(prefix = 'awb-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder made so far; one still held open (Windows) is left rather than failing the run. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) {
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // A server or worker that has not let go yet: the system's temporary folder is cleaned in time.
    }
  }
}

/** For vitest's setupFiles: the file's own afterAll hooks (closing its cores and apps) run before this one. */
export function removeTempDirsAfterEachFile(): void {
  afterAll(removeTempDirs);
}
