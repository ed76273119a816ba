import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          // On a loaded 2-core CI machine a fresh app's first suggestions may take minutes (harness.ts, FIRST_SUGGESTIONS_MS).
          hookTimeout: 300_000,
          fileParallelism: false,
          // Vitest's default of 1 s is shorter than an import or a background extraction takes on a loaded
          // 2-core CI machine (the unit and integration projects run beside this one); a poll that passes
          // returns as soon as it passes, so a longer ceiling costs nothing when all is well.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
