// Hand-written livechat rooms, omnichannel directory and principals for the reference's example tests:
// each room exists for one rule (queued, on hold, ts tie, username = another agent's id, unknown department...).

import type { Principal } from '../../../src/auth/principal.js';
import type { Room } from '../../../src/model/room.js';
import type { Omnichannel } from './livechat-scope.js';

const d = (iso: string): Date => new Date(iso);
const visitor = (id: string) => ({ _id: id, username: `guest-${id}`, token: `tok-${id}`, status: 'online' });
const base = (id: string, ts: string) => ({
  _id: id,
  t: 'l',
  ts: d(ts),
  v: visitor(`vis-${id}`),
  source: { type: 'widget' },
  msgs: 1,
  usersCount: 2,
  u: { _id: 'visitor', username: 'visitor' },
});

/** Open, served by agent-1, department dep-a in unit-1, livechatData string + array. */
export const L1: Room = {
  ...base('l1', '2021-01-01T00:00:00.000Z'),
  fname: 'Mary Ann',
  open: true,
  servedBy: { _id: 'agent-1', username: 'alice', ts: d('2021-01-01T00:00:01.000Z') },
  departmentId: 'dep-a',
  departmentAncestors: ['unit-1'],
  tags: ['vip'],
  livechatData: { crm: 'ACME-42', plan: ['gold', 'x'] },
};
/** Closed (no `open`), served by agent-2, dep-b in unit-2. */
export const L2: Room = {
  ...base('l2', '2021-02-01T00:00:00.000Z'),
  fname: 'mary annette',
  closedAt: d('2021-02-02T00:00:00.000Z'),
  servedBy: { _id: 'agent-2', username: 'bob', ts: d('2021-02-01T00:00:01.000Z') },
  departmentId: 'dep-b',
  departmentAncestors: ['unit-2'],
  tags: ['billing'],
  livechatData: { crm: 'other' },
};
/** Queued: open, no servedBy; same ts as L1 (tie broken by _id). */
export const L3: Room = {
  ...base('l3', '2021-01-01T00:00:00.000Z'),
  fname: 'Café (x)',
  open: true,
  departmentId: 'dep-a',
  departmentAncestors: ['unit-1'],
};
/** On hold: open and served, dep-c (no unit). */
export const L4: Room = {
  ...base('l4', '2021-03-01T00:00:00.000Z'),
  fname: 'Bob',
  open: true,
  onHold: true,
  departmentId: 'dep-c',
  servedBy: { _id: 'agent-1', username: 'alice', ts: d('2021-03-01T00:00:01.000Z') },
};
/** No department; servedBy.username is agent-1's *id*; livechatData.crm is a number. */
export const L5: Room = {
  ...base('l5', '2020-06-01T00:00:00.000Z'),
  fname: 'x.y',
  open: true,
  livechatData: { crm: 5 },
  servedBy: { _id: 'agent-3', username: 'agent-1', ts: d('2020-06-01T00:00:01.000Z') },
};
/** Closed, unknown department, no fname. */
export const L6: Room = {
  ...base('l6', '2020-01-01T00:00:00.000Z'),
  closedAt: d('2020-01-02T00:00:00.000Z'),
  departmentId: 'dep-unknown',
  servedBy: { _id: 'agent-2', username: 'bob', ts: d('2020-01-01T00:00:01.000Z') },
  livechatData: { crm: 'acme-7' },
};
/** A voip room: never returned. */
export const V1: Room = { ...L1, _id: 'v1', t: 'v' };

export const LIVECHAT_ROOMS: ReadonlyArray<Room> = [L1, L2, L3, L4, L5, L6, V1];

export const ENTERPRISE: Omnichannel = {
  departments: [
    { _id: 'dep-a', name: 'Sales', ancestors: ['unit-1'] },
    { _id: 'dep-b', name: 'Support', ancestors: ['unit-2'] },
    { _id: 'dep-c', name: 'Billing' },
  ],
  units: [
    { _id: 'unit-1', name: 'North' },
    { _id: 'unit-2', name: 'South' },
  ],
  unitMonitors: [{ monitorId: 'mon-1', unitId: 'unit-1' }],
  departmentAgents: [
    { agentId: 'mon-2', departmentId: 'dep-b' },
    { agentId: 'agent-1', departmentId: 'dep-a' },
  ],
};
/** The same departments without units: Community Edition. */
export const COMMUNITY: Omnichannel = { departments: ENTERPRISE.departments ?? [] };

export const ADMIN: Principal = { _id: 'admin-1', username: 'admin', roles: ['admin'] };
export const MANAGER: Principal = { _id: 'mgr-1', username: 'mgr', roles: ['livechat-manager'] };
export const MONITOR1: Principal = { _id: 'mon-1', username: 'mon1', roles: ['livechat-monitor'] };
/** Agent of dep-b, monitors no unit. */
export const MONITOR2: Principal = { _id: 'mon-2', username: 'mon2', roles: ['livechat-monitor', 'livechat-agent'] };
export const MONITOR_ADMIN: Principal = { _id: 'mon-1', username: 'mon1', roles: ['livechat-monitor', 'admin'] };
export const AGENT1: Principal = { _id: 'agent-1', username: 'alice', roles: ['livechat-agent'] };
export const USER: Principal = { _id: 'u-1', username: 'user', roles: ['user'] };
