// `npm run test:quick`: the edit loop's subset — unit tests and small property runs, under a minute on
// 2 cores. Left out: what spawns processes or servers per case (CLI, docs blocks, the package install,
// store snapshots at benchmark-like sizes) and long fuzz campaigns. CI runs everything (`npm test`).
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'test/docs/**',
        'test/package/**',
        'test/cli/**',
        'test/fuzz/**',
        'test/live/http-stream.test.ts',
        'test/testing/**',
        // store and collection work at benchmark-like sizes, and coverage counts that need the full run count
        'test/store/derived-snapshot.test.ts',
        'test/collection/derived-equals-scan.property.test.ts',
        'test/collection/merge-collection.property.test.ts',
      ],
      env: { ORACLE_RUNS: '40', FUZZ_RUNS: '30', FUZZ_AUTH_RUNS: '100' },
      // The type tests (*.test-d.ts) are a whole-program tsc run: `npm run typecheck` covers them.
      typecheck: { enabled: false },
    },
  }),
);
