// loadUsers: a users export → { _id, username, roles, hashedTokens } that a fixture server accepts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createRoomsApi, hashToken } from '../../src/http/index.js';
import { loadUsers } from '../../src/load/index.js';
import { rightOf } from '../support/right-of.js';

const dir = mkdtempSync(join(tmpdir(), 'room-query-users-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const user = (id: string, username: string | undefined, roles: string[], tokens: string[], extra: object = {}): string =>
  JSON.stringify({
    _id: id,
    createdAt: { $date: '2021-01-01T00:00:00.000Z' },
    ...(username === undefined ? {} : { username }),
    roles,
    services: {
      password: { bcrypt: '$2b$10$secret' },
      resume: { loginTokens: tokens.map((t) => ({ when: { $date: '2021-07-09T20:12:19.795Z' }, hashedToken: hashToken(t) })) },
    },
    emails: [{ address: `${id}@example.com`, verified: true }],
    ...extra,
  });

describe('loadUsers', () => {
  it('keeps id, username, roles and every hashed login token (personal access tokens too), nothing else', async () => {
    const pat = { hashedToken: hashToken('pat'), type: 'personalAccessToken', name: 'ci', lastTokenPart: 'xyz' };
    const text = [
      user('u1', 'admin', ['user', 'admin'], ['t1', 't2']),
      JSON.stringify({ _id: 'u2', username: 'alice', roles: ['livechat-agent'], services: { resume: { loginTokens: [pat] } } }),
      JSON.stringify({ _id: 'rocket.cat', username: 'rocket.cat', roles: ['bot'] }),
    ].join('\n');
    const users = await loadUsers(file('users.json', text));
    expect(users).toStrictEqual(
      E.right([
        { _id: 'u1', username: 'admin', roles: ['user', 'admin'], hashedTokens: [hashToken('t1'), hashToken('t2')] },
        { _id: 'u2', username: 'alice', roles: ['livechat-agent'], hashedTokens: [hashToken('pat')] },
        { _id: 'rocket.cat', username: 'rocket.cat', roles: ['bot'], hashedTokens: [] },
      ]),
    );
  });

  it('skips a user without a username; keeps a deactivated one without tokens', async () => {
    const text = [user('u1', undefined, ['user'], ['t1']), user('u2', 'bob', ['user'], ['t2'], { active: false })].join('\n');
    expect(await loadUsers(file('skip.json', text))).toStrictEqual(
      E.right([{ _id: 'u2', username: 'bob', roles: ['user'], hashedTokens: [] }]),
    );
  });

  it('names the line of a bad document: wrong types, a malformed token hash, a duplicate _id', async () => {
    const badRoles = await loadUsers(
      file('bad-roles.json', `${user('u1', 'a', ['user'], [])}\n{"_id":"u2","username":"b","roles":"admin"}\n`),
    );
    expect(badRoles).toStrictEqual(E.left(expect.objectContaining({ code: 'invalid-document', line: 2 })));
    expect(E.isLeft(badRoles) && badRoles.left.message).toContain('line 2 (document 2): /roles: expected Array<string>');
    const badHash = await loadUsers(
      file(
        'bad-hash.json',
        JSON.stringify({ _id: 'u1', username: 'a', services: { resume: { loginTokens: [{ hashedToken: 'plain' }] } } }),
      ),
    );
    expect(E.isLeft(badHash) && badHash.left.message).toContain('hashedToken #1 is not a base64 SHA-256 digest');
    const dup = await loadUsers(file('dup-users.json', `${user('u1', 'a', [], [])}\n${user('u1', 'b', [], [])}`));
    expect(dup).toStrictEqual(E.left(expect.objectContaining({ code: 'duplicate-id', line: 2 })));
  });

  it('feeds createRoomsApi: a real token logs in (one hashedToken per ApiUser until it takes a list)', async () => {
    const loaded = await loadUsers(file('api.json', user('u1', 'admin', ['admin'], ['real-token'])));
    if (E.isLeft(loaded)) throw new Error(loaded.left.message);
    const users = loaded.right.map(({ hashedTokens, ...u }) => ({
      ...u,
      ...(hashedTokens[0] === undefined ? {} : { hashedToken: hashedTokens[0] }),
    }));
    const api = rightOf(createRoomsApi({ rooms: [], users }));
    const answer = (token: string) =>
      api.handle({ method: 'GET', url: '/api/v1/voip/rooms', headers: { 'x-user-id': 'u1', 'x-auth-token': token } }).status;
    expect(answer('real-token')).toBe(200);
    expect(answer('wrong')).toBe(401);
  });
});
