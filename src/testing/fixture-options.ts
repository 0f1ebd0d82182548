// The options of `startFixtureServer`, checked before anything starts: outside data in, typed data or
// one readable message out (io-ts for the shapes, validateRoom for the rooms).

import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as t from 'io-ts';
import { agentsOf, generateLivechatRooms, generateOmnichannel, generateRooms, generateUsers } from '../fixtures/index.js';
import type { Room } from '../model/room.js';
import { admitRooms } from '../model/validate-room.js';
import { OmnichannelCodec } from '../model/omnichannel.js';
import type { Mode, Omnichannel, PagingSettings, PermissionTable, QueryOptions, RequestLimits } from '../options.js';

/** A user the fixture server accepts: a plain token is required, it is what a test sends. */
export interface FixtureUserSpec {
  readonly _id: string;
  readonly username: string;
  readonly roles: ReadonlyArray<string>;
  readonly token: string;
}

/** queryRooms' options (`mode`, `permissions`, `paging`, `limits`) plus the server's. */
export interface FixtureServerOptions extends QueryOptions {
  /** How many rooms to generate (default 100), or the rooms to serve (any room type; call rooms checked as such, with ISO or EJSON dates). */
  readonly rooms?: number | ReadonlyArray<unknown>;
  /** Seed of the generated rooms and demo users (default 42). */
  readonly seed?: number;
  /**
   * Livechat rooms (GET /api/v1/livechat/rooms) generated beside the call rooms, over the demo departments
   * and units (default 0). The rooms given in `rooms` may be of any type too.
   */
  readonly livechatRooms?: number;
  /** Departments, units and monitors (default: the demo ones of the seed; Enterprise Edition). */
  readonly omnichannel?: Omnichannel;
  /** The users instead of the demo users (admin, manager, agent.alice, agent.bob, user.carol, monitor). */
  readonly users?: ReadonlyArray<FixtureUserSpec>;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default 0: a free ephemeral port. */
  readonly port?: number;
}

export interface ResolvedOptions {
  readonly rooms: ReadonlyArray<Room>;
  readonly omnichannel: Omnichannel;
  readonly users: ReadonlyArray<FixtureUserSpec>;
  readonly seed: number;
  readonly mode: Mode;
  readonly permissions?: PermissionTable;
  readonly paging?: Partial<PagingSettings>;
  readonly limits?: Partial<RequestLimits>;
  readonly host: string;
  readonly port: number;
}

const MAX_FIXTURE_ROOMS = 2_000_000;
const nonEmpty = t.refinement(t.string, (s) => s !== '', 'non-empty string');
const UserSpec = t.type({ _id: nonEmpty, username: nonEmpty, roles: t.array(t.string), token: nonEmpty });

const Shape = t.partial({
  rooms: t.union([t.number, t.array(t.unknown)]),
  livechatRooms: t.number,
  omnichannel: t.unknown,
  seed: t.number,
  users: t.array(UserSpec),
  mode: t.keyof({ default: null, rocketchat: null }),
  permissions: t.record(t.string, t.array(t.string)),
  paging: t.partial({ defaultCount: t.number, maxCount: t.number, allowInfiniteCount: t.boolean }),
  limits: t.partial({ maxParameters: t.number, maxListLength: t.number, maxParamLength: t.number }),
  host: nonEmpty,
  port: t.number,
});

const firstError = (errors: t.Errors): string => {
  const e = errors[0];
  const path =
    e?.context
      .map((c) => c.key)
      .filter((k) => k !== '')
      .join('.') ?? '';
  return `startFixtureServer: option ${path || '(options)'} must be ${e?.context.at(-1)?.type.name ?? 'valid'}, got ${JSON.stringify(e?.value) ?? 'undefined'}`;
};

const check = (ok: boolean, message: string): E.Either<string, void> =>
  ok ? E.right(undefined) : E.left(`startFixtureServer: ${message}`);

const resolveRooms = (rooms: number | ReadonlyArray<unknown> | undefined, seed: number): E.Either<string, ReadonlyArray<Room>> => {
  if (rooms === undefined || typeof rooms === 'number') {
    const count = rooms ?? 100;
    return pipe(
      check(
        Number.isSafeInteger(count) && count >= 0 && count <= MAX_FIXTURE_ROOMS,
        `rooms must be an integer from 0 to ${MAX_FIXTURE_ROOMS}, got ${count}`,
      ),
      E.map(() => generateRooms({ count, seed })),
    );
  }
  return E.mapLeft((errors: ReadonlyArray<string>) => `startFixtureServer: invalid rooms: ${errors.slice(0, 3).join('; ')}`)(
    admitRooms(rooms),
  );
};

const uniqueIds = (users: ReadonlyArray<FixtureUserSpec>): E.Either<string, void> => {
  const seen = new Set<string>();
  const dup = users.find((u) => (seen.has(u._id) ? true : (seen.add(u._id), false)));
  return check(dup === undefined, `users: duplicate _id ${JSON.stringify(dup?._id)}`);
};

/** Checks `input` (anything) and fills the defaults. */
export const resolveFixtureOptions = (input: unknown): E.Either<string, ResolvedOptions> =>
  pipe(
    Shape.decode(input ?? {}),
    E.mapLeft(firstError),
    E.chainFirst((o) => check(o.seed === undefined || Number.isSafeInteger(o.seed), `seed must be a safe integer, got ${o.seed}`)),
    E.chainFirst((o) =>
      check(
        o.port === undefined || (Number.isInteger(o.port) && o.port >= 0 && o.port <= 65_535),
        `port must be an integer from 0 to 65535, got ${o.port}`,
      ),
    ),
    E.chainFirst((o) => (o.users === undefined ? E.right(undefined) : uniqueIds(o.users))),
    E.chainFirst((o) =>
      check(
        o.livechatRooms === undefined ||
          (Number.isSafeInteger(o.livechatRooms) && o.livechatRooms >= 0 && o.livechatRooms <= MAX_FIXTURE_ROOMS),
        `livechatRooms must be an integer from 0 to ${MAX_FIXTURE_ROOMS}, got ${o.livechatRooms}`,
      ),
    ),
    E.bindTo('o'),
    E.bind('omnichannel', ({ o }) =>
      o.omnichannel === undefined
        ? E.right(undefined)
        : E.mapLeft(() => 'startFixtureServer: option omnichannel must be { departments, units, unitMonitors, departmentAgents }')(
            OmnichannelCodec.decode(o.omnichannel),
          ),
    ),
    E.chain(({ o, omnichannel }) => {
      const seed = o.seed ?? 42;
      const demoUsers = generateUsers({ seed });
      const demo = generateOmnichannel({ seed, agents: agentsOf(demoUsers) });
      const directory = omnichannel ?? demo.omnichannel;
      const livechat =
        o.livechatRooms === undefined || o.livechatRooms === 0
          ? []
          : generateLivechatRooms({ count: o.livechatRooms, seed, departments: directory.departments ?? [] });
      return E.map((rooms: ReadonlyArray<Room>): ResolvedOptions => ({
        rooms: livechat.length === 0 ? rooms : [...rooms, ...livechat],
        omnichannel: directory,
        users: o.users ?? [...demoUsers, demo.monitor],
        seed,
        mode: o.mode ?? 'default',
        ...(o.permissions === undefined ? {} : { permissions: o.permissions }),
        ...(o.paging === undefined ? {} : { paging: o.paging }),
        ...(o.limits === undefined ? {} : { limits: o.limits }),
        host: o.host ?? '127.0.0.1',
        port: o.port ?? 0,
      }))(resolveRooms(o.rooms, seed));
    }),
  );
