// `npm run bench:room-name [-- --sizes 300000,1000000] [-- --no-write]`: roomName (case-insensitive
// substring of the room's name) through the substring index vs a hand-written top-k scan, on rooms whose
// names are varied person names and phone numbers (person-names.ts). Selective needles (few rooms match)
// and broad ones (5–90 %), 1 to 11 units. Every answer (ids in order + total) is checked against the
// hand scan before timing. Also: the index's heap cost vs the rooms' heap, and its build time.
// Writes bench/room-name/results.json and docs/room-name-benchmarks.md.
import { writeFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import {
  compileQuery,
  createRoomCollection,
  indexBytes,
  parseRoomsParams,
  planQuery,
  queryRooms,
  runQueryWithStats,
  scopeQuery,
  type Principal,
  type Room,
  type RoomCollection,
} from '../../src/index.js';
import { agentsOf, generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { handTopK, type Answer } from '../peers/hand-loop.js';
import type { BenchQuery } from '../workload.js';
import { personNames } from './person-names.js';
import { renderRoomNameDocs, type RoomNameReport } from './report-room-name.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const sizes = (flag('--sizes') ?? '300000').split(',').map((s) => Number(s.replace(/_/g, '')));
const write = !args.includes('--no-write');
const SEED = 7;

export const SELECTIVE = ['gonzalez', 'aiko mercer', '5550123'] as const;
export const BROAD = ['a', 'ng', 'mar', '+1 ('] as const;

const ADMIN: Principal = { _id: 'bench-admin', username: 'admin', roles: ['admin'] };

const gc = (): void => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) for (let i = 0; i < 3; i++) g();
};
const heapUsed = (): number => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/**
 * Medians of the two contenders sampled in turns for about `budgetMs`: one hand scan, then indexed runs for
 * as long as that scan took (at most 100), and again. Both see the same stretch of the machine's load and
 * of the garbage collector's after-build work, so their ratio does not depend on which one ran first.
 */
const timeInTurns = (hand: () => unknown, indexed: () => unknown, budgetMs: number): { hand: number; indexed: number } => {
  hand();
  indexed();
  const handSamples: number[] = [];
  const indexSamples: number[] = [];
  const start = performance.now();
  while (handSamples.length < 5 || (performance.now() - start < budgetMs && handSamples.length < 200)) {
    let t0 = performance.now();
    hand();
    const handMs = performance.now() - t0;
    handSamples.push(handMs);
    let spent = 0;
    for (let i = 0; i < 100 && spent < handMs; i++) {
      t0 = performance.now();
      indexed();
      const ms = performance.now() - t0;
      indexSamples.push(ms);
      spent += ms;
    }
  }
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return { hand: median(handSamples), indexed: median(indexSamples) };
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
type R = { [k: string]: any };
const time = (d: unknown): number => (d instanceof Date ? d.getTime() : Number.NaN);
const tsDesc = (a: R, b: R): number => time(b['ts']) - time(a['ts']) || (a['_id'] < b['_id'] ? -1 : a['_id'] > b['_id'] ? 1 : 0);

/** The admin's first page of rooms whose name holds `needle`, newest first, as the hand loop runs it. */
const handQuery = (needle: string): BenchQuery => {
  const re = new RegExp(escape(needle), 'i');
  return {
    name: needle,
    group: 'other',
    params: { roomName: needle },
    principal: ADMIN,
    mongo: {},
    loki: {},
    sort: [
      ['ts', -1],
      ['_id', 1],
    ],
    offset: 0,
    count: 50,
    predicate: (r: R) => r['t'] === 'v' && typeof r['name'] === 'string' && re.test(r['name']),
    compare: tsDesc,
  };
};

const idsOf = (a: Answer): string => JSON.stringify({ ids: a.rooms.map((r) => r['_id']), total: a.total });

const runSize = (n: number): RoomNameReport => {
  console.log(`\n=== ${n.toLocaleString('en-US')} rooms, person names + phone numbers (seed ${SEED}) ===`);
  const agents = agentsOf(generateUsers({ seed: SEED, agents: 50 }));
  const names = personNames(n, SEED);
  const heap0 = heapUsed();
  const rooms: Room[] = generateRooms({ count: n, seed: SEED, agents }).map((room, i) => ({ ...room, name: names[i], fname: names[i] }));
  const roomsHeap = heapUsed() - heap0;
  const noGrams = {
    indexes: {
      keys: ['t', 'servedBy._id', 'servedBy.username', 'v._id', 'queue', 'tags', 'direction'],
      presence: ['open'],
      orders: ['ts', 'closedAt'],
      substrings: [],
    },
  };
  let t0 = performance.now();
  let plain: RoomCollection | undefined = createRoomCollection(rooms, noGrams);
  const plainBuildMs = performance.now() - t0;
  const plainBytes = indexBytes(plain);
  plain = undefined;
  gc();
  const heap1 = heapUsed();
  t0 = performance.now();
  const collection = createRoomCollection(rooms);
  const buildMs = performance.now() - t0;
  const indexHeap = heapUsed() - heap1;
  const gramIndex = collection.grams.get('name');
  if (gramIndex === undefined) throw new Error('no substring index on name');
  console.log(
    `rooms heap ${(roomsHeap / 2 ** 20).toFixed(0)} MiB; index set heap ${(indexHeap / 2 ** 20).toFixed(0)} MiB (${(indexHeap / roomsHeap).toFixed(2)}× the rooms), ` +
      `of which the substring index ${(gramIndex.bytes / 2 ** 20).toFixed(0)} MiB (${gramIndex.gramCount} grams, ${gramIndex.entries} entries); ` +
      `build ${buildMs.toFixed(0)} ms (${plainBuildMs.toFixed(0)} ms without the substring index)`,
  );
  const budget = n >= 1_000_000 ? 1500 : 800;
  const needles = [
    ...SELECTIVE.map((needle) => ({ needle, kind: 'selective' as const })),
    ...BROAD.map((needle) => ({ needle, kind: 'broad' as const })),
  ];
  const report: RoomNameReport = {
    size: n,
    roomsHeap,
    indexHeap,
    gramBytes: gramIndex.bytes,
    otherIndexBytes: plainBytes,
    grams: gramIndex.gramCount,
    entries: gramIndex.entries,
    buildMs,
    plainBuildMs,
    rows: [],
  };
  for (const { needle, kind } of needles) {
    const q = handQuery(needle);
    const hand = handTopK(q);
    const viaIndex = (): Answer => {
      const r = queryRooms(collection, q.params, ADMIN);
      if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
      return r.right;
    };
    const expected = hand(rooms);
    if (idsOf(viaIndex()) !== idsOf(expected)) throw new Error(`${needle}: the indexed answer differs from the hand scan`);
    const parsed = parseRoomsParams(q.params);
    const scoped = E.isRight(parsed) ? scopeQuery(parsed.right, ADMIN) : parsed;
    if (E.isLeft(scoped)) throw new Error(needle);
    const compiled = compileQuery(scoped.right);
    const plan = planQuery(compiled, collection).chosen;
    const stats = runQueryWithStats(compiled, collection).stats;
    const timed = timeInTurns(() => hand(rooms), viaIndex, 2 * budget);
    const row = {
      needle,
      kind,
      total: expected.total,
      share: expected.total / n,
      plan: plan.kind === 'scan' ? 'scan' : `index (${plan.exact ? 'exact posting' : 'trigrams + verify'}, ${plan.ordering.kind})`,
      estimated: plan.estimatedDocs,
      examined: stats.docsExamined,
      indexMs: timed.indexed,
      handMs: timed.hand,
      speedup: timed.hand / timed.indexed,
    };
    report.rows.push(row);
    console.log(
      `  ${JSON.stringify(needle)} (${kind}, ${row.total} rooms = ${(100 * row.share).toFixed(2)} %): index ${row.indexMs.toFixed(3)} ms, hand scan ${row.handMs.toFixed(1)} ms → ${row.speedup.toFixed(1)}× [${row.plan}; examined ${row.examined}, estimated ${Math.round(row.estimated)}]`,
    );
  }
  return report;
};

const reports = sizes.map(runSize);
if (write) {
  const results = { node: process.version, reports };
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 1)}\n`);
  renderRoomNameDocs(results);
  console.log('\nwrote bench/room-name/results.json and docs/room-name-benchmarks.md');
}
