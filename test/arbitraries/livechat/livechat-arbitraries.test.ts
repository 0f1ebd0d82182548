// Checks of the livechat arbitraries themselves (per the reference): valid params pass every 400, agent params
// pass the 403, rooms have unique ids, filters match often, and malformed params reach every error stage.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceLivechatRooms } from '../../reference/livechat/reference-livechat-rooms.js';
import type { Mode } from '../arb-principal.js';
import {
  arbAgentPrincipal,
  arbAnyLivechatParams,
  arbLivechatOptions,
  arbLivechatPrincipal,
  arbLivechatRooms,
  arbValidLivechatParams,
  livechatParamsForAgent,
} from './index.js';

const MODES: Mode[] = ['default', 'rocketchat'];
const ADMIN = { _id: 'admin-1', username: 'admin', roles: ['admin'] };

describe('livechat arbitraries', () => {
  it.each(MODES)('arbValidLivechatParams(%s) never gets a 400', (mode) => {
    fc.assert(
      fc.property(
        arbLivechatRooms(),
        arbValidLivechatParams(mode),
        arbLivechatPrincipal,
        arbLivechatOptions(mode),
        (rooms, params, principal, options) => {
          const result = referenceLivechatRooms(rooms, params, principal, options);
          expect(result.ok || result.status === 403).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each(MODES)('livechatParamsForAgent(%s) passes the permission check for an agent', (mode) => {
    const pair = arbAgentPrincipal.chain((p) => fc.tuple(fc.constant(p), livechatParamsForAgent(p, mode)));
    fc.assert(
      fc.property(arbLivechatRooms(), pair, arbLivechatOptions(mode), (rooms, [principal, params], options) => {
        expect(referenceLivechatRooms(rooms, params, principal, options).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('rooms have unique ids', () => {
    fc.assert(fc.property(arbLivechatRooms(), (rooms) => new Set(rooms.map((r) => r['_id'])).size === rooms.length));
  });

  it.each(MODES)('valid admin requests (%s) usually match something', (mode) => {
    const samples = fc.sample(fc.tuple(arbLivechatRooms(), arbValidLivechatParams(mode)), { numRuns: 400, seed: 42 });
    let nonEmpty = 0;
    for (const [rooms, params] of samples) {
      const result = referenceLivechatRooms(rooms, params, ADMIN, { mode });
      if (result.ok && result.page.total > 0) nonEmpty++;
    }
    expect(nonEmpty / samples.length).toBeGreaterThan(0.15);
  });

  it.each(MODES)('arbAnyLivechatParams(%s) reaches every stage', (mode) => {
    const samples = fc.sample(arbAnyLivechatParams(mode), { numRuns: 3000, seed: 7 });
    const kinds = new Set<string>();
    for (const params of samples) {
      const result = referenceLivechatRooms([], params, ADMIN, { mode });
      if (result.ok) {
        kinds.add('ok');
        continue;
      }
      const body = result.body as { error: string; errorType?: string };
      if (body.errorType !== undefined) kinds.add(body.errorType);
      else if (body.error.startsWith('Invalid regular expression')) kinds.add('regex');
      else if (body.error.includes('customFields')) kinds.add('customFields');
      else if (body.error.includes('valid date')) kinds.add('date');
      else kinds.add('json');
    }
    const expected = [
      'ok',
      'invalid-params',
      'error-invalid-sort',
      'error-invalid-fields',
      'date',
      'json',
      'customFields',
      'regex',
      'error-invalid-regex',
    ];
    if (mode === 'rocketchat') expected.push('error-invalid-query');
    for (const kind of expected) expect([...kinds]).toContain(kind);
  });
});
