import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The docs runner writes extracted blocks under test/docs/.tmp-*; they are run by it, not collected.
    exclude: ['**/node_modules/**', 'test/docs/.tmp-*/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Type tests (`*.test-d.ts`, expectTypeOf) of each entry's signatures run with the suite.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
