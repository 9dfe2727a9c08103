import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Test files start local warehouses in-process; DuckDB runs their queries on libuv's pool, which
// each forked worker sizes once at start from this variable (see lib/local-warehouse/engine/thread-pool.ts).
process.env.UV_THREADPOOL_SIZE ??= '16';

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside React Server Components; tests run server code directly.
      { find: /^server-only$/, replacement: `${root}/test/server-only-stub.ts` },
    ],
  },
  test: {
    include: ['lib/**/*.test.ts', 'images/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
  },
});
