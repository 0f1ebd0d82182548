// queryLivechatRooms by example: filters, the order of checks, every error body, the department
// attachment and the monitor scope (with the customFields scope drop upstream has and we do not).

import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { Room } from '../src/model/room.js';
import type { Omnichannel } from '../src/model/omnichannel.js';
import type { Mode } from '../src/options.js';
import { queryLivechatRooms } from '../src/query-rooms.js';

const at = (day: number): Date => new Date(Date.UTC(2024, 0, day));
const alice = { _id: 'a1', username: 'alice' };
const rooms: ReadonlyArray<Room> = [
  {
    _id: 'r1',
    t: 'l',
    fname: 'Mary Ann',
    ts: at(1),
    open: true,
    servedBy: alice,
    departmentId: 'd1',
    departmentAncestors: ['u1'],
    livechatData: { plan: 'Gold' },
  },
  { _id: 'r2', t: 'l', fname: 'Bob', ts: at(2), open: true, departmentId: 'd2', livechatData: { plan: 'free' }, tags: ['vip'] },
  { _id: 'r3', t: 'l', fname: 'Mary', ts: at(3), open: true, onHold: true, servedBy: alice, departmentId: 'd3' },
  {
    _id: 'r4',
    t: 'l',
    fname: 'Carl',
    ts: at(4),
    closedAt: at(5),
    servedBy: { _id: 'a2', username: 'a1' },
    livechatData: { plan: 'GOLDEN' },
  },
  { _id: 'r5', t: 'v', fname: 'Mary Call', ts: at(6) },
];
const omnichannel: Omnichannel = {
  departments: [
    { _id: 'd1', name: 'Sales', ancestors: ['u1'] },
    { _id: 'd2', name: 'Support' },
    { _id: 'd3', name: 'Billing', ancestors: ['u2'] },
  ],
  units: [
    { _id: 'u1', name: 'North' },
    { _id: 'u2', name: 'South' },
  ],
  unitMonitors: [{ monitorId: 'm1', unitId: 'u1' }],
};
const admin = { _id: 'x', username: 'admin', roles: ['admin'] };
const agent = { _id: 'a1', username: 'alice', roles: ['livechat-agent'] };
const monitor = { _id: 'm1', username: 'mona', roles: ['livechat-monitor'] };

const ids = (search: string, principal = admin, mode: Mode = 'default', omni?: Omnichannel) => {
  const result = queryLivechatRooms(rooms, search, principal, { mode, ...(omni === undefined ? {} : { omnichannel: omni }) });
  return E.isRight(result) ? result.right.rooms.map((r) => r['_id']) : result.left.body;
};

describe('queryLivechatRooms: filters', () => {
  it.each<[string, Mode, unknown]>([
    ['', 'default', ['r4', 'r3', 'r2', 'r1']],
    ['open=true', 'default', ['r1']],
    ['open=false', 'default', ['r4']],
    ['open=maybe', 'default', ['r4', 'r3', 'r2', 'r1']],
    ['onhold=true', 'default', ['r3']],
    ['open=true&onhold=1', 'default', ['r3']],
    ['queued=t', 'default', ['r2']],
    ['open=false&queued=true', 'default', ['r2']],
    ['roomName=mary', 'default', ['r3', 'r1']],
    ['roomName=%22Mary%22', 'default', ['r3']],
    ['roomName=%22Mary%22', 'rocketchat', []],
    ['agents[]=a1', 'default', ['r3', 'r1']],
    ['agents[]=a1', 'rocketchat', ['r4', 'r3', 'r1']],
    ['departmentId=d2', 'default', ['r2']],
    ['departmentId=undefined', 'default', ['r4', 'r3', 'r2', 'r1']],
    ['departmentId[]=d1&departmentId[]=d2', 'default', ['r2', 'r1']],
    ['tags[]=vip', 'default', ['r2']],
    ['customFields={"plan":"^gold"}', 'default', ['r4', 'r1']],
    ['customFields={"plan":"gold$"}', 'rocketchat', ['r1']],
    ['customFields={}', 'default', ['r4', 'r3', 'r2', 'r1']],
    ['createdAt={"start":"2024-01-02","end":"2024-01-03"}', 'default', ['r3', 'r2']],
    ['closedAt={"end":"2024-02-01"}', 'default', ['r4']],
    ['createdAt={}', 'rocketchat', []],
    ['createdAt={"start":""}', 'rocketchat', []],
    ['createdAt=5', 'rocketchat', []],
    ['createdAt=null', 'rocketchat', ['r4', 'r3', 'r2', 'r1']],
    ['createdAt={}', 'default', ['r4', 'r3', 'r2', 'r1']],
    ['createdAt=[]', 'default', ['r4', 'r3', 'r2', 'r1']],
    ['sort={"fname":1}', 'default', ['r2', 'r4', 'r3', 'r1']],
  ])('%s (%s)', (search, mode, expected) => {
    expect(ids(search, admin, mode)).toEqual(expected);
  });

  it('attaches { _id, name } of a known department, after projection', () => {
    const page = queryLivechatRooms(rooms, 'fields={"departmentId":1}', admin, { omnichannel });
    expect(E.isRight(page) && page.right.rooms).toEqual([
      { _id: 'r4' },
      { _id: 'r3', departmentId: 'd3', department: { _id: 'd3', name: 'Billing' } },
      { _id: 'r2', departmentId: 'd2', department: { _id: 'd2', name: 'Support' } },
      { _id: 'r1', departmentId: 'd1', department: { _id: 'd1', name: 'Sales' } },
    ]);
    const hidden = queryLivechatRooms(rooms, 'fields={"fname":1}', admin, { omnichannel });
    expect(E.isRight(hidden) && hidden.right.rooms.some((r) => 'department' in r)).toBe(false);
  });

  it('returns whole documents: nothing is hidden (voip hides joinCode, members, importIds, e2e; livechat does not)', () => {
    const room = { _id: 'w', t: 'l', ts: at(1), joinCode: 'j', members: ['a'], e2e: 'x', importIds: ['i'] };
    for (const search of ['', 'fields={"joinCode":1}', 'fields={"fname":0}']) {
      const page = queryLivechatRooms([room], search, admin);
      expect(E.isRight(page) && page.right.rooms[0]?.['joinCode']).toBe('j');
    }
  });

  it('rocketchat mode parses fields and query, then returns whole documents', () => {
    const page = queryLivechatRooms(rooms, 'fields={"fname":1}&query={"t":"x"}', admin, { mode: 'rocketchat' });
    expect(E.isRight(page) && page.right.rooms[0]).toEqual(rooms[3]);
  });
});

describe('queryLivechatRooms: scope', () => {
  it('an agent sees its own rooms with agents=[self], else 403', () => {
    expect(ids('agents[]=a1', agent)).toEqual(['r3', 'r1']);
    expect(ids('agents[]=a1', agent, 'rocketchat')).toEqual(['r3', 'r1']);
    expect(ids('', agent, 'rocketchat')).toEqual({ success: false, error: 'unauthorized' });
  });

  it('a monitor (EE) sees the rooms of its units only; CE: everything', () => {
    expect(ids('', monitor, 'default', omnichannel)).toEqual(['r1']);
    expect(ids('', monitor, 'default', { ...omnichannel, units: [] })).toEqual(['r4', 'r3', 'r2', 'r1']);
    expect(ids('units[]=u2', monitor, 'default', omnichannel)).toEqual([]);
    expect(ids('units[]=u2', admin, 'default', omnichannel)).toEqual([]);
    expect(ids('units[]=u1', admin, 'default', omnichannel)).toEqual(['r1']);
  });

  it('customFields never drop the monitor scope (upstream bug not reproduced, both modes)', () => {
    for (const mode of ['default', 'rocketchat'] as const) {
      expect(ids('customFields={"plan":"gold"}', monitor, mode, omnichannel)).toEqual(['r1']);
    }
  });
});

describe('queryLivechatRooms: errors, in upstream order', () => {
  const body = (search: string, mode: Mode = 'rocketchat', principal = admin) => ids(search, principal, mode);
  const params = (message: string) => ({ success: false, error: `${message} [invalid-params]`, errorType: 'invalid-params' });
  const details = { helperMethod: 'parseJsonQuery' };

  it.each<[string, Mode, unknown]>([
    ['agents=x', 'rocketchat', params('must be array')],
    ['units[]=u1', 'rocketchat', params('must NOT have additional properties')],
    ['departamentId=d1', 'default', params('unknown parameter "departamentId" (did you mean "departmentId"?)')],
    ['departmentId[]=d1', 'rocketchat', params('must be string')],
    ['open[]=a&open[]=b', 'rocketchat', params('must be string\n must be boolean\n must match a schema in anyOf')],
    ['count=abc', 'rocketchat', params('must be number')],
    [
      'sort=x',
      'rocketchat',
      { success: false, error: 'Invalid sort parameter provided: "x" [error-invalid-sort]', errorType: 'error-invalid-sort', details },
    ],
    [
      'sort=x',
      'default',
      { success: false, error: 'Invalid sort parameter provided: "x" [error-invalid-sort]', errorType: 'error-invalid-sort' },
    ],
    [
      'fields=x',
      'rocketchat',
      {
        success: false,
        error: 'Invalid fields parameter provided: "x" [error-invalid-fields]',
        errorType: 'error-invalid-fields',
        details,
      },
    ],
    [
      'query=x',
      'rocketchat',
      { success: false, error: 'Invalid query parameter provided: "x" [error-invalid-query]', errorType: 'error-invalid-query', details },
    ],
    ['createdAt=x', 'rocketchat', { success: false, error: 'Unexpected token \'x\', "x" is not valid JSON' }],
    ['createdAt={"start":"nope"}', 'default', { success: false, error: 'The "createdAt.start" query parameter must be a valid date.' }],
    ['closedAt={"end":"nope"}', 'rocketchat', { success: false, error: 'The "closedAt.end" query parameter must be a valid date.' }],
    ['customFields=5', 'rocketchat', { success: false, error: 'The "customFields" query parameter must be a valid JSON.' }],
    ['customFields={"$where":"x"}', 'default', { success: false, error: 'The "customFields" query parameter must be a valid JSON.' }],
    ['customFields={"a..b":"x"}', 'default', { success: false, error: 'The "customFields" query parameter must be a valid JSON.' }],
    [
      'customFields={"plan":"["}',
      'rocketchat',
      { success: false, error: 'Invalid regular expression: /[/i: Unterminated character class' },
    ],
  ])('%s (%s)', (search, mode, expected) => {
    expect(body(search, mode)).toEqual(expected);
  });

  it('dates before the 403, customFields after it', () => {
    expect(body('createdAt={"start":"nope"}', 'rocketchat', agent)).toEqual({
      success: false,
      error: 'The "createdAt.start" query parameter must be a valid date.',
    });
    expect(body('customFields=5', 'rocketchat', agent)).toEqual({ success: false, error: 'unauthorized' });
    expect(body('customFields={"plan":"(a)\\\\1"}', 'default')).toEqual({
      success: false,
      error:
        'The "customFields.plan" pattern needs a feature without a linear-time match (backreference or lookaround) [error-invalid-regex]',
      errorType: 'error-invalid-regex',
    });
  });

  it('list limits as voip: departmentId lists beyond maxListLength are 400', () => {
    const search = Array.from({ length: 3 }, (_, i) => `departmentId[]=d${i}`).join('&');
    const result = queryLivechatRooms(rooms, search, admin, { limits: { maxListLength: 2 } });
    expect(E.isLeft(result) && result.left.body).toEqual(params('must NOT have more than 2 items'));
  });
});
