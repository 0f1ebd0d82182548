// Every error of the spec (shared/docs/semantics.md §2–§3), with its exact body, in both modes.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { queryRooms, type Mode, type Principal } from '../../src/index.js';
import { admin, alice, plainUser, sampleRooms } from '../support/fixture-rooms.js';

const invalid = (message: string) => ({ success: false, error: `${message} [invalid-params]`, errorType: 'invalid-params' });
const unauthorized = { success: false, error: 'unauthorized' };
const missingPermission = { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' };

type Case = readonly [name: string, query: string, who: Principal, mode: Mode, status: number, body: unknown];

const cases: ReadonlyArray<Case> = [
  ['unknown parameter', 'foo=1', admin, 'default', 400, invalid('unknown parameter "foo"')],
  ['unknown parameter, a typo', 'agent=x', admin, 'default', 400, invalid('unknown parameter "agent" (did you mean "agents"?)')],
  ['unknown parameter upstream', 'agent=x', admin, 'rocketchat', 400, invalid('must NOT have additional properties')],
  ['count not a number', 'count=abc', admin, 'default', 400, invalid('must be number')],
  ['count not a number (rocketchat)', 'count=abc', admin, 'rocketchat', 400, invalid('must be number')],
  ['lone agents string (rocketchat)', 'agents=x', admin, 'rocketchat', 400, invalid('must be array')],
  ['lone tags string (rocketchat)', 'tags=x', admin, 'rocketchat', 400, invalid('must be array')],
  ['open not in enum', 'open=yes', admin, 'default', 400, invalid('must be equal to one of the allowed values')],
  ['direction not in enum', 'direction=sideways', admin, 'rocketchat', 400, invalid('must be equal to one of the allowed values')],
  ['fields rejected upstream', 'fields={"name":1}', admin, 'rocketchat', 400, invalid('must NOT have additional properties')],
  ['negative count', 'count=-1', admin, 'default', 400, invalid('must be >= 0')],
  ['fractional offset', 'offset=1.5', admin, 'default', 400, invalid('must be integer')],
  ['negative offset (rocketchat)', 'offset=-3', admin, 'rocketchat', 400, invalid('must be >= 0')],
  [
    'sort value 2',
    'sort={"ts":2}',
    admin,
    'default',
    400,
    { success: false, error: 'Invalid sort parameter provided: "{"ts":2}" [error-invalid-sort]', errorType: 'error-invalid-sort' },
  ],
  [
    'sort not JSON',
    'sort=ts',
    admin,
    'rocketchat',
    400,
    { success: false, error: 'Invalid sort parameter provided: "ts" [error-invalid-sort]', errorType: 'error-invalid-sort' },
  ],
  [
    'fields value 2',
    'fields={"name":2}',
    admin,
    'default',
    400,
    { success: false, error: 'Invalid fields parameter provided: "{"name":2}" [error-invalid-fields]', errorType: 'error-invalid-fields' },
  ],
  [
    'fields mixing',
    'fields={"name":1,"ts":0}',
    admin,
    'default',
    400,
    {
      success: false,
      error: 'Invalid fields parameter provided: "{"name":1,"ts":0}" [error-invalid-fields]',
      errorType: 'error-invalid-fields',
    },
  ],
  [
    'createdAt.start invalid',
    'createdAt={"start":"nope"}',
    admin,
    'default',
    400,
    { success: false, error: 'The "createdAt.start" query parameter must be a valid date.' },
  ],
  [
    'createdAt.end invalid',
    'createdAt={"end":"nope"}',
    admin,
    'default',
    400,
    { success: false, error: 'The "createdAt.end" query parameter must be a valid date.' },
  ],
  [
    'closedAt.start invalid',
    'closedAt={"start":"nope"}',
    admin,
    'rocketchat',
    400,
    { success: false, error: 'The "closedAt.start" query parameter must be a valid date.' },
  ],
  [
    'closedAt.end invalid',
    'closedAt={"end":"nope"}',
    admin,
    'rocketchat',
    400,
    { success: false, error: 'The "closedAt.end" query parameter must be a valid date.' },
  ],
  [
    'createdAt malformed JSON',
    'createdAt={start',
    admin,
    'default',
    400,
    { success: false, error: 'The "createdAt" query parameter must be a valid JSON object.' },
  ],
  ['no permission at all (default)', '', plainUser, 'default', 403, missingPermission],
  ['no permission at all (rocketchat)', '', plainUser, 'rocketchat', 403, unauthorized],
  ['agent without agents filter', '', alice, 'default', 403, unauthorized],
  ["agent asking for another agent's rooms", 'agents[]=agent-bob', alice, 'default', 403, unauthorized],
  ['agent asking for two agents', 'agents[]=agent-alice&agents[]=agent-bob', alice, 'default', 403, unauthorized],
  ['agent using its username, not its id', 'agents[]=alice', alice, 'rocketchat', 403, unauthorized],
  // Order of checks: default mode validates dates before the 403; rocketchat mode after it.
  [
    'bad date + no permission (default: 400 first)',
    'createdAt={"start":"nope"}',
    plainUser,
    'default',
    400,
    { success: false, error: 'The "createdAt.start" query parameter must be a valid date.' },
  ],
  ['bad date + no permission (rocketchat: 403 first)', 'createdAt={"start":"nope"}', plainUser, 'rocketchat', 403, unauthorized],
  [
    'bad sort + no permission (both: 400 first)',
    'sort=x',
    plainUser,
    'rocketchat',
    400,
    { success: false, error: 'Invalid sort parameter provided: "x" [error-invalid-sort]', errorType: 'error-invalid-sort' },
  ],
];

describe('spec error bodies', () => {
  it.each(cases)('%s', (_name, query, who, mode, status, body) => {
    const result = queryRooms(sampleRooms, query, who, { mode });
    expect(E.isLeft(result)).toBe(true);
    if (E.isLeft(result)) {
      expect(result.left.status).toBe(status);
      expect(result.left.body).toEqual(body);
    }
  });
});
