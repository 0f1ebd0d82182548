// `npm run bench:query [-- --sizes 10000,100000,1000000] [-- --no-write]` (also the first half of `npm run bench`)
// Generates rooms (seeded), runs the workload (bench/workload.ts) with every contender in the same
// process, checks every answer against room-query's scan (ids in order + total) BEFORE timing, then
// times with tinybench and prints median / p95 / ratio to the hand-written top-k loop. Also: index
// build time vs one Array.prototype.sort by ts, index heap vs raw rooms heap, and the planner's choice
// vs the best of its candidate plans. Writes docs/benchmarks.md and docs/benchmarks.svg from the same numbers.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { Bench } from 'tinybench';
import * as E from 'fp-ts/lib/Either.js';
import { agentsOf, generateRooms, generateUsers } from '../src/fixtures/index.js';
import {
  compileQuery,
  createRoomCollection,
  indexBytes,
  parseRoomsParams,
  planQuery,
  queryRooms,
  runQuery,
  runQueryWithStats,
  scopeQuery,
  type Room,
  type RoomCollection,
} from '../src/index.js';
import { handFullSort, handTopK, type Answer } from './peers/hand-loop.js';
import { createLoki, lokiRunner } from './peers/loki.js';
import { mingoRunner, siftRunner } from './peers/mongo-like.js';
import { renderDocs, SLOW_FROM, type SizeReport, type Timing } from './report.js';
import { workload, type BenchQuery } from './workload.js';
import { asksForHelp, BENCH_HELP } from '../src/cli/bench-help.js';

const args = process.argv.slice(2);
if (asksForHelp(args)) {
  console.log(BENCH_HELP);
  process.exit(0);
}
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const sizes = (flag('--sizes') ?? '10000,100000').split(',').map((s) => Number(s.replace(/_/g, '')));
const write = !args.includes('--no-write');
const SEED = 1;
const AGENTS = 50;

export const CONTENDERS = [
  'room-query indexed',
  'room-query indexed, precompiled',
  'room-query scan',
  'hand top-k loop',
  'hand full-sort loop',
  'LokiJS (indices)',
  'sift + sort',
  'mingo',
] as const;
export type Contender = (typeof CONTENDERS)[number];

/**
 * Peers that take seconds per query from a few hundred thousand rooms on (mingo ≈ 7 s for the admin page
 * at 300k, so ≈ 25 s at 1M, for each of its checked and timed runs); past this size they are skipped, so
 * a run at 1M stays a few minutes and is about room-query's scan vs the hand top-k loop (and the index).
 */
export const SLOW_PEERS = ['hand full-sort loop', 'LokiJS (indices)', 'sift + sort', 'mingo'] as const satisfies ReadonlyArray<Contender>;
const contendersAt = (n: number): ReadonlyArray<Contender> =>
  n > SLOW_FROM ? CONTENDERS.filter((c) => !(SLOW_PEERS as ReadonlyArray<Contender>).includes(c)) : CONTENDERS;

const gc = (): void => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) for (let i = 0; i < 3; i++) g();
};
/** JS heap plus ArrayBuffer backing stores (typed arrays live outside heapUsed). */
const heapUsed = (): number => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};
const timeOnce = (fn: () => unknown): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

const idsOf = (a: Answer): string => JSON.stringify({ ids: a.rooms.map((r) => r['_id']), total: a.total });

const describeDiff = (mine: Answer, theirs: Answer): string => {
  if (mine.total !== theirs.total) return `total ${theirs.total} instead of ${mine.total}`;
  const i = mine.rooms.findIndex((r, k) => r['_id'] !== theirs.rooms[k]?.['_id']);
  return `page differs from position ${i} (${theirs.rooms.length} rooms returned)`;
};

// At least `iterations` samples and `time` ms per task: the fast contenders (the scan and the hand loop
// are compared at ≤ 1.2×) get a dozen samples or more, the slow peers their minimum.
const benchOptions = (n: number) =>
  n >= 1_000_000
    ? { time: 2000, iterations: 8, warmupIterations: 2, warmupTime: 0, retainSamples: true }
    : n >= 100_000
      ? { time: 1500, iterations: 5, warmupIterations: 2, warmupTime: 0, retainSamples: true }
      : { time: 300, iterations: 10, warmupIterations: 5, warmupTime: 0, retainSamples: true };

const percentile = (sorted: ReadonlyArray<number>, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;

/**
 * The slow peers (seconds per query at 300k): three samples after the answer check (their warm-up); they
 * are compared with room-query at ratios of 20× to 1,000×, not at 1.2×.
 */
const SLOW_OPTIONS = { time: 0, iterations: 3, warmupIterations: 0, warmupTime: 0, warmup: false, retainSamples: true };

/** The planner's candidates: only compared with each other, a few samples each. */
const PLAN_OPTIONS = { time: 300, iterations: 5, warmupIterations: 2, warmupTime: 0, retainSamples: true };

const timeTasks = async (
  options: ConstructorParameters<typeof Bench>[0],
  tasks: ReadonlyArray<readonly [string, () => unknown]>,
): Promise<Map<string, { median: number; p95: number; runs: number }>> => {
  const bench = new Bench(options);
  for (const [name, fn] of tasks) bench.add(name, fn);
  await bench.run();
  const out = new Map<string, { median: number; p95: number; runs: number }>();
  for (const task of bench.tasks) {
    const r = task.result;
    if (r.state !== 'completed') throw new Error(`${task.name}: ${r.state}`);
    const samples = [...(r.latency.samples ?? [])].sort((a, b) => a - b);
    out.set(task.name, { median: r.latency.p50, p95: percentile(samples, 0.95), runs: samples.length });
  }
  return out;
};

const runSize = async (n: number): Promise<SizeReport> => {
  console.log(`\n=== ${n.toLocaleString('en-US')} rooms (seed ${SEED}, ${AGENTS} agents) ===`);
  const agents = agentsOf(generateUsers({ seed: SEED, agents: AGENTS }));
  const heap0 = heapUsed();
  let rooms: ReadonlyArray<Room> | undefined = generateRooms({ count: n, seed: SEED, agents });
  const rawHeap = heapUsed() - heap0;

  // Median of 3 (of 1 at 1M: a build takes ~30 s there); the last build's heap is the index heap.
  const rounds = Array.from({ length: n >= 1_000_000 ? 1 : 3 }, (_, i) => i);
  const sortMs = median(
    rounds.map(() => timeOnce(() => [...(rooms as Room[])].sort((a, b) => (a['ts'] as Date).getTime() - (b['ts'] as Date).getTime()))),
  );
  let collection: RoomCollection | undefined;
  let indexHeap = 0;
  const buildMs = median(
    rounds.map((i) => {
      collection = undefined;
      const before = heapUsed();
      const ms = timeOnce(() => (collection = createRoomCollection(rooms as Room[])));
      if (i === rounds.length - 1) indexHeap = heapUsed() - before;
      return ms;
    }),
  );
  if (collection === undefined) throw new Error('no collection');
  const contenders = contendersAt(n);
  const withLoki = contenders.includes('LokiJS (indices)');
  const lokiStart = performance.now();
  const loki = withLoki ? createLoki(rooms) : undefined;
  const lokiBuildMs = withLoki ? performance.now() - lokiStart : undefined;
  console.log(
    `rooms heap ${(rawHeap / n).toFixed(0)} B/room; index heap ${(indexHeap / n).toFixed(1)} B/room (arrays ${(indexBytes(collection) / n).toFixed(1)}); build ${buildMs.toFixed(0)} ms vs one sort by ts ${sortMs.toFixed(0)} ms; LokiJS load+index ${lokiBuildMs === undefined ? 'skipped' : `${lokiBuildMs.toFixed(0)} ms`}`,
  );

  const sample = rooms[Math.floor(n / 3)] as Room;
  const queries = workload({
    agent: agents[0] as { _id: string; username: string },
    visitorId: (sample['v'] as { _id: string })._id,
    queue: '8002',
    start: new Date('2023-03-01T00:00:00.000Z'),
    end: new Date('2023-05-31T23:59:59.999Z'),
    tags: ['vip', 'billing'],
    roomName: 'silva',
  });

  const report: SizeReport = {
    size: n,
    rawHeap,
    indexHeap,
    indexArrays: indexBytes(collection),
    buildMs,
    sortMs,
    ...(lokiBuildMs === undefined ? {} : { lokiBuildMs }),
    skipped: CONTENDERS.filter((c) => !contenders.includes(c)),
    queries: [],
  };
  const coll = collection;
  const arr = rooms;
  // Every contender answers every query once (the answer check) before any is timed, so each is timed in
  // code warmed by the whole workload rather than by whichever queries happened to run before it.
  const prepared = queries.map((q) => {
    const page = (source: ReadonlyArray<Room> | RoomCollection) => (): Answer => {
      const r = queryRooms(source, q.params, q.principal);
      if (E.isLeft(r)) throw new Error(`${q.name}: ${JSON.stringify(r.left)}`);
      return r.right;
    };
    const parsed = parseRoomsParams(q.params);
    const scoped = E.isRight(parsed) ? scopeQuery(parsed.right, q.principal) : parsed;
    if (E.isLeft(scoped)) throw new Error(q.name);
    const compiled = compileQuery(scoped.right);
    const topK = handTopK(q);
    const fullSort = handFullSort(q);
    const mingo = mingoRunner(q);
    const sift = siftRunner(q);
    const lokiRun = loki === undefined ? () => ({ rooms: [], total: -1 }) : lokiRunner(loki, q);
    const runners: Record<Contender, () => Answer> = {
      'room-query indexed': page(coll),
      'room-query indexed, precompiled': () => runQuery(compiled, coll),
      'room-query scan': page(arr),
      'hand top-k loop': () => topK(arr),
      'hand full-sort loop': () => fullSort(arr),
      'LokiJS (indices)': lokiRun,
      'sift + sort': () => sift(arr),
      mingo: () => mingo(arr),
    };
    // Check every answer first (ids in order and total) against room-query's scan.
    const expected = runners['room-query scan']();
    const differences: Partial<Record<Contender, string>> = {};
    for (const name of contenders) {
      const got = runners[name]();
      if (idsOf(got) !== idsOf(expected)) differences[name] = describeDiff(expected, got);
    }
    for (const [name, diff] of Object.entries(differences)) {
      if (!name.startsWith('LokiJS')) throw new Error(`${q.name}: ${name} answers differently: ${diff}`);
      console.log(`  ${q.name}: ${name} differs: ${diff}`);
    }
    return { q, compiled, runners, expected, differences };
  });
  for (const { q, compiled, runners, expected, differences } of prepared) {
    const slow = (c: Contender): boolean => (SLOW_PEERS as ReadonlyArray<Contender>).includes(c);
    const timings = new Map([
      ...(await timeTasks(
        benchOptions(n),
        contenders.filter((c) => !slow(c)).map((name) => [name, runners[name]] as const),
      )),
      ...(await timeTasks(
        SLOW_OPTIONS,
        contenders.filter(slow).map((name) => [name, runners[name]] as const),
      )),
    ]);

    // Planner: time every candidate plan and compare the chosen one with the best.
    const plan = planQuery(compiled, coll);
    const planTasks = plan.alternatives.map((alt, i) => [`${i}`, () => runQueryWithStats(compiled, coll, { plan: alt })] as const);
    const planTimes = await timeTasks(PLAN_OPTIONS, planTasks);
    const chosenIndex = plan.alternatives.indexOf(plan.chosen);
    const planMedians = plan.alternatives.map((_, i) => planTimes.get(`${i}`)?.median ?? Number.NaN);
    const stats = runQueryWithStats(compiled, coll).stats;
    report.queries.push({
      name: q.name,
      group: q.group,
      total: expected.total,
      timings: Object.fromEntries(contenders.map((c) => [c, timings.get(c)!])) as SizeReport['queries'][number]['timings'],
      differences,
      plan: {
        chosen: describeKind(plan.chosen),
        chosenMs: planMedians[chosenIndex] as number,
        bestMs: Math.min(...planMedians),
        best: describeKind(plan.alternatives[planMedians.indexOf(Math.min(...planMedians))]!),
        docsExamined: stats.docsExamined,
        indexKeysExamined: stats.indexKeysExamined,
      },
    });
    const line = contenders.map((c) => `${c}: ${fmt(timings.get(c)!.median)}`).join(' | ');
    console.log(`  ${q.name} (total ${expected.total}): ${line}`);
  }
  printTable(report);
  rooms = undefined;
  return report;
};

const describeKind = (p: ReturnType<typeof planQuery>['chosen']): string =>
  p.kind === 'scan'
    ? 'scan'
    : p.ordering.kind === 'key-walk'
      ? `index walk ${p.ordering.keys.path.dotted} then ${p.ordering.index.path.dotted}`
      : p.ordering.kind === 'walk'
        ? `index walk ${p.ordering.index.path.dotted}${p.exact ? '' : ' + residual'}`
        : `index top-k${p.exact ? '' : ' + residual'}`;

export const fmt = (ms: number): string =>
  ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms >= 0.01 ? ms.toFixed(3) : ms.toFixed(4);

const printTable = (r: SizeReport): void => {
  const rows = r.queries.flatMap((q) =>
    CONTENDERS.filter((c) => q.timings[c] !== undefined).map((c) => {
      const t = q.timings[c] as Timing;
      const base = (q.timings['hand top-k loop'] as Timing).median;
      return {
        query: q.name,
        contender: c + (q.differences[c] ? ' (≠)' : ''),
        'median ms': fmt(t.median),
        'p95 ms': fmt(t.p95),
        'ratio to hand top-k': (t.median / base).toFixed(t.median / base < 0.1 ? 4 : 2),
        runs: t.runs,
      };
    }),
  );
  console.table(rows);
  console.table(
    r.queries.map((q) => ({
      query: q.name,
      'plan chosen': q.plan.chosen,
      'chosen ms': fmt(q.plan.chosenMs),
      'best candidate': q.plan.best,
      'chosen / best': (q.plan.chosenMs / q.plan.bestMs).toFixed(2),
      docsExamined: q.plan.docsExamined,
      indexKeysExamined: q.plan.indexKeysExamined,
    })),
  );
};

const main = async (): Promise<void> => {
  const started = performance.now();
  const reports: SizeReport[] = [];
  for (const n of sizes) reports.push(await runSize(n));
  const minutes = (performance.now() - started) / 60_000;
  console.log(`\n${sizes.join(', ')} rooms in ${minutes.toFixed(1)} minutes`);
  if (!write) return;
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    gc: typeof (globalThis as { gc?: unknown }).gc === 'function',
  };
  const run = { command: `npm run bench:query -- --sizes ${sizes.join(',')}`, minutes: Math.round(minutes * 10) / 10, checkedFirst: true };
  const results = { machine, contenders: CONTENDERS, run, reports };
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 1)}\n`);
  renderDocs(results);
  console.log('\nwrote bench/results.json, docs/benchmarks.md and docs/benchmarks.svg');
};

await main();
