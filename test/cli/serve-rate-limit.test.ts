// `serve --rate-limit N`: the N+1-th request of a user within a minute is Rocket.Chat's 429; `off` never limits;
// failed authentication spends the client address's budget (`--failed-auth-limit`), read through `--trust-proxy`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { generateUsers } from '../../src/fixtures/generate-users.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const admin = generateUsers({ seed: 42 })[0]!;

/** Runs `serve` with `flags` and calls `use` with its base URL. */
const withServer = async <A>(flags: ReadonlyArray<string>, use: (base: string) => Promise<A>): Promise<A> => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--rooms', '5', '--port', '0', '--no-log', ...flags],
    { cwd: ROOT },
  );
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  try {
    const base = await vi.waitFor(
      () => {
        const m = /^listening on (\S+)$/m.exec(stdout);
        if (m?.[1] === undefined) throw new Error('not listening yet');
        return m[1];
      },
      { timeout: 30_000, interval: 50 },
    );
    return await use(base);
  } finally {
    child.kill('SIGKILL');
  }
};

const statuses = (rateLimit: string, requests: number, extra: ReadonlyArray<string> = []): Promise<number[]> =>
  withServer(['--rate-limit', rateLimit, ...extra], async (base) => {
    const out: number[] = [];
    for (let i = 0; i < requests; i++) {
      const res = await fetch(`${base}/api/v1/voip/rooms?count=1`, { headers: { 'X-User-Id': admin._id, 'X-Auth-Token': admin.token } });
      out.push(res.status);
    }
    return out;
  });

describe('room-query serve --rate-limit', () => {
  it('answers 429 past the limit', async () => {
    expect(await statuses('2', 3)).toEqual([200, 200, 429]);
  });

  it('limits GET rooms under --live too (answered by the live routes, with the same counts)', async () => {
    expect(await statuses('2', 3, ['--live'])).toEqual([200, 200, 429]);
  });

  it('off never limits', async () => {
    expect(await statuses('off', 5)).toEqual([200, 200, 200, 200, 200]);
  });

  it('forged tokens for the admin id spend the sender address (--failed-auth-limit), not the admin (--trust-proxy 1)', async () => {
    const flags = ['--rate-limit', '3', '--failed-auth-limit', '2', '--trust-proxy', '1'];
    const [forged, real] = await withServer(flags, async (base) => {
      const get = (token: string, client: string) =>
        fetch(`${base}/api/v1/voip/rooms?count=1`, {
          headers: { 'X-User-Id': admin._id, 'X-Auth-Token': token, 'X-Forwarded-For': client },
        });
      const out: number[] = [];
      for (let i = 0; i < 3; i++) out.push((await get(`made-up-${i}`, '203.0.113.66')).status);
      return [out, await get(admin.token, '198.51.100.7')] as const;
    });
    expect(forged).toEqual([401, 401, 429]);
    expect(real.status).toBe(200);
    expect(real.headers.get('x-ratelimit-remaining')).toBe('2');
  });
});
