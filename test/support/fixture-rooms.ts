// A handful of hand-written rooms for example-based tests (property tests use test/arbitraries).
import type { Room } from '../../src/index.js';

const d = (iso: string): Date => new Date(iso);

export const alice = { _id: 'agent-alice', username: 'alice', roles: ['livechat-agent'] } as const;
export const bob = { _id: 'agent-bob', username: 'bob', roles: ['livechat-agent'] } as const;
export const admin = { _id: 'admin-1', username: 'admin', roles: ['admin'] } as const;
export const manager = { _id: 'manager-1', username: 'manager', roles: ['livechat-manager'] } as const;
export const plainUser = { _id: 'user-1', username: 'carol', roles: ['user'] } as const;

export const room = (over: Partial<Record<string, unknown>> & { _id: string }): Room => ({
  t: 'v',
  name: `Room ${over._id}`,
  ts: d('2021-07-09T20:12:19.795Z'),
  v: { _id: 'visitor-1', username: 'guest-1', token: 'tok', status: 'online' },
  direction: 'inbound',
  queue: '8001',
  callStarted: d('2021-07-09T20:12:19.795Z'),
  ...over,
});

export const sampleRooms: ReadonlyArray<Room> = [
  room({
    _id: 'r1',
    name: 'José Müller',
    ts: d('2021-01-01T00:00:00Z'),
    open: true,
    servedBy: { _id: alice._id, username: 'alice' },
    tags: ['vip'],
  }),
  room({
    _id: 'r2',
    name: 'a.b (c)+[d]',
    ts: d('2021-02-01T00:00:00Z'),
    servedBy: { _id: bob._id, username: 'bob' },
    closedAt: d('2021-02-01T01:00:00Z'),
    direction: 'outbound',
    queue: '8002',
  }),
  room({
    _id: 'r3',
    name: 'Mary',
    ts: d('2021-02-01T00:00:00Z'),
    servedBy: { _id: alice._id, username: 'alice' },
    closedAt: d('2021-02-02T00:00:00Z'),
    tags: ['sales', 'vip'],
    v: { _id: 'visitor-2', username: 'guest-2', token: 't2', status: 'offline' },
  }),
  room({
    _id: 'r4',
    name: 'Queued',
    ts: d('2021-03-01T00:00:00Z'),
    open: true,
    joinCode: 'secret',
    e2e: 'x',
    members: ['m'],
    importIds: ['i'],
  }),
  { _id: 'l1', t: 'l', name: 'José livechat', ts: d('2021-04-01T00:00:00Z'), open: true, servedBy: { _id: alice._id, username: 'alice' } },
  { _id: 'odd', t: 'v', name: 42, ts: 'not a date', servedBy: 'alice', tags: 'vip', open: false },
];
