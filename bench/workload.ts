// The benchmark's workload: eight requests a call-center dashboard really sends, each written for
// every contender — room-query parameters, a MongoDB filter/sort (mingo, sift), a LokiJS query
// (adapted operators) and a hand-coded predicate + comparator (the ideal compiled scan).
import type { Principal, Room } from '../src/index.js';

export type Sort = ReadonlyArray<readonly [string, 1 | -1]>;

export interface BenchQuery {
  readonly name: string;
  /** What the targets call it: keyed (agent, visitor, queue), admin page, complex, other. */
  readonly group: 'keyed' | 'admin' | 'complex' | 'other';
  readonly params: Record<string, unknown>;
  readonly principal: Principal;
  readonly mongo: Record<string, unknown>;
  /** LokiJS: the same filter with Loki's operators, most selective indexed field first. */
  readonly loki: Record<string, unknown>;
  readonly sort: Sort;
  readonly offset: number;
  readonly count: number;
  readonly predicate: (r: Room) => boolean;
  readonly compare: (a: Room, b: Room) => number;
}

const ADMIN: Principal = { _id: 'bench-admin', username: 'admin', roles: ['admin'] };

type R = { [k: string]: any };
const time = (d: unknown): number => (d instanceof Date ? d.getTime() : Number.NaN);
const byId = (a: R, b: R): number => (a['_id'] < b['_id'] ? -1 : a['_id'] > b['_id'] ? 1 : 0);
const tsDesc = (a: R, b: R): number => time(b['ts']) - time(a['ts']) || byId(a, b);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface WorkloadInputs {
  readonly agent: { readonly _id: string; readonly username: string };
  readonly visitorId: string;
  readonly queue: string;
  readonly start: Date;
  readonly end: Date;
  readonly tags: readonly [string, string];
  readonly roomName: string;
}

export const workload = (w: WorkloadInputs): BenchQuery[] => {
  const { agent, visitorId, queue, start, end, tags, roomName } = w;
  const agentPrincipal: Principal = { _id: agent._id, username: agent.username, roles: ['livechat-agent'] };
  const nameRe = new RegExp(escape(roomName), 'i');
  const lo = start.getTime();
  const hi = end.getTime();
  const tsSort: Sort = [
    ['ts', -1],
    ['_id', 1],
  ];
  const page = { offset: 0, count: 50 };
  return [
    {
      name: 'admin default page',
      group: 'admin',
      params: {},
      principal: ADMIN,
      mongo: { t: 'v' },
      loki: { t: 'v' },
      sort: tsSort,
      ...page,
      predicate: (r: R) => r['t'] === 'v',
      compare: tsDesc,
    },
    {
      name: "one agent's rooms",
      group: 'keyed',
      params: { agents: [agent._id] },
      principal: agentPrincipal,
      mongo: {
        t: 'v',
        'servedBy._id': agent._id,
        $or: [{ 'servedBy._id': { $in: [agent._id] } }, { 'servedBy.username': { $in: [agent._id] } }],
      },
      loki: { 'servedBy._id': agent._id, t: 'v' },
      sort: tsSort,
      ...page,
      predicate: (r: R) => r['t'] === 'v' && r['servedBy']?.['_id'] === agent._id,
      compare: tsDesc,
    },
    {
      name: "one visitor's history",
      group: 'keyed',
      params: { visitorId },
      principal: ADMIN,
      mongo: { t: 'v', 'v._id': visitorId },
      loki: { 'v._id': visitorId, t: 'v' },
      sort: tsSort,
      ...page,
      predicate: (r: R) => r['t'] === 'v' && r['v']?.['_id'] === visitorId,
      compare: tsDesc,
    },
    {
      name: 'open calls in one queue',
      group: 'keyed',
      params: { open: 'true', queue },
      principal: ADMIN,
      mongo: { t: 'v', open: { $exists: true }, queue },
      loki: { queue, t: 'v', open: { $exists: true } },
      sort: tsSort,
      ...page,
      predicate: (r: R) => r['t'] === 'v' && r['queue'] === queue && r['open'] !== undefined,
      compare: tsDesc,
    },
    {
      name: '3 months + 2 tags + direction',
      group: 'complex',
      params: { createdAt: JSON.stringify({ start: start.toISOString(), end: end.toISOString() }), tags: [...tags], direction: 'inbound' },
      principal: ADMIN,
      mongo: { t: 'v', ts: { $gte: start, $lte: end }, tags: { $in: [...tags] }, direction: 'inbound' },
      loki: { ts: { $between: [start, end] }, t: 'v', tags: { $containsAny: [...tags] }, direction: 'inbound' },
      sort: tsSort,
      ...page,
      predicate: (r: R) => {
        if (r['t'] !== 'v' || r['direction'] !== 'inbound') return false;
        const t = time(r['ts']);
        if (!(t >= lo && t <= hi)) return false;
        const rt = r['tags'];
        return Array.isArray(rt) && (rt.includes(tags[0]) || rt.includes(tags[1]));
      },
      compare: tsDesc,
    },
    {
      name: 'roomName substring',
      group: 'other',
      params: { roomName },
      principal: ADMIN,
      mongo: { t: 'v', name: nameRe },
      loki: { t: 'v', name: { $regex: nameRe } },
      sort: tsSort,
      ...page,
      predicate: (r: R) => r['t'] === 'v' && typeof r['name'] === 'string' && nameRe.test(r['name']),
      compare: tsDesc,
    },
    {
      name: 'deep page (offset 5000)',
      group: 'other',
      params: { offset: '5000', count: '50' },
      principal: ADMIN,
      mongo: { t: 'v' },
      loki: { t: 'v' },
      sort: tsSort,
      offset: 5000,
      count: 50,
      predicate: (r: R) => r['t'] === 'v',
      compare: tsDesc,
    },
    {
      name: 'sort {queue:1, ts:-1}',
      group: 'other',
      params: { sort: '{"queue":1,"ts":-1}' },
      principal: ADMIN,
      mongo: { t: 'v' },
      loki: { t: 'v' },
      sort: [
        ['queue', 1],
        ['ts', -1],
        ['_id', 1],
      ],
      ...page,
      predicate: (r: R) => r['t'] === 'v',
      compare: (a: R, b: R) => (a['queue'] < b['queue'] ? -1 : a['queue'] > b['queue'] ? 1 : tsDesc(a, b)),
    },
  ];
};
