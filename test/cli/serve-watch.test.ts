// `serve --rooms <file> --users <file> --watch`: the files' rooms and users are served (users log in with
// their Rocket.Chat tokens), and a changed rooms file is served after reload.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateRooms } from '../../src/fixtures/generate-rooms.js';
import { hashToken } from '../../src/http/hash-token.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'room-query-watch-'));
const file = join(dir, 'rooms.ndjson');
const usersFile = join(dir, 'users.json');
writeFileSync(
  usersFile,
  JSON.stringify({
    _id: 'u1',
    username: 'ops',
    roles: ['admin'],
    services: { resume: { loginTokens: [{ hashedToken: hashToken('tok-1') }] } },
  }),
);
const write = (n: number) =>
  writeFileSync(
    file,
    generateRooms({ count: n, seed: 8 })
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );

describe('room-query serve --watch', () => {
  write(30);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--rooms', file, '--users', usersFile, '--port', '0', '--watch', '--no-log'],
    { cwd: ROOT },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  afterAll(() => {
    child.kill('SIGKILL');
  });

  const total = async (base: string) => {
    const res = await fetch(`${base}/api/v1/voip/rooms?count=1`, { headers: { 'X-User-Id': 'u1', 'X-Auth-Token': 'tok-1' } });
    return ((await res.json()) as { total: number }).total;
  };

  it('serves the file, then the changed file', async () => {
    const base = await vi.waitFor(
      () => {
        const m = /^listening on (\S+)$/m.exec(stdout);
        if (m?.[1] === undefined) throw new Error(`not listening yet: ${stderr}`);
        return m[1];
      },
      { timeout: 30_000, interval: 50 },
    );
    expect(stdout).toContain('room-query: 30 rooms, 1 users from file');
    expect(await total(base)).toBe(30);
    write(45);
    await vi.waitFor(() => expect(stderr).toContain('reloaded 45 rooms'), { timeout: 30_000, interval: 50 });
    expect(await total(base)).toBe(45);
    writeFileSync(file, '{not json');
    await vi.waitFor(() => expect(stderr).toContain('reload failed, still serving the previous rooms'), { timeout: 30_000, interval: 50 });
    expect(await total(base)).toBe(45);
  });
});
