// Test runner configuration: unit tests sit beside the code, end-to-end tests in tests/e2e.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
