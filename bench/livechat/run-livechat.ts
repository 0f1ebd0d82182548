// `npm run bench:livechat [-- --sizes 10000,100000] [-- --no-write]` (also the last part of `npm run bench`):
// the livechat rows. Generates livechat rooms and the demo omnichannel data (seeded), checks that every
// request answers the same over the indexed collection and over the array scan, then times both (median
// and p95 of settled runs, and their ratio in the same run) with the work counters, and writes
// docs/livechat-benchmarks.md and docs/livechat-benchmarks.svg (the largest size's medians).
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import * as E from 'fp-ts/lib/Either.js';
import { scopeLivechatQuery } from '../../src/auth/livechat/scope-livechat-query.js';
import { createRoomCollection, LIVECHAT_INDEXES } from '../../src/collection/room-collection.js';
import { compileQuery } from '../../src/compile/compile-query.js';
import { runQueryWithStats } from '../../src/exec/run-query.js';
import { generateLivechatRooms } from '../../src/fixtures/generate-livechat-rooms.js';
import { generateOmnichannel } from '../../src/fixtures/generate-omnichannel.js';
import { agentsOf, generateUsers } from '../../src/fixtures/generate-users.js';
import type { Principal } from '../../src/auth/principal.js';
import { renderBarChart } from '../bar-chart.js';
import type { Room } from '../../src/model/room.js';
import { parseLivechatParams } from '../../src/request/livechat/parse-livechat-params.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const sizes = (flag('--sizes') ?? '10000,100000').split(',').map((s) => Number(s.replace(/_/g, '')));
const write = !args.includes('--no-write');
const SEED = 1;

interface Row {
  readonly size: number;
  readonly name: string;
  readonly indexedMs: { median: number; p95: number };
  readonly scanMs: { median: number; p95: number };
  readonly total: number;
  readonly docsExamined: number;
  readonly regexSteps: number;
  readonly access: string;
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] as number;
};

const time = (fn: () => unknown, runs: number): { median: number; p95: number } => {
  for (let i = 0; i < Math.min(3, runs); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
};

const rows: Row[] = [];
for (const size of sizes) {
  const users = generateUsers({ seed: SEED, agents: 20 });
  const agents = agentsOf(users);
  const { omnichannel, monitor } = generateOmnichannel({ seed: SEED, agents });
  const rooms: ReadonlyArray<Room> = generateLivechatRooms({ count: size, seed: SEED, agents });
  const collection = createRoomCollection(rooms, { indexes: LIVECHAT_INDEXES });
  const admin = users[0] as Principal;
  const agent = { ...(agents[0] as { _id: string; username: string }), roles: ['livechat-agent'] };
  const sales = omnichannel.departments[0]?._id ?? '';
  const workload: ReadonlyArray<{ name: string; params: Record<string, unknown>; principal: Principal }> = [
    { name: 'Current Chats, newest first', params: {}, principal: admin },
    { name: 'open (served, not on hold)', params: { open: 'true' }, principal: admin },
    { name: 'queued', params: { queued: 'true' }, principal: admin },
    { name: 'on hold', params: { onhold: 'true' }, principal: admin },
    { name: 'one department', params: { departmentId: sales }, principal: admin },
    { name: "an agent's own rooms", params: { agents: [agent._id] }, principal: agent },
    { name: 'monitor (EE units scope)', params: {}, principal: monitor },
    { name: 'customFields regex', params: { customFields: '{"plan":"^gold"}' }, principal: admin },
    { name: 'customFields (a+)+$', params: { customFields: '{"orderId":"(a+)+$"}' }, principal: admin },
    { name: 'roomName substring', params: { roomName: 'mar' }, principal: admin },
  ];
  const runs = size >= 1_000_000 ? 7 : size >= 100_000 ? 15 : 40;
  for (const q of workload) {
    const parsed = parseLivechatParams(q.params, {});
    const scoped = E.chain((query: Parameters<typeof scopeLivechatQuery>[0]) => scopeLivechatQuery(query, q.principal, { omnichannel }))(
      parsed,
    );
    if (E.isLeft(scoped)) throw new Error(`${q.name}: ${JSON.stringify(scoped.left.body)}`);
    const compiled = compileQuery(scoped.right);
    const viaIndex = runQueryWithStats(compiled, collection);
    const viaScan = runQueryWithStats(compiled, rooms);
    const ids = (p: typeof viaIndex) => JSON.stringify({ ids: p.page.rooms.map((r) => r['_id']), total: p.page.total });
    if (ids(viaIndex) !== ids(viaScan)) throw new Error(`${q.name}: indexed and scan answers differ`);
    rows.push({
      size,
      name: q.name,
      indexedMs: time(() => runQueryWithStats(compiled, collection), runs),
      scanMs: time(() => runQueryWithStats(compiled, rooms), runs),
      total: viaIndex.page.total,
      docsExamined: viaIndex.stats.docsExamined,
      regexSteps: viaIndex.stats.regexSteps ?? 0,
      access: viaIndex.stats.access ?? 'scan',
    });
  }
}

const ms = (x: number): string => (x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1));
const ratio = (r: Row): string => {
  const x = r.scanMs.median / Math.max(r.indexedMs.median, 1e-6);
  return `${x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US')}×`;
};
const largest = Math.max(...sizes);
const chart = renderBarChart({
  title: `livechat/rooms: median ms per request, ${largest.toLocaleString('en-US')} rooms (log scale; lower is faster)`,
  unit: 'ms',
  series: ['indexed collection', 'array scan'],
  groups: rows.filter((r) => r.size === largest).map((r) => ({ name: r.name, values: [r.indexedMs.median, r.scanMs.median] })),
});
const table = [
  '| rooms | request | indexed median / p95 (ms) | scan median / p95 (ms) | scan ÷ indexed (medians) | total | docs examined (indexed) | regex steps | access |',
  '|---:|---|---:|---:|---:|---:|---:|---:|---|',
  ...rows.map(
    (r) =>
      `| ${r.size.toLocaleString('en-US')} | ${r.name} | ${ms(r.indexedMs.median)} / ${ms(r.indexedMs.p95)} | ${ms(r.scanMs.median)} / ${ms(r.scanMs.p95)} | ${ratio(r)} | ${r.total} | ${r.docsExamined} | ${r.regexSteps} | ${r.access} |`,
  ),
].join('\n');
console.log(table);
if (write) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  writeFileSync(new URL('../../docs/livechat-benchmarks.svg', import.meta.url), chart);
  writeFileSync(
    new URL('../../docs/livechat-benchmarks.md', import.meta.url),
    `# Livechat benchmarks\n\n_Generated by \`npm run bench\` / \`npm run bench:livechat\` (bench/livechat/run-livechat.ts); do not edit by hand._\n\n\`GET /api/v1/livechat/rooms\` over generated livechat rooms (seed ${SEED}, 20 agents, the demo departments and\nunits), first page of 50, default mode. Each request is answered over the indexed collection and over the\narray scan; both answers are checked equal before timing. Produced by \`npm run bench:livechat\` on ${cpu},\nNode ${process.version}; machine shared with other jobs, so read the ratios (both sides timed in the same run) more than the absolute numbers.\n\n![livechat/rooms: indexed vs scan, median ms per request](livechat-benchmarks.svg)\n\n${table}\n\n"regex steps" are the characters the linear-time regex engine read (one pass per tested value): the\ncatastrophic-on-backtracking pattern \`(a+)+$\` costs the same as any other pattern.\n`,
  );
}
