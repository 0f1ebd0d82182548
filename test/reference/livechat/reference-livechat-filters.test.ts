// Worked examples of the livechat reference, one row per filter rule of spec §2 and the contract's choices
// (both modes), plus order, paging and the response shape.

import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/auth/principal.js';
import type { Room } from '../../../src/model/room.js';
import { ADMIN, AGENT1, COMMUNITY, LIVECHAT_ROOMS } from './livechat-fixtures.js';
import { referenceLivechatRooms, type LivechatReferenceOptions } from './reference-livechat-rooms.js';

type P = Record<string, unknown>;
const D: LivechatReferenceOptions = { mode: 'default', omnichannel: COMMUNITY };
const RC: LivechatReferenceOptions = { mode: 'rocketchat', omnichannel: COMMUNITY };
const ALL = ['l4', 'l2', 'l1', 'l3', 'l5', 'l6'];

function ids(rooms: ReadonlyArray<Room>, params: P, principal: Principal, options: LivechatReferenceOptions): unknown {
  const result = referenceLivechatRooms(rooms, params, principal, options);
  return result.ok ? result.page.rooms.map((r) => r['_id']) : result;
}

// [name, params, principal, options, ids in order]
const SELECTIONS: Array<[string, P, Principal, LivechatReferenceOptions, string[]]> = [
  ['no filter: only t=l, newest first, ties by _id', {}, ADMIN, D, ALL],
  ['rocketchat: no filter either (no implicit open)', {}, ADMIN, RC, ALL],
  ['sort={} is the default sort', { sort: '{}' }, ADMIN, RC, ALL],
  ['sort by fname, missing first', { sort: '{"fname":1}' }, ADMIN, D, ['l6', 'l4', 'l3', 'l1', 'l2', 'l5']],
  ['ties broken by _id in rocketchat mode too', { sort: '{"departmentId":1}' }, ADMIN, RC, ['l5', 'l1', 'l3', 'l2', 'l4', 'l6']],
  // agents
  ['rocketchat agents: servedBy._id or servedBy.username', { agents: ['agent-1'] }, ADMIN, RC, ['l4', 'l1', 'l5']],
  ['default agents: servedBy._id only', { agents: ['agent-1'] }, ADMIN, D, ['l4', 'l1']],
  ['rocketchat agents by username', { agents: ['alice'] }, ADMIN, RC, ['l4', 'l1']],
  ['default agents by username: nothing', { agents: ['alice'] }, ADMIN, D, []],
  ['default lone agents', { agents: 'agent-2' }, ADMIN, D, ['l2', 'l6']],
  ['empty agents list: $in [] (rocketchat)', { agents: [] }, ADMIN, RC, []],
  ['empty agents list: no filter (default)', { agents: [] }, ADMIN, D, ALL],
  ['agents= is absent in rocketchat mode', { agents: '' }, ADMIN, RC, ALL],
  // roomName
  ['roomName: case-insensitive fname substring', { roomName: 'MARY' }, ADMIN, RC, ['l2', 'l1']],
  ['roomName metacharacters are literal', { roomName: '(x)' }, ADMIN, D, ['l3']],
  ['roomName dot is literal', { roomName: 'x.y' }, ADMIN, RC, ['l5']],
  ['roomName star is literal', { roomName: 'x*y' }, ADMIN, D, []],
  ['roomName accents fold case', { roomName: 'CAFÉ' }, ADMIN, D, ['l3']],
  ['default: quoted roomName is exact fname', { roomName: '"Mary Ann"' }, ADMIN, D, ['l1']],
  ['default: quoted exact is case-sensitive', { roomName: '"mary ann"' }, ADMIN, D, []],
  ['rocketchat: quotes are literal', { roomName: '"Mary Ann"' }, ADMIN, RC, []],
  ['default: a lone quote is a substring search', { roomName: '"' }, ADMIN, D, []],
  ['empty roomName: no filter', { roomName: '' }, ADMIN, D, ALL],
  // departmentId
  ['departmentId equality', { departmentId: 'dep-a' }, ADMIN, RC, ['l1', 'l3']],
  ['departmentId=undefined: no filter', { departmentId: 'undefined' }, ADMIN, RC, ALL],
  ['departmentId empty: no filter', { departmentId: '' }, ADMIN, D, ALL],
  ['default: departmentId list', { departmentId: ['dep-a', 'dep-b'] }, ADMIN, D, ['l2', 'l1', 'l3']],
  ['default: "" and "undefined" dropped from a list', { departmentId: ['', 'dep-c', 'undefined'] }, ADMIN, D, ['l4']],
  ['default: all-dropped list is no filter', { departmentId: ['', 'undefined'] }, ADMIN, D, ALL],
  // open / onhold / queued
  ['open=true: open, served, not on hold', { open: 'true' }, ADMIN, RC, ['l1', 'l5']],
  ['open=false: not open, not on hold', { open: 'false' }, ADMIN, D, ['l2', 'l6']],
  ['open=other: no filter', { open: 'yes' }, ADMIN, RC, ALL],
  ['open=TRUE: no filter', { open: 'TRUE' }, ADMIN, D, ALL],
  ['onhold=true: on hold only', { onhold: 'true' }, ADMIN, RC, ['l4']],
  ['onhold=t', { onhold: 't' }, ADMIN, D, ['l4']],
  ['onhold=1', { onhold: '1' }, ADMIN, D, ['l4']],
  ['onhold=yes: no filter', { onhold: 'yes' }, ADMIN, D, ALL],
  ['open=true&onhold=true: onhold replaces the ≠true', { open: 'true', onhold: 'true' }, ADMIN, RC, ['l4']],
  ['open=false&onhold=1', { open: 'false', onhold: '1' }, ADMIN, RC, []],
  ['queued=true: open, unserved, not on hold', { queued: 'true' }, ADMIN, RC, ['l3']],
  ['queued overrides open=false', { queued: '1', open: 'false' }, ADMIN, D, ['l3']],
  ['queued overrides onhold', { queued: 't', onhold: 'true' }, ADMIN, D, ['l3']],
  ['queued=false: no filter', { queued: 'false' }, ADMIN, D, ALL],
  // dates
  [
    'createdAt inclusive',
    { createdAt: '{"start":"2021-01-01T00:00:00.000Z","end":"2021-02-01T00:00:00.000Z"}' },
    ADMIN,
    RC,
    ['l2', 'l1', 'l3'],
  ],
  ['createdAt start only', { createdAt: '{"start":"2021-01-01T00:00:00.001Z"}' }, ADMIN, D, ['l4', 'l2']],
  ['closedAt: rooms without closedAt never match', { closedAt: '{"end":"2030-01-01"}' }, ADMIN, D, ['l2', 'l6']],
  ['rocketchat: createdAt={} is ts:{} → nothing', { createdAt: '{}' }, ADMIN, RC, []],
  ['rocketchat: {"start":""} → nothing', { createdAt: '{"start":""}' }, ADMIN, RC, []],
  ['rocketchat: 5 → nothing', { closedAt: '5' }, ADMIN, RC, []],
  ['rocketchat: "x" → nothing', { createdAt: '"x"' }, ADMIN, RC, []],
  ['rocketchat: [] → nothing', { createdAt: '[]' }, ADMIN, RC, []],
  ['rocketchat: null → no filter', { createdAt: 'null' }, ADMIN, RC, ALL],
  ['rocketchat: 0 → no filter (falsy)', { createdAt: '0' }, ADMIN, RC, ALL],
  ['empty createdAt → no filter', { createdAt: '' }, ADMIN, RC, ALL],
  ['default: {} is no filter', { createdAt: '{}' }, ADMIN, D, ALL],
  ['default: {"start":""} / 5 / "x" / [] are no filter', { createdAt: '{"start":""}', closedAt: '[]' }, ADMIN, D, ALL],
  ['a number bound is epoch ms for the filter (Date.parse only checks it)', { createdAt: '{"end":5}' }, ADMIN, D, []],
  // tags
  ['tags $in', { tags: ['vip', 'billing'] }, ADMIN, RC, ['l2', 'l1']],
  ['default lone tag', { tags: 'vip' }, ADMIN, D, ['l1']],
  ['empty tags list: $in [] (rocketchat)', { tags: [] }, ADMIN, RC, []],
  // customFields
  ['customFields: case-insensitive unanchored regex', { customFields: '{"crm":"acme"}' }, ADMIN, RC, ['l1', 'l6']],
  ['customFields: regex metacharacters are live', { customFields: '{"crm":"^acme-\\\\d+$"}' }, ADMIN, D, ['l1', 'l6']],
  ['customFields: an array matches by any string element', { customFields: '{"plan":"GOLD"}' }, ADMIN, D, ['l1']],
  ['customFields: numbers never match', { customFields: '{"crm":"5"}' }, ADMIN, D, []],
  ['customFields: keys ANDed', { customFields: '{"crm":"acme","plan":"x"}' }, ADMIN, RC, ['l1']],
  ['customFields {} → no filter', { customFields: '{}' }, ADMIN, RC, ALL],
  ['customFields "" → no filter', { customFields: '' }, ADMIN, D, ALL],
  ['customFields: value is String(v)', { customFields: '{"crm":42}' }, ADMIN, D, ['l1']],
  ['customFields: catastrophic pattern runs linear', { customFields: '{"crm":"(a+)+$"}' }, ADMIN, D, []],
  ['customFields: dotted key', { customFields: '{"crm.x":"."}' }, ADMIN, D, []],
  // paging
  ['offset and count', { offset: '1', count: '2' }, ADMIN, D, ['l2', 'l1']],
  ['rocketchat count=0 is all', { count: '0' }, ADMIN, { ...RC, paging: { defaultCount: 1 } }, ALL],
  ['default count=0 is the default count', { count: '0' }, ADMIN, { ...D, paging: { defaultCount: 1 } }, ['l4']],
  ['rocketchat fractions truncated', { count: '1.9', offset: '1.5' }, ADMIN, RC, ['l2']],
  // agents' own rooms
  ['agent sees its own rooms (default)', { agents: 'agent-1' }, AGENT1, D, ['l4', 'l1']],
  ['agent scope is strict on servedBy._id even in rocketchat mode', { agents: ['agent-1'] }, AGENT1, RC, ['l4', 'l1']],
  // query and fields never filter in rocketchat mode
  ['rocketchat query parsed then ignored', { query: '{"t":"v"}' }, ADMIN, RC, ALL],
  ['default query is ignored unparsed', { query: '{nope' }, ADMIN, D, ALL],
];

describe('livechat reference: filters, order, paging', () => {
  it.each(SELECTIONS)('%s', (_name, params, principal, options, expected) => {
    expect(ids(LIVECHAT_ROOMS, params, principal, options)).toEqual(expected);
  });

  it('total counts every match, count the page, offset is echoed', () => {
    const result = referenceLivechatRooms(LIVECHAT_ROOMS, { offset: '4', count: '1' }, ADMIN, D);
    expect(result).toMatchObject({ ok: true, page: { count: 1, offset: 4, total: 6 } });
    expect(referenceLivechatRooms(LIVECHAT_ROOMS, { offset: '9' }, ADMIN, D)).toMatchObject({
      ok: true,
      page: { rooms: [], count: 0, offset: 9, total: 6 },
    });
  });

  it('rocketchat ts:{} quirk gives total 0', () => {
    expect(referenceLivechatRooms(LIVECHAT_ROOMS, { createdAt: '{}' }, ADMIN, RC)).toMatchObject({ ok: true, page: { total: 0 } });
  });
});
