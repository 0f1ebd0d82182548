// `npm run bench:http [-- --rooms 100000] [-- --seconds 5] [-- --no-write]`: requests per second over real
// HTTP on loopback. Our server (`room-query serve --rooms <n> --rate-limit off`, through the CLI's own code)
// vs a bare node:http server sending the very same bytes (recorded from ours), each in its own child
// process, one at a time; autocannon (8 connections, <seconds> s after a 1 s warm-up) runs here, in the
// parent. Writes bench/http/results.json, docs/http-benchmarks.md and docs/http-benchmarks.svg.
import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { generateUsers } from '../../src/fixtures/index.js';
import { renderBarChart } from '../bar-chart.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const rooms = Number((flag('--rooms') ?? '100000').replace(/_/g, ''));
const seconds = Number(flag('--seconds') ?? '5');
const write = !args.includes('--no-write');
const CONNECTIONS = 8;
const SEED = 42; // `serve`'s default seed: its admin is the first demo user
const admin = generateUsers({ seed: SEED })[0]!;
const headers = { 'x-user-id': admin._id, 'x-auth-token': admin.token };

/** The requests measured, and each one's goal for our server. */
const REQUESTS = [
  { name: 'admin default page', path: '/api/v1/voip/rooms', goal: '≥ 0.5× bare node:http' },
  { name: 'roomName=mar', path: '/api/v1/voip/rooms?roomName=mar', goal: '≥ 1,020 req/s (20× last round’s 51)' },
] as const;

interface Measure {
  readonly reqPerSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly bytesPerReq: number;
  readonly errors: number;
}

const startChild = async (kind: 'ours' | 'bare'): Promise<{ child: ChildProcess; port: number }> => {
  const child = fork(new URL('./http-server.ts', import.meta.url), [kind, String(rooms), ...REQUESTS.map((r) => r.path)], {
    execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=4096'],
    stdio: 'inherit',
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { kind: string; port: number }) => (m.kind === 'ready' ? resolve(m.port) : reject(new Error(String(m.kind)))));
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)));
  });
  return { child, port };
};

const cannon = (port: number, path: string, duration: number): Promise<autocannon.Result> =>
  new Promise((resolve, reject) => {
    autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: CONNECTIONS, duration, headers }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });

const measure = async (port: number, path: string): Promise<Measure> => {
  await cannon(port, path, 1); // warm-up: JIT, the response caches, the sockets
  const r = await cannon(port, path, seconds);
  return {
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bytesPerReq: r.requests.total > 0 ? r.throughput.total / r.requests.total : 0,
    errors: r.errors + r.timeouts + r.non2xx,
  };
};

const results: Record<'ours' | 'bare', Measure[]> = { ours: [], bare: [] };
for (const kind of ['ours', 'bare'] as const) {
  const { child, port } = await startChild(kind);
  for (const request of REQUESTS) {
    const m = await measure(port, request.path);
    results[kind].push(m);
    console.log(
      `${kind.padEnd(4)} ${request.name.padEnd(20)} ${m.reqPerSec.toFixed(0).padStart(7)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  ${m.bytesPerReq.toFixed(0)} B/req  errors ${m.errors}`,
    );
  }
  child.send({ kind: 'stop' });
  await new Promise((resolve) => child.once('exit', resolve));
}

const rows = REQUESTS.map((request, i) => {
  const ours = results.ours[i]!;
  const bare = results.bare[i]!;
  const ratio = ours.reqPerSec / bare.reqPerSec;
  const met = i === 0 ? ratio >= 0.5 : ours.reqPerSec >= 1020;
  return { request: request.name, path: request.path, goal: request.goal, ours, bare, ratio, met };
});
for (const r of rows) console.log(`${r.request}: ours ÷ bare = ${r.ratio.toFixed(2)}× (${r.met ? 'goal met' : 'goal MISSED'})`);

if (write) {
  writeFileSync(
    new URL('./results.json', import.meta.url),
    `${JSON.stringify({ node: process.version, rooms, connections: CONNECTIONS, seconds, rows }, null, 1)}\n`,
  );
  const svg = renderBarChart({
    title: `HTTP, ${rooms.toLocaleString('en-US')} call rooms (+ as many livechat rooms), ${CONNECTIONS} connections: requests per second (log scale; higher is better)`,
    unit: 'req/s',
    series: ['room-query serve --rate-limit off', 'bare node:http, same bytes'],
    groups: rows.map((r) => ({ name: r.request, values: [r.ours.reqPerSec, r.bare.reqPerSec] })),
  });
  writeFileSync(new URL('../../docs/http-benchmarks.svg', import.meta.url), svg);
  const n = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const lines = [
    '# HTTP benchmark',
    '',
    `Requests per second over real HTTP on loopback: \`room-query serve --rooms ${n(rooms)} --rate-limit off\``,
    `(${n(rooms)} generated call rooms and as many livechat rooms, the admin's token) against a bare \`node:http\``,
    "server that answers with the very same bytes (status, headers and body recorded from our server's answer), so",
    'the difference is what room-query adds per request: authentication, parsing, the query, the body. Each server',
    `runs alone in its own child process; autocannon runs in the parent with ${CONNECTIONS} connections, ${seconds} s per`,
    'row after a 1 s warm-up, one server after the other, in one run.',
    '',
    `Reproduce: \`npm run bench:http -- --rooms ${rooms} --seconds ${seconds}\` (node ${process.version}; also part of \`npm run bench\`).`,
    "Measured on a 2-core machine shared with other developers' work (and the load generator shares the cores",
    'with the server): read the ratios, not the absolute figures.',
    '',
    '![requests per second](http-benchmarks.svg)',
    '',
    '| request | bytes | ours req/s | p50 ms | p99 ms | bare node:http req/s | p50 ms | p99 ms | ours ÷ bare | goal |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.request} (\`${r.path}\`) | ${n(r.ours.bytesPerReq)} | ${n(r.ours.reqPerSec)} | ${r.ours.p50} | ${r.ours.p99} | ${n(r.bare.reqPerSec)} | ${r.bare.p50} | ${r.bare.p99} | ${r.ratio.toFixed(2)}× | ${r.goal}: ${r.met ? '✅ met' : '❌ missed'} |`,
    ),
    '',
  ];
  writeFileSync(new URL('../../docs/http-benchmarks.md', import.meta.url), `${lines.join('\n')}\n`);
  console.log('wrote bench/http/results.json, docs/http-benchmarks.md and docs/http-benchmarks.svg');
}
