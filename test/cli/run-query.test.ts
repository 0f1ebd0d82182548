// `query` and `explain` in-process: the page as a table / JSON / NDJSON, the plan, and one-line errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { ExplainCommand, QueryCommand } from '../../src/cli/commands.js';
import { runExplain, runQuery } from '../../src/cli/run-query.js';
import { generateUsers } from '../../src/fixtures/generate-users.js';

const base = { rooms: { kind: 'generate', count: 300 }, seed: 9, mode: 'default', as: 'admin', endpoint: 'voip' } as const;
const query = (params: string, extra: Partial<QueryCommand> = {}) =>
  runQuery({ kind: 'query', params, format: 'table', ...base, ...extra });
const alice = generateUsers({ seed: 9 }).find((u) => u.username === 'agent.alice')!;

describe('room-query query', () => {
  it('prints a table with a header, one row per room and a summary', async () => {
    const lines = await query('count=4&sort={"ts":1}');
    expect(E.isRight(lines)).toBe(true);
    if (E.isLeft(lines)) return;
    expect(lines.right[0]).toMatch(/^_id\s+name\s+queue\s+agent\s+open\s+ts$/);
    expect(lines.right).toHaveLength(6);
    expect(lines.right.at(-1)).toBe('4 of 300 rooms (offset 0)');
  });

  it('prints the HTTP body as JSON, and rooms as NDJSON', async () => {
    const json = await query('count=2', { format: 'json' });
    expect(E.isRight(json) && JSON.parse(json.right.join('\n'))).toMatchObject({ count: 2, offset: 0, total: 300, success: true });
    const ndjson = await query('count=3&fields={"name":1}', { format: 'ndjson' });
    expect(E.isRight(ndjson) && ndjson.right.map((l) => Object.keys(JSON.parse(l) as object))).toEqual([
      ['_id', 'name'],
      ['_id', 'name'],
      ['_id', 'name'],
    ]);
  });

  it('runs as an agent by username or _id, scoped to its own rooms', async () => {
    for (const as of ['agent.alice', alice._id]) {
      const page = await query(`agents[]=${alice._id}`, { as, format: 'ndjson' });
      expect(E.isRight(page)).toBe(true);
      if (E.isRight(page)) for (const line of page.right) expect(JSON.parse(line)).toMatchObject({ servedBy: { _id: alice._id } });
    }
  });

  it('accepts a leading ? on the query string', async () => {
    expect(await query('?count=1', { format: 'ndjson' })).toEqual(E.right([expect.any(String)]));
  });

  it.each([
    ['agents[]=someone-else', { as: 'agent.alice' }, '403 unauthorized'],
    ['count=abc', {}, '400 must be number [invalid-params]'],
    ['count=1', { as: 'nobody' }, "--as: no user 'nobody'"],
    ['count=1', { rooms: { kind: 'file', path: '/nonexistent/rooms.json' } }, '/nonexistent/rooms.json: cannot read: ENOENT'],
  ] as const)('%s → %s', async (params, extra, message) => {
    expect(await query(params, extra as Partial<QueryCommand>)).toEqual(E.left(expect.stringContaining(message)));
  });
});

describe('room-query query --users', () => {
  it('acts as a user of a mongoexport of users', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'room-query-users-'));
    writeFileSync(
      join(dir, 'users.json'),
      '{"_id":"u9","username":"sup","roles":["livechat-manager"]}\n{"_id":"u8","username":"plain","roles":["user"]}\n',
    );
    expect(await query('count=1', { users: join(dir, 'users.json'), as: 'sup', format: 'ndjson' })).toEqual(E.right([expect.any(String)]));
    expect(await query('count=1', { users: join(dir, 'users.json'), as: 'plain' })).toEqual(E.left(expect.stringContaining('403')));
    expect(await query('count=1', { users: join(dir, 'users.json'), as: 'admin' })).toEqual(
      E.left("--as: no user 'admin'; the users are sup, plain"),
    );
    expect(await query('count=1', { users: join(dir, 'missing.json') })).toEqual(E.left(expect.stringContaining('missing.json')));
  });
});

describe('room-query explain', () => {
  const explain = (params: string, as = 'admin') => runExplain({ kind: 'explain', params, ...base, as } satisfies ExplainCommand);

  it('describes scope, filter, sort and page', async () => {
    const lines = await explain('roomName=maria&sort={"queue":1}&count=5');
    expect(E.isRight(lines)).toBe(true);
    const text = E.isRight(lines) ? lines.right.join('\n') : '';
    expect(text).toContain('scope:      all rooms');
    expect(text).toContain('name contains "maria"');
    expect(text).toContain('sort:       queue asc');
    expect(text).toContain('limit 5');
  });

  it('says which agent an agent is scoped to, and gives the same errors as query', async () => {
    const lines = await explain(`agents[]=${alice._id}`, 'agent.alice');
    expect(E.isRight(lines) && lines.right.join('\n')).toContain(`rooms served by ${alice._id}`);
    expect(await explain('sort={"ts":2}')).toEqual(E.left(expect.stringContaining('400 Invalid sort parameter provided')));
  });
});

describe('room-query query/explain --endpoint livechat', () => {
  const livechat = { ...base, endpoint: 'livechat' } as const;
  const lc = (params: string, extra: Partial<QueryCommand> = {}) =>
    runQuery({ kind: 'query', params, format: 'table', ...livechat, ...extra });

  it('answers GET /api/v1/livechat/rooms over the generated livechat rooms (a table with department and status)', async () => {
    const lines = await lc('queued=true&count=3');
    expect(E.isRight(lines)).toBe(true);
    if (E.isLeft(lines)) return;
    expect(lines.right[0]).toMatch(/^_id\s+name\s+department\s+agent\s+status\s+ts$/);
    expect(lines.right.slice(1, -1).every((l) => /\squeued\s/.test(l))).toBe(true);
    expect(lines.right.at(-1)).toMatch(/^3 of \d+ rooms \(offset 0\)$/);
  });

  it('the demo monitor sees only its units; an agent gets a 403 without agents=[self]', async () => {
    const all = await lc('count=1', { format: 'json' });
    const mine = await lc('count=1', { format: 'json', as: 'monitor' });
    const total = (x: typeof all) => (E.isRight(x) ? (JSON.parse(x.right.join('\n')) as { total: number }).total : -1);
    expect(total(mine)).toBeGreaterThan(0);
    expect(total(mine)).toBeLessThan(total(all));
    expect(await lc('count=1', { as: 'agent.alice' })).toEqual(E.left(expect.stringMatching(/^403 unauthorized/)));
  });

  it('explain shows the livechat filter and the monitor scope', async () => {
    const lines = await runExplain({
      kind: 'explain',
      params: 'customFields={"plan":"^gold"}',
      ...livechat,
      as: 'monitor',
    } satisfies ExplainCommand);
    const text = E.isRight(lines) ? lines.right.join('\n') : '';
    expect(text).toContain('t = "l"');
    expect(text).toContain('livechatData.plan matches /^gold/i');
    expect(text).toContain("limited to the monitor's units");
  });
});
