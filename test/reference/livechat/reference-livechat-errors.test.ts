// Every 400/403 of the livechat spec (§2, §4) and the contract, with the exact body written out here
// (not taken from the reference's own error module), and the order in which the checks run.

import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/auth/principal.js';
import { ADMIN, AGENT1, ENTERPRISE, LIVECHAT_ROOMS, USER } from './livechat-fixtures.js';
import { referenceLivechatRooms, type LivechatReferenceOptions } from './reference-livechat-rooms.js';

type P = Record<string, unknown>;
const D: LivechatReferenceOptions = { mode: 'default', omnichannel: ENTERPRISE };
const RC: LivechatReferenceOptions = { mode: 'rocketchat', omnichannel: ENTERPRISE };

const ip = (message: string) => ({ success: false, error: `${message} [invalid-params]`, errorType: 'invalid-params' });
const helper = { details: { helperMethod: 'parseJsonQuery' } };
const sortRC = (raw: string) => ({
  success: false,
  error: `Invalid sort parameter provided: "${raw}" [error-invalid-sort]`,
  errorType: 'error-invalid-sort',
  ...helper,
});
const sortD = (raw: string) => ({
  success: false,
  error: `Invalid sort parameter provided: "${raw}" [error-invalid-sort]`,
  errorType: 'error-invalid-sort',
});
const fieldsRC = (raw: string) => ({
  success: false,
  error: `Invalid fields parameter provided: "${raw}" [error-invalid-fields]`,
  errorType: 'error-invalid-fields',
  ...helper,
});
const fieldsD = (raw: string) => ({
  success: false,
  error: `Invalid fields parameter provided: "${raw}" [error-invalid-fields]`,
  errorType: 'error-invalid-fields',
});
const queryRC = (raw: string) => ({
  success: false,
  error: `Invalid query parameter provided: "${raw}" [error-invalid-query]`,
  errorType: 'error-invalid-query',
  ...helper,
});
const date = (path: string) => ({ success: false, error: `The "${path}" query parameter must be a valid date.` });
const plain = (error: string) => ({ success: false, error });
const CF = { success: false, error: 'The "customFields" query parameter must be a valid JSON.' };
const linear = (key: string) => ({
  success: false,
  error: `The "customFields.${key}" pattern needs a feature without a linear-time match (backreference or lookaround) [error-invalid-regex]`,
  errorType: 'error-invalid-regex',
});
const UNAUTHORIZED = { success: false, error: 'unauthorized' };
const MISSING = { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' };
const ANYOF = 'must be string\n must be boolean\n must match a schema in anyOf';

// [name, params, principal, options, status, body]
const ERRORS: Array<[string, P, Principal, LivechatReferenceOptions, number, unknown]> = [
  // Schema (ajv coerceTypes on the 6.13 schema; default mode's additions)
  ['unknown param', { foo: '1' }, ADMIN, RC, 400, ip('must NOT have additional properties')],
  [
    'docs typo departamentId',
    { departamentId: 'x' },
    ADMIN,
    D,
    400,
    ip('unknown parameter "departamentId" (did you mean "departmentId"?)'),
  ],
  ['units is unknown on 6.13', { units: ['unit-1'] }, ADMIN, RC, 400, ip('must NOT have additional properties')],
  ['unknown param wins over a bad known one', { count: 'abc', foo: '1' }, ADMIN, D, 400, ip('unknown parameter "foo"')],
  ['lone agents=x', { agents: 'x' }, ADMIN, RC, 400, ip('must be array')],
  ['lone tags=x', { tags: 'vip' }, ADMIN, RC, 400, ip('must be array')],
  ['agents as object', { agents: { x: 'a' } }, ADMIN, D, 400, ip('must be array')],
  ['units as object', { units: { x: 'a' } }, ADMIN, D, 400, ip('must be array')],
  ['agents item object', { agents: ['a', { x: '1' }] }, ADMIN, D, 400, ip('must be string')],
  ['count=abc', { count: 'abc' }, ADMIN, RC, 400, ip('must be number')],
  ['count 1.5 (default)', { count: '1.5' }, ADMIN, D, 400, ip('must be integer')],
  ['offset -1 (default)', { offset: '-1' }, ADMIN, D, 400, ip('must be >= 0')],
  ['open[]=a&open[]=b', { open: ['a', 'b'] }, ADMIN, RC, 400, ip(ANYOF)],
  ['onhold as object', { onhold: { x: '1' } }, ADMIN, D, 400, ip(ANYOF)],
  ['queued as array', { queued: ['1'] }, ADMIN, RC, 400, ip(ANYOF)],
  ['departmentId[] on 6.13', { departmentId: ['dep-a'] }, ADMIN, RC, 400, ip('must be string')],
  ['departmentId object (default)', { departmentId: { a: 'x' } }, ADMIN, D, 400, ip('must be string')],
  ['customFields as array', { customFields: ['{}'] }, ADMIN, D, 400, ip('must be string')],
  ['schema order: count before agents', { agents: 'x', count: 'abc' }, ADMIN, RC, 400, ip('must be number')],
  [
    'departmentId list over maxListLength',
    { departmentId: ['a', 'b', 'c'] },
    ADMIN,
    { ...D, limits: { maxListLength: 2 } },
    400,
    ip('must NOT have more than 2 items'),
  ],
  [
    'string over maxParamLength',
    { roomName: 'abcdef' },
    ADMIN,
    { ...D, limits: { maxParamLength: 5 } },
    400,
    ip('must NOT have more than 5 characters'),
  ],
  // parseJsonQuery: sort, fields, query
  ['bad sort (rocketchat: details)', { sort: '{' }, ADMIN, RC, 400, sortRC('{')],
  ['bad sort (default: no details)', { sort: '{"ts":2}' }, ADMIN, D, 400, sortD('{"ts":2}')],
  ['schema before sort', { sort: '{', count: 'x' }, ADMIN, RC, 400, ip('must be number')],
  ['bad fields (rocketchat)', { fields: '{"a":1,"b":0}' }, ADMIN, RC, 400, fieldsRC('{"a":1,"b":0}')],
  ['bad fields (default)', { fields: 'x' }, ADMIN, D, 400, fieldsD('x')],
  ['sort before fields', { sort: 'x', fields: 'y' }, ADMIN, RC, 400, sortRC('x')],
  ['bad query (rocketchat)', { query: '{nope' }, ADMIN, RC, 400, queryRC('{nope')],
  ['fields before query', { fields: 'y', query: '{' }, ADMIN, RC, 400, fieldsRC('y')],
  ['rocketchat: negative offset after parseJsonQuery', { offset: '-2' }, ADMIN, RC, 400, ip('must be >= 0')],
  ['rocketchat: query before negative offset', { offset: '-2', query: '{' }, ADMIN, RC, 400, queryRC('{')],
  // Dates
  ['createdAt bad JSON: V8 message', { createdAt: 'x' }, ADMIN, RC, 400, plain('Unexpected token \'x\', "x" is not valid JSON')],
  ['closedAt bad JSON', { closedAt: '{' }, ADMIN, D, 400, plain("Expected property name or '}' in JSON at position 1")],
  ['createdAt.start', { createdAt: '{"start":"nope"}' }, ADMIN, D, 400, date('createdAt.start')],
  ['createdAt.end', { createdAt: '{"start":"2021-01-01","end":"nope"}' }, ADMIN, RC, 400, date('createdAt.end')],
  ['start before end', { createdAt: '{"start":"x","end":"y"}' }, ADMIN, D, 400, date('createdAt.start')],
  ['closedAt.end true', { closedAt: '{"end":true}' }, ADMIN, RC, 400, date('closedAt.end')],
  ['closedAt.start object', { closedAt: '{"start":{}}' }, ADMIN, D, 400, date('closedAt.start')],
  ['createdAt before closedAt', { closedAt: '{"start":"x"}', createdAt: '{"end":"y"}' }, ADMIN, D, 400, date('createdAt.end')],
  ['dates before the 403 (rocketchat)', { createdAt: '{"start":"x"}' }, USER, RC, 400, date('createdAt.start')],
  ['dates before the 403 (default)', { closedAt: 'x' }, USER, D, 400, plain('Unexpected token \'x\', "x" is not valid JSON')],
  // 403
  ['no permission (rocketchat)', {}, USER, RC, 403, UNAUTHORIZED],
  ['no permission (default)', {}, USER, D, 403, MISSING],
  ['user asking for self (default)', { agents: ['u-1'] }, USER, D, 403, MISSING],
  ['agent without agents', {}, AGENT1, D, 403, UNAUTHORIZED],
  ['agent asking for another', { agents: ['agent-2'] }, AGENT1, RC, 403, UNAUTHORIZED],
  ['agent asking for two', { agents: ['agent-1', 'agent-2'] }, AGENT1, D, 403, UNAUTHORIZED],
  ['403 before customFields', { customFields: 'x' }, USER, RC, 403, UNAUTHORIZED],
  // customFields
  ['customFields not JSON', { customFields: 'x' }, ADMIN, RC, 400, CF],
  ['customFields array', { customFields: '[]' }, ADMIN, D, 400, CF],
  ['customFields null', { customFields: 'null' }, ADMIN, D, 400, CF],
  ['customFields number', { customFields: '5' }, ADMIN, RC, 400, CF],
  ['customFields $ key', { customFields: '{"$where":"1"}' }, ADMIN, D, 400, CF],
  ['customFields empty key', { customFields: '{"":"x"}' }, ADMIN, D, 400, CF],
  ['customFields empty segment', { customFields: '{"a..b":"x"}' }, ADMIN, RC, 400, CF],
  ['customFields trailing dot', { customFields: '{"a.":"x"}' }, ADMIN, D, 400, CF],
  ['agent may send customFields too', { agents: ['agent-1'], customFields: '[1]' }, AGENT1, D, 400, CF],
  [
    'invalid regex: V8 message',
    { customFields: '{"crm":"("}' },
    ADMIN,
    RC,
    400,
    plain('Invalid regular expression: /(/i: Unterminated group'),
  ],
  [
    'invalid regex: nothing to repeat',
    { customFields: '{"crm":"a**"}' },
    ADMIN,
    D,
    400,
    plain('Invalid regular expression: /a**/i: Nothing to repeat'),
  ],
  ['keys checked before any regex', { customFields: '{"a":"(","$b":"x"}' }, ADMIN, D, 400, CF],
  ['backreference', { customFields: '{"crm":"(a)\\\\1"}' }, ADMIN, D, 400, linear('crm')],
  ['lookahead', { customFields: '{"a.b":"(?=x)y"}' }, ADMIN, RC, 400, linear('a.b')],
  ['lookbehind', { customFields: '{"crm":"(?<!x)y"}' }, ADMIN, D, 400, linear('crm')],
  ['regexes checked key by key', { customFields: '{"k1":"(a)\\\\1","k2":"("}' }, ADMIN, D, 400, linear('k1')],
  [
    'V8 verdict before re2 verdict on one key',
    { customFields: '{"k":"(?<=a"}' },
    ADMIN,
    D,
    400,
    plain('Invalid regular expression: /(?<=a/i: Unterminated group'),
  ],
];

describe('livechat reference: errors and their order', () => {
  it.each(ERRORS)('%s', (_name, params, principal, options, status, body) => {
    expect(referenceLivechatRooms(LIVECHAT_ROOMS, params, principal, options)).toEqual({ ok: false, status, body });
  });
});
