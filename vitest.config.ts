import { defineConfig } from 'vitest/config';

// Unit tests live next to the code (src/**); integration tests in test/ run
// against the store named by XZ_TEST_DB (sqlite by default, or postgres).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['src/web/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
