// The reference's selection ≡ the spec's MongoDB query run by mingo, on valid livechat rooms (no odd documents:
// mingo's path and invalid-Date quirks are not the question here) and customFields patterns on which V8 and re2 agree.

import fc from 'fast-check';
import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/auth/principal.js';
import {
  arbAgentPrincipal,
  arbEnterpriseOmnichannel,
  arbLivechatPrincipal,
  arbLivechatRoom,
  arbMonitorPrincipal,
  arbOmnichannel,
  arbValidLivechatParams,
  type LivechatParams,
} from '../../arbitraries/livechat/index.js';
import type { Mode } from '../../arbitraries/arb-principal.js';
import { oracleConfig } from '../../support/oracle-config.js';
import { referenceLivechatSchema } from './livechat-schema.js';
import { livechatSpecQuery } from './livechat-spec-query.js';
import { referenceLivechatRooms } from './reference-livechat-rooms.js';

/** Patterns that V8 and re2 read alike on the pool values (no folding-sensitive letters or classes, nothing catastrophic). */
const AGREED = ['acme', 'ACME', '^acme-\\d+$', 'gold|x', '^$', '', 'a{2,}', '\\.', '\\(1\\)', '[a-c]+', '(?:ac)me', '\\x41', 'line'];
const arbAgreedCustomFields = fc
  .dictionary(
    fc.constantFrom('crm', 'plan', 'phone', 'nested', 'nested.a'),
    fc.oneof(fc.constantFrom<unknown>(...AGREED), fc.constantFrom<unknown>(42, true)),
    { maxKeys: 2, noNullPrototype: true },
  )
  .map((o) => JSON.stringify(o));

const arbRooms = fc.uniqueArray(arbLivechatRoom, { maxLength: 12, selector: (r) => r['_id'] });

const arbCase = (mode: Mode) =>
  fc.tuple(
    arbRooms,
    fc.tuple(arbValidLivechatParams(mode), fc.option(arbAgreedCustomFields, { nil: undefined })).map(([p, cf]): LivechatParams => {
      // fields dropped: a projection never changes the selection, and `{"_id":0}` would hide the ids compared.
      const { customFields: _drop, fields: _fields, ...rest } = p;
      return cf === undefined ? rest : { ...rest, customFields: cf };
    }),
    fc.oneof(arbLivechatPrincipal, arbMonitorPrincipal, arbAgentPrincipal),
    fc.option(fc.oneof(arbOmnichannel, arbEnterpriseOmnichannel), { nil: undefined }),
  );

function agentScope(principal: Principal, params: LivechatParams, mode: Mode): string | null {
  const roles = principal.roles;
  if (roles.includes('admin') || roles.includes('livechat-manager') || roles.includes('livechat-monitor')) return null;
  const agents = params['agents'];
  const list = typeof agents === 'string' && mode === 'default' ? [agents] : agents;
  return Array.isArray(list) && list.length === 1 && list[0] === principal._id ? principal._id : null;
}

describe('livechat reference ≡ spec query on mingo', () => {
  it.each<Mode>(['default', 'rocketchat'])('same rooms selected (%s)', (mode) => {
    let compared = 0;
    fc.assert(
      fc.property(arbCase(mode), ([rooms, params, principal, omnichannel]) => {
        const options = { mode, paging: { allowInfiniteCount: true }, ...(omnichannel ? { omnichannel } : {}) };
        const ours = referenceLivechatRooms(rooms, { ...params, count: '0', offset: '0' }, principal, options);
        if (!ours.ok) return; // 403s: nothing to compare
        const schema = referenceLivechatSchema(params, mode);
        if (!schema.ok) throw new Error('valid params failed the schema');
        const query = livechatSpecQuery(schema.values, mode, principal, agentScope(principal, params, mode), omnichannel);
        const theirs = new Query(query as never)
          .find(rooms as never)
          .all()
          .map((r) => (r as Record<string, unknown>)['_id']);
        expect(ours.page.rooms.map((r) => r['_id']).sort()).toEqual([...theirs].sort());
        expect(ours.page.total).toBe(theirs.length);
        compared++;
      }),
      oracleConfig(500),
    );
    expect(compared).toBeGreaterThan(100);
  });
});
