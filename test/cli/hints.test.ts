// What the CLI tells a new user beyond the bare answer: a hint under a 403 / rocketchat-mode 400, and a
// warning when a rooms file was generated with another seed than the demo users.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { QueryCommand } from '../../src/cli/commands.js';
import { runExplain, runQuery } from '../../src/cli/run-query.js';
import { generateRooms } from '../../src/fixtures/generate-rooms.js';
import { generateUsers } from '../../src/fixtures/generate-users.js';

const base = { kind: 'query', format: 'table', rooms: { kind: 'generate', count: 100 }, seed: 42, mode: 'default', as: 'admin' } as const;
const query = async (params: string, extra: Partial<QueryCommand> = {}) => {
  const warnings: string[] = [];
  const result = await runQuery({ ...base, params, ...extra }, (line) => warnings.push(line));
  return { result, warnings };
};
const alice = generateUsers({ seed: 42 }).find((u) => u.username === 'agent.alice')!;

describe('CLI hints', () => {
  it('tells an agent how to ask for its own rooms', async () => {
    const { result } = await query('count=2', { as: 'agent.alice' });
    expect(result).toEqual(
      E.left(
        `403 unauthorized\nhint: agent.alice is an agent: it may only ask for its own rooms, with agents[]=${alice._id} (exactly that one id)`,
      ),
    );
    const explained = await runExplain({ ...base, kind: 'explain', params: 'count=2', as: 'agent.alice' });
    expect(E.isLeft(explained) && explained.left).toContain(`agents[]=${alice._id}`);
  });

  it('tells a user without permissions that it has neither', async () => {
    const { result } = await query('count=2', { as: 'user.carol' });
    expect(E.isLeft(result) && result.left).toMatch(
      /^403 User does not have the permissions.*\nhint: user\.carol \(roles: user\) has neither view-livechat-rooms nor view-l-room; try --as admin$/,
    );
  });

  it('names the unknown parameter: in the answer (default mode), in a hint (rocketchat mode)', async () => {
    expect((await query('agent=x')).result).toEqual(E.left('400 unknown parameter "agent" (did you mean "agents"?) [invalid-params]'));
    expect((await query('agent=x', { mode: 'rocketchat' })).result).toEqual(
      E.left('400 must NOT have additional properties [invalid-params]\nhint: unknown parameter "agent" (did you mean "agents"?)'),
    );
  });

  it('warns when a rooms file was generated with another seed than the demo users', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'room-query-hints-'));
    const file = join(dir, 'rooms.json');
    writeFileSync(file, JSON.stringify(generateRooms({ count: 50, seed: 9 })));
    const other = await query('count=2', { rooms: { kind: 'file', path: file } });
    expect(other.warnings).toEqual([
      `warning: no room in ${file} is served by a demo agent of seed 42: if it was generated with \`room-query generate --seed N\`, pass the same --seed N (or pass --users)`,
    ]);
    const same = await query('count=2', { rooms: { kind: 'file', path: file }, seed: 9 });
    expect(same.warnings).toEqual([]);
    expect((await query('count=2')).warnings).toEqual([]); // generated rooms: nothing to warn about
  });
});
