// Run counts for fuzz properties: small in `npm test`, large in `npm run test:fuzz` (FUZZ_RUNS, FUZZ_AUTH_RUNS).
export const FUZZ_RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
export const FUZZ_AUTH_RUNS = Number(process.env['FUZZ_AUTH_RUNS'] ?? 1000);
export const FUZZ_SEED = process.env['FUZZ_SEED'] === undefined ? undefined : Number(process.env['FUZZ_SEED']);
export const fuzzParams = (numRuns: number) => (FUZZ_SEED === undefined ? { numRuns } : { numRuns, seed: FUZZ_SEED });
