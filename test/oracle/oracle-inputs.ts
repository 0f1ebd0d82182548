// Generated inputs for the oracle properties: a mode, rooms, a principal, params and options,
// with principals biased so that a good share of requests pass the 403 and return rooms.

import fc from 'fast-check';
import type { Principal } from '../../src/auth/principal.js';
import type { Room } from '../../src/model/room.js';
import {
  arbAnyParams,
  arbOptions,
  arbPrincipal,
  arbRooms,
  arbValidParams,
  paramsForAgent,
  type Mode,
  type OracleOptions,
  type Params,
} from '../arbitraries/index.js';

export interface OracleCase {
  mode: Mode;
  rooms: Room[];
  principal: Principal;
  params: Params;
  options: OracleOptions;
  /** When true the engine is called without options (its defaults must be default mode's). */
  omitOptions: boolean;
}

const arbMode: fc.Arbitrary<Mode> = fc.constantFrom('default', 'rocketchat');

const arbStaff: fc.Arbitrary<Principal> = fc.record(
  {
    _id: fc.constantFrom('admin-1', 'agent-1'),
    username: fc.constant('staff'),
    roles: fc.constantFrom(['admin'], ['livechat-manager'], ['livechat-monitor']),
  },
  { noNullPrototype: true },
);

/** Valid params: staff with any filter, or any principal with agent-scoped or plain params. */
export const arbValidCase: fc.Arbitrary<OracleCase> = fc
  .tuple(arbMode, fc.oneof(arbStaff, arbPrincipal), fc.boolean())
  .chain(([mode, principal, omit]) =>
    fc.record(
      {
        mode: fc.constant(mode),
        rooms: arbRooms(),
        principal: fc.constant(principal),
        params: fc.oneof(arbValidParams(mode), paramsForAgent(principal, mode)),
        options: arbOptions(mode),
        omitOptions: fc.constant(omit && mode === 'default'),
      },
      { noNullPrototype: true },
    ),
  );

/** Arbitrary (mostly invalid) params. */
export const arbAnyCase: fc.Arbitrary<OracleCase> = fc.tuple(arbMode, fc.oneof(arbStaff, arbPrincipal)).chain(([mode, principal]) =>
  fc.record(
    {
      mode: fc.constant(mode),
      rooms: arbRooms(),
      principal: fc.constant(principal),
      params: fc.oneof(
        arbAnyParams(mode),
        paramsForAgent(principal, mode).chain((p) => arbAnyParams(mode).map((q) => ({ ...p, ...q }))),
      ),
      options: arbOptions(mode),
      omitOptions: fc.constant(false),
    },
    { noNullPrototype: true },
  ),
);
