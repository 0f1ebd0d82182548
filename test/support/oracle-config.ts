// Oracle run settings from the environment: ORACLE_SEED replays a failure, ORACLE_RUNS (default 1000)
// sets the number of runs per property for long campaigns. Pass the result to `fc.assert`.

export interface OracleConfig {
  readonly numRuns: number;
  readonly seed?: number;
  readonly path?: string;
}

function readInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return n;
}

/** `fc.assert(prop, oracleConfig())`; ORACLE_PATH (from a failure report) replays one counterexample. */
export function oracleConfig(defaultRuns = 1000): OracleConfig {
  const numRuns = readInteger('ORACLE_RUNS') ?? defaultRuns;
  const seed = readInteger('ORACLE_SEED');
  const path = process.env['ORACLE_PATH'];
  const config: { numRuns: number; seed?: number; path?: string } = { numRuns };
  if (seed !== undefined) config.seed = seed;
  if (path !== undefined && path !== '') config.path = path;
  return config;
}
