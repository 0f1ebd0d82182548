// Principal and options arbitraries: every role mix the permission table distinguishes, with ids from
// the same agent pool as `servedBy`, plus the options (mode, paging, permission table) a query runs with.

import fc from 'fast-check';
import type { Principal } from '../../src/auth/principal.js';
import { AGENT_IDS, USERNAMES } from './pools.js';

export const ROLE_SETS: ReadonlyArray<ReadonlyArray<string>> = [
  ['admin'],
  ['livechat-manager'],
  ['livechat-monitor'],
  ['livechat-agent'],
  ['user'],
  [],
  ['user', 'livechat-agent'],
  ['livechat-agent', 'livechat-monitor'],
  ['bot', 'guest'],
];

export const arbPrincipal: fc.Arbitrary<Principal> = fc.record(
  {
    _id: fc.constantFrom<string>(...AGENT_IDS, 'nobody'),
    username: fc.constantFrom<string>(...USERNAMES),
    roles: fc.constantFrom(...ROLE_SETS).map((roles) => [...roles]),
  },
  { noNullPrototype: true },
);

/** Principals that lack `view-livechat-rooms` under the default permission table. */
export const arbLimitedPrincipal: fc.Arbitrary<Principal> = arbPrincipal.filter(
  (p) => !p.roles.includes('admin') && !p.roles.includes('livechat-manager') && !p.roles.includes('livechat-monitor'),
);

export type Mode = 'default' | 'rocketchat';

export interface OracleOptions {
  mode: Mode;
  paging?: Partial<{ defaultCount: number; maxCount: number; allowInfiniteCount: boolean }>;
  permissions?: Record<string, readonly string[]>;
}

/** Full permission tables (both permissions always listed, so "replace vs merge" never matters). */
const PERMISSION_TABLES: ReadonlyArray<Record<string, readonly string[]>> = [
  {
    'view-livechat-rooms': ['admin', 'livechat-manager', 'livechat-monitor'],
    'view-l-room': ['admin', 'livechat-manager', 'livechat-monitor', 'livechat-agent'],
  },
  { 'view-livechat-rooms': ['admin'], 'view-l-room': ['livechat-agent', 'user'] },
  { 'view-livechat-rooms': [], 'view-l-room': [] },
];

/** Paging settings, full or partial, always with defaultCount <= maxCount (the doc leaves the other case open). */
const arbPaging: fc.Arbitrary<NonNullable<OracleOptions['paging']>> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.boolean())
    .map(([d, extra, allow]) => ({ defaultCount: d, maxCount: d + extra, allowInfiniteCount: allow })),
  fc.boolean().map((allow) => ({ allowInfiniteCount: allow })),
  fc.integer({ min: 50, max: 120 }).map((max) => ({ maxCount: max })),
  fc.integer({ min: 1, max: 100 }).map((d) => ({ defaultCount: d })),
);

export const arbOptions = (mode: Mode): fc.Arbitrary<OracleOptions> =>
  fc
    .record(
      {
        paging: fc.option(arbPaging, { nil: undefined }),
        permissions: fc.option(fc.constantFrom(...PERMISSION_TABLES), { nil: undefined }),
      },
      { noNullPrototype: true },
    )
    .map((o) => {
      const out: OracleOptions = { mode };
      if (o.paging !== undefined) out.paging = o.paging;
      if (o.permissions !== undefined) out.permissions = o.permissions;
      return out;
    });
