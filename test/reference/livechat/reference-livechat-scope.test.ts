// Scope examples (spec §3, contract): the Enterprise monitor scope with units and departments, the `units`
// parameter, Community Edition, customFields never dropping the scope, and department attachment (spec §5).

import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/auth/principal.js';
import { ADMIN, AGENT1, COMMUNITY, ENTERPRISE, LIVECHAT_ROOMS, MANAGER, MONITOR1, MONITOR2, MONITOR_ADMIN } from './livechat-fixtures.js';
import { referenceLivechatRooms, type LivechatReferenceOptions } from './reference-livechat-rooms.js';

type P = Record<string, unknown>;
const EE_D: LivechatReferenceOptions = { mode: 'default', omnichannel: ENTERPRISE };
const EE_RC: LivechatReferenceOptions = { mode: 'rocketchat', omnichannel: ENTERPRISE };
const CE_D: LivechatReferenceOptions = { mode: 'default', omnichannel: COMMUNITY };
const NONE: LivechatReferenceOptions = { mode: 'default' };
const ALL = ['l4', 'l2', 'l1', 'l3', 'l5', 'l6'];

const ids = (params: P, principal: Principal, options: LivechatReferenceOptions): unknown => {
  const result = referenceLivechatRooms(LIVECHAT_ROOMS, params, principal, options);
  return result.ok ? result.page.rooms.map((r) => r['_id']) : result;
};

const SCOPES: Array<[string, P, Principal, LivechatReferenceOptions, string[]]> = [
  ['EE monitor: rooms of its unit only (ancestors or department of the unit)', {}, MONITOR1, EE_D, ['l1', 'l3']],
  ['EE monitor, rocketchat mode: same scope', {}, MONITOR1, EE_RC, ['l1', 'l3']],
  ['EE monitor: no-department rooms hidden', { open: 'true' }, MONITOR1, EE_D, ['l1']],
  ['EE monitor: customFields never drops the scope (rocketchat)', { customFields: '{"crm":"."}' }, MONITOR1, EE_RC, ['l1']],
  ['EE monitor: customFields never drops the scope (default)', { customFields: '{"crm":"acme"}' }, MONITOR1, EE_D, ['l1']],
  ['EE monitor: departmentId outside the scope gives nothing', { departmentId: 'dep-b' }, MONITOR1, EE_D, []],
  ['EE monitor: units narrows (S ∩ units)', { units: ['unit-1'] }, MONITOR1, EE_D, ['l1', 'l3']],
  ['EE monitor: units outside S → no room', { units: ['unit-2'] }, MONITOR1, EE_D, []],
  ['EE monitor: lone units string (default)', { units: 'unit-2' }, MONITOR1, EE_D, []],
  ['EE monitor agent of dep-b only: 6.13 scope matches its departments through departmentAncestors only', {}, MONITOR2, EE_D, []],
  ['EE monitor who is also admin: unscoped', {}, MONITOR_ADMIN, EE_D, ALL],
  ['EE manager: unscoped', {}, MANAGER, EE_RC, ALL],
  ['EE unscoped caller with units: departmentAncestors ∈ units', { units: ['unit-2'] }, ADMIN, EE_D, ['l2']],
  ['EE unscoped caller with two units', { units: ['unit-2', 'unit-1'] }, MANAGER, EE_D, ['l2', 'l1', 'l3']],
  ['EE agent (not a monitor): own rooms, no unit scope', { agents: ['agent-1'] }, AGENT1, EE_D, ['l4', 'l1']],
  ['EE agent with units: departmentAncestors ∈ units too', { agents: ['agent-1'], units: ['unit-1'] }, AGENT1, EE_D, ['l1']],
  ['CE: monitor sees everything', {}, MONITOR1, CE_D, ALL],
  ['CE: units accepted and ignored', { units: ['unit-2'] }, MONITOR1, CE_D, ALL],
  ['no omnichannel data at all: Community Edition', { units: ['unit-2'] }, MONITOR1, NONE, ALL],
];

describe('livechat reference: scope', () => {
  it.each(SCOPES)('%s', (_name, params, principal, options, expected) => {
    expect(ids(params, principal, options)).toEqual(expected);
  });
});

describe('livechat reference: department attachment', () => {
  const page = (params: P, options: LivechatReferenceOptions): Array<Record<string, unknown>> => {
    const result = referenceLivechatRooms(LIVECHAT_ROOMS, params, ADMIN, options);
    if (!result.ok) throw new Error(JSON.stringify(result.body));
    return result.page.rooms as Array<Record<string, unknown>>;
  };
  const byId = (rooms: Array<Record<string, unknown>>, id: string) => rooms.find((r) => r['_id'] === id);

  it('a room whose departmentId names a known department gets { _id, name }', () => {
    const rooms = page({}, CE_D);
    expect(byId(rooms, 'l1')?.['department']).toEqual({ _id: 'dep-a', name: 'Sales' });
    expect(byId(rooms, 'l4')?.['department']).toEqual({ _id: 'dep-c', name: 'Billing' });
    expect(byId(rooms, 'l6')).not.toHaveProperty('department'); // unknown department
    expect(byId(rooms, 'l5')).not.toHaveProperty('department'); // no department
  });
  it('whole documents otherwise (v.token and livechatData included), copies not the stored objects', () => {
    const l1 = byId(page({}, CE_D), 'l1')!;
    expect((l1['v'] as Record<string, unknown>)['token']).toBe('tok-vis-l1');
    expect(l1['livechatData']).toEqual({ crm: 'ACME-42', plan: ['gold', 'x'] });
    expect(l1['v']).not.toBe(LIVECHAT_ROOMS[0]!['v']);
    expect(l1['ts']).toBeInstanceOf(Date);
  });
  it('without department data, no room gets a department', () => {
    expect(page({}, NONE).some((r) => 'department' in r)).toBe(false);
  });
  it('default mode: attached after the projection, only if departmentId is still there', () => {
    expect(page({ fields: '{"fname":1}', departmentId: 'dep-a' }, CE_D)).toEqual([
      { _id: 'l1', fname: 'Mary Ann' },
      { _id: 'l3', fname: 'Café (x)' },
    ]);
    expect(page({ fields: '{"departmentId":1,"_id":0}', departmentId: 'dep-a', count: '1' }, CE_D)).toEqual([
      { departmentId: 'dep-a', department: { _id: 'dep-a', name: 'Sales' } },
    ]);
    expect(page({ fields: '{"department":0,"departmentId":0}', count: '1', departmentId: 'dep-a' }, CE_D)[0]).not.toHaveProperty(
      'department',
    );
  });
  it('rocketchat mode ignores fields: whole documents plus department', () => {
    const [room] = page({ fields: '{"fname":1}', departmentId: 'dep-a', count: '1' }, { mode: 'rocketchat', omnichannel: COMMUNITY });
    expect(room).toEqual({ ...LIVECHAT_ROOMS[0], department: { _id: 'dep-a', name: 'Sales' } });
  });
});
