import { defineConfig } from 'vitest/config';

// Playwright journeys against the real server and the built console (run `npx vite build` first).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
