// Checks of the arbitraries themselves: valid params really pass validation (per the reference),
// agent params really pass the 403, odd rooms respect the shape limits, and filters do match often.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceQueryRooms } from '../reference/reference-query-rooms.js';
import { arbOddRoom, arbPrincipal, arbRooms, arbValidParams, paramsForAgent, type Mode } from './index.js';

const MODES: Mode[] = ['default', 'rocketchat'];

function hasNestedArray(value: unknown, insideArray: boolean, underPerson: boolean): boolean {
  if (Array.isArray(value)) {
    if (insideArray) return true;
    for (const v of value) {
      if (underPerson && v !== null && typeof v === 'object' && !(v instanceof Date)) return true;
      if (hasNestedArray(v, true, underPerson)) return true;
    }
    return false;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const v of Object.values(value)) if (hasNestedArray(v, false, underPerson)) return true;
  }
  return false;
}

describe('arbitraries', () => {
  it.each(MODES)('arbValidParams(%s) never fails validation', (mode) => {
    fc.assert(
      fc.property(arbRooms(), arbValidParams(mode), arbPrincipal, (rooms, params, principal) => {
        const result = referenceQueryRooms(rooms, params, principal, { mode });
        expect(result.ok || result.status === 403).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it.each(MODES)('paramsForAgent(%s) passes the permission check for an agent', (mode) => {
    const agent = arbPrincipal.map((p) => ({ ...p, roles: ['livechat-agent'] }));
    fc.assert(
      fc.property(
        arbRooms(),
        agent.chain((p) => fc.tuple(fc.constant(p), paramsForAgent(p, mode))),
        (rooms, [principal, params]) => {
          expect(referenceQueryRooms(rooms, params, principal, { mode }).ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rooms have unique ids; odd rooms hold no arrays of arrays and no arrays of objects under servedBy/v', () => {
    fc.assert(fc.property(arbRooms(), (rooms) => new Set(rooms.map((r) => r['_id'])).size === rooms.length));
    fc.assert(
      fc.property(arbOddRoom, (room) => {
        for (const [key, value] of Object.entries(room)) {
          if (hasNestedArray(value, false, key === 'servedBy' || key === 'v')) return false;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('valid admin requests usually match something', () => {
    const admin = { _id: 'admin-1', username: 'admin', roles: ['admin'] };
    for (const mode of MODES) {
      const samples = fc.sample(fc.tuple(arbRooms(), arbValidParams(mode)), { numRuns: 400, seed: 42 });
      let nonEmpty = 0;
      for (const [rooms, params] of samples) {
        const result = referenceQueryRooms(rooms, params, admin, { mode });
        if (result.ok && result.page.total > 0) nonEmpty++;
      }
      expect(nonEmpty / samples.length).toBeGreaterThan(0.2);
    }
  });
});
