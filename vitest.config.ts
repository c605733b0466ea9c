import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code; integration tests start the federation over real HTTP.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['{schema,gateway,subgraphs}/**/*.test.ts'], exclude: ['**/*.browser.test.ts', 'node_modules/**'] },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['**/*.browser.test.ts', 'test/e2e/**/*.e2e.ts'], exclude: ['node_modules/**'] },
      },
    ],
  },
});
