import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Unit and integration files run two at a time (one per core); the window's tests run after them,
      // one file at a time with nothing beside them (beside other tests they are slow and flaky on a
      // 2-core machine). Vitest's default on 2 cores is one worker for all 142 files in a row.
      // Every file's temporary folders are removed when it is done (tests/tempDirs.ts).
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', setupFiles: ['tests/setup.ts'], maxWorkers: 2, sequence: { groupOrder: 0 } } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup.ts'],
          testTimeout: 30_000,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup.ts'],
          testTimeout: 90_000,
          // On a loaded 2-core CI machine a fresh app's first suggestions may take minutes (harness.ts, FIRST_SUGGESTIONS_MS).
          hookTimeout: 300_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          // Vitest's default of 1 s is shorter than an import or a background extraction takes on a loaded
          // 2-core CI machine; a poll that passes
          // returns as soon as it passes, so a longer ceiling costs nothing when all is well.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
