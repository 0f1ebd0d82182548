// Small hand-written rooms and principals for the reference's example tests: each room exists to
// exercise one rule (username match, ts tie, other room type, missing servedBy, metacharacters).

import type { Principal } from '../../src/auth/principal.js';
import type { Room } from '../../src/model/room.js';

const d = (iso: string): Date => new Date(iso);
const visitor = (id: string) => ({ _id: id, username: `guest-${id}`, token: 'tok', status: 'online' });

export const R1: Room = {
  _id: 'r1',
  t: 'v',
  name: 'Call (1)',
  ts: d('2021-01-01T00:00:00.000Z'),
  v: visitor('vis-1'),
  direction: 'inbound',
  queue: 'q1',
  callStarted: d('2021-01-01T00:00:00.000Z'),
  open: true,
  servedBy: { _id: 'agent-1', username: 'alice', ts: d('2021-01-01T00:00:01.000Z') },
  tags: ['vip'],
  joinCode: 'secret',
  members: ['x'],
  importIds: ['i'],
  e2e: { key: 'k' },
};
export const R2: Room = {
  _id: 'r2',
  t: 'v',
  name: 'Café',
  ts: d('2021-02-01T00:00:00.000Z'),
  v: visitor('vis-2'),
  direction: 'outbound',
  queue: 'q2',
  callStarted: d('2021-02-01T00:00:00.000Z'),
  closedAt: d('2021-02-02T00:00:00.000Z'),
  servedBy: { _id: 'agent-2', username: 'bob', ts: d('2021-02-01T00:00:01.000Z') },
  tags: ['billing'],
};
/** Same ts as R1 (tie); its servedBy.username is agent-1's *id*. */
export const R3: Room = {
  _id: 'r3',
  t: 'v',
  name: 'a.b*c',
  ts: d('2021-01-01T00:00:00.000Z'),
  v: visitor('vis-1'),
  direction: 'inbound',
  queue: 'q1',
  callStarted: d('2021-01-01T00:00:00.000Z'),
  open: true,
  servedBy: { _id: 'agent-3', username: 'agent-1', ts: d('2021-01-01T00:00:01.000Z') },
};
/** A livechat room: never returned. */
export const R4: Room = { ...R1, _id: 'r4', t: 'l' };
/** Closed, no servedBy, no tags, oldest. */
export const R5: Room = {
  _id: 'r5',
  t: 'v',
  name: 'x',
  ts: d('2020-06-01T00:00:00.000Z'),
  v: visitor('vis-3'),
  direction: 'inbound',
  queue: 'q2',
  callStarted: d('2020-06-01T00:00:00.000Z'),
  closedAt: d('2020-06-01T01:00:00.000Z'),
};

export const ROOMS: ReadonlyArray<Room> = [R1, R2, R3, R4, R5];

export const ADMIN: Principal = { _id: 'admin-1', username: 'admin', roles: ['admin'] };
export const MONITOR: Principal = { _id: 'mon-1', username: 'mon', roles: ['livechat-monitor'] };
export const AGENT1: Principal = { _id: 'agent-1', username: 'alice', roles: ['livechat-agent'] };
export const USER: Principal = { _id: 'u-1', username: 'user', roles: ['user'] };
export const NOBODY: Principal = { _id: 'n-1', username: 'n', roles: [] };

export const invalidParamsBody = (message: string) => ({
  success: false,
  error: `${message} [invalid-params]`,
  errorType: 'invalid-params',
});
export const invalidSortBody = (raw: string) => ({
  success: false,
  error: `Invalid sort parameter provided: "${raw}" [error-invalid-sort]`,
  errorType: 'error-invalid-sort',
});
export const invalidFieldsBody = (raw: string) => ({
  success: false,
  error: `Invalid fields parameter provided: "${raw}" [error-invalid-fields]`,
  errorType: 'error-invalid-fields',
});
export const invalidDateBody = (path: string) => ({ success: false, error: `The "${path}" query parameter must be a valid date.` });
export const invalidDateJsonBody = (param: string) => ({
  success: false,
  error: `The "${param}" query parameter must be a valid JSON object.`,
});
export const UNAUTHORIZED_BODY = { success: false, error: 'unauthorized' };
export const MISSING_PERMISSION_BODY = {
  success: false,
  error: 'User does not have the permissions required for this action [error-unauthorized]',
};
