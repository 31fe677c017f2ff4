import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'test/**/*.test.tsx', 'e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Temp folders: each run has its own and fails if a test leaves a gongkai-* folder in it.
    globalSetup: ['test/support/temp-dirs-check.ts'],
    setupFiles: ['test/support/remove-temp-dirs.ts'],
  },
});
