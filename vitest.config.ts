import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Unit tests sit beside the code; integration tests start the federation over real HTTP.
export default defineConfig({
  // Node loads `graphql` through its CommonJS entry for the libraries (Apollo, Hive); Vite would pick
  // the `.mjs` one for our code. Two copies of graphql-js refuse each other's schemas ("another
  // realm"), so the tests resolve it exactly as Node does at run time.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    pool: 'forks',
    // One initdb per run instead of one per test file's process (test/setup/).
    globalSetup: ['test/setup/pglite-template.global.ts'],
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['{schema,gateway,subgraphs,scripts}/**/*.test.ts'], exclude: ['**/*.browser.test.ts', 'node_modules/**'] },
      },
      {
        extends: true,
        // Each integration file starts its own federation and restores what it changes (env,
        // listeners), so the files of one worker share its modules: the federation's module graph
        // (Hive Gateway, Apollo, graphql-js, PGlite) is imported once per worker, not once per file
        // (import time summed over the files 201 s → 60 s, the PGlite suite 706 → 506 s).
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['**/*.browser.test.ts', 'test/e2e/**/*.e2e.ts'], exclude: ['node_modules/**'] },
      },
    ],
  },
});
