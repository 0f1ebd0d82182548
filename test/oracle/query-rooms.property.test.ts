// Oracle properties: the engine's queryRooms answers exactly like the reference on generated rooms,
// principals, params and options; plus the authorization invariant, the paging walk and ajv agreement.
// Replay with ORACLE_SEED (and ORACLE_PATH); lengthen with ORACLE_RUNS.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/principal.js';
import { queryRooms } from '../../src/index.js';
import type { Room } from '../../src/model/room.js';
import {
  arbAnyParams,
  arbLimitedPrincipal,
  arbPrincipal,
  arbRooms,
  arbValidParams,
  paramsForAgent,
  type Mode,
  type Params,
} from '../arbitraries/index.js';
import { referenceQueryRooms } from '../reference/reference-query-rooms.js';
import { upstreamAjvVerdict } from '../support/ajv-upstream.js';
import { oracleConfig } from '../support/oracle-config.js';
import { arbAnyCase, arbValidCase, type OracleCase } from './oracle-inputs.js';
import { hitsKnownDisagreement } from './known-disagreements.js';
import { expectSameAnswer, fromEngine, fromReference } from './same-answer.js';

function runBoth(c: OracleCase): void {
  fc.pre(!hitsKnownDisagreement(c));
  const engine = c.omitOptions ? queryRooms(c.rooms, c.params, c.principal) : queryRooms(c.rooms, c.params, c.principal, c.options);
  const reference = referenceQueryRooms(c.rooms, c.params, c.principal, c.omitOptions ? { mode: 'default' } : c.options);
  expectSameAnswer(fromEngine(engine), fromReference(reference));
}

describe('queryRooms ≡ reference', () => {
  it('(a) valid params × rooms (odd ones included) × principals × both modes', () => {
    fc.assert(fc.property(arbValidCase, runBoth), oracleConfig());
  });

  it('(b) arbitrary params: same error (status + body) or same page', () => {
    fc.assert(fc.property(arbAnyCase, runBoth), oracleConfig());
  });
});

const arbMode: fc.Arbitrary<Mode> = fc.constantFrom('default', 'rocketchat');

describe('queryRooms invariants', () => {
  it('(c) a caller without view-livechat-rooms only ever gets rooms it served', () => {
    const arbCase = fc
      .tuple(arbMode, arbLimitedPrincipal)
      .chain(([mode, principal]) =>
        fc.tuple(
          fc.constant(mode),
          fc.constant(principal),
          arbRooms(),
          fc.oneof(paramsForAgent(principal, mode), arbValidParams(mode), arbAnyParams(mode)),
        ),
      );
    fc.assert(
      fc.property(arbCase, ([mode, principal, rooms, params]) => {
        const withoutFields: Params = { ...params };
        delete withoutFields['fields']; // keep servedBy in the answer so it can be checked
        const result = queryRooms(rooms, withoutFields, principal, { mode });
        if (result._tag === 'Left') return;
        for (const room of result.right.rooms) {
          const servedBy = room['servedBy'] as { _id?: unknown } | undefined;
          expect(servedBy?._id, JSON.stringify(room)).toBe(principal._id);
        }
      }),
      oracleConfig(),
    );
  });

  it('(d) default mode: walking offset=0,k,2k… returns every match once, in the order of one big page', () => {
    const admin: Principal = { _id: 'agent-1', username: 'alice', roles: ['admin'] };
    const arbCase = fc.tuple(
      arbRooms(16),
      fc.oneof(arbValidParams('default'), paramsForAgent({ ...admin, roles: ['livechat-agent'] })),
      fc.integer({ min: 1, max: 5 }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(arbCase, ([rooms, params, k, asAgent]) => {
        const principal: Principal = asAgent ? { ...admin, roles: ['livechat-agent'] } : admin;
        const base: Params = { ...params };
        delete base['offset'];
        delete base['count'];
        const options = { mode: 'default' as const, paging: { allowInfiniteCount: true, maxCount: 1000 } };
        const all = queryRooms(rooms, { ...base, count: '0' }, principal, options);
        if (all._tag === 'Left') return;
        const walked: Room[] = [];
        for (let offset = 0; offset <= all.right.total; offset += k) {
          const page = queryRooms(rooms, { ...base, offset: String(offset), count: String(k) }, principal, options);
          expect(page._tag).toBe('Right');
          if (page._tag === 'Left') return;
          expect(page.right.total).toBe(all.right.total);
          expect(page.right.offset).toBe(offset);
          walked.push(...page.right.rooms);
        }
        expect(walked).toEqual(all.right.rooms);
        expect(all.right.rooms.length).toBe(all.right.total);
      }),
      oracleConfig(),
    );
  });
});

/** Every object reachable from `value` (plain objects, arrays, Dates). */
function collectObjects(value: unknown, into: Set<object>): Set<object> {
  if (value === null || typeof value !== 'object' || into.has(value)) return into;
  into.add(value);
  if (!(value instanceof Date)) for (const v of Object.values(value)) collectObjects(v, into);
  return into;
}

describe('queryRooms output ownership', () => {
  it('(f) returned rooms are deep-frozen copies sharing no object with the input', () => {
    fc.assert(
      fc.property(arbValidCase, (c) => {
        const result = queryRooms(c.rooms, c.params, c.principal, c.options);
        if (result._tag === 'Left') return;
        const input = collectObjects(c.rooms, new Set());
        for (const room of result.right.rooms) {
          for (const o of collectObjects(room, new Set())) {
            expect(input.has(o), JSON.stringify(room)).toBe(false);
            if (!(o instanceof Date)) expect(Object.isFrozen(o), JSON.stringify(room)).toBe(true);
          }
        }
      }),
      oracleConfig(),
    );
  });
});

/** Upstream reads the coerced offset with parseInt; only a negative result is our extra 400. */
function negativeOffsetAfterParseInt(coerced: Record<string, unknown>): boolean {
  const offset = coerced['offset'];
  if (typeof offset !== 'number') return false;
  return parseInt(String(offset), 10) < 0;
}

describe('queryRooms vs upstream ajv', () => {
  it("(e) rocketchat mode: invalid-params exactly when ajv rejects, with ajv's first message", () => {
    fc.assert(
      fc.property(arbAnyParams('rocketchat'), arbPrincipal, arbRooms(4), (params, principal, rooms) => {
        fc.pre(!hitsKnownDisagreement({ mode: 'rocketchat', params }));
        const verdict = upstreamAjvVerdict(params);
        const result = queryRooms(rooms, params, principal, { mode: 'rocketchat' });
        const invalidParams = result._tag === 'Left' && result.left.code === 'invalid-params';
        const label = `params=${JSON.stringify(params)} ajv=${JSON.stringify(verdict)} engine=${JSON.stringify(result)}`;
        if (!verdict.ok) {
          expect(result._tag === 'Left' ? result.left.body : result, label).toEqual({
            success: false,
            error: `${verdict.message} [invalid-params]`,
            errorType: 'invalid-params',
          });
          return;
        }
        if (invalidParams && result._tag === 'Left') {
          // The one documented addition: a negative offset (after parseInt) is a clean 400.
          expect(negativeOffsetAfterParseInt(verdict.coerced), label).toBe(true);
          expect(result.left.body, label).toEqual({ success: false, error: 'must be >= 0 [invalid-params]', errorType: 'invalid-params' });
        }
      }),
      oracleConfig(),
    );
  });
});
