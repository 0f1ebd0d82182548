// `serve --rate-limit N`: the N+1-th request of a user within a minute is Rocket.Chat's 429; `off` never limits.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { generateUsers } from '../../src/fixtures/generate-users.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const admin = generateUsers({ seed: 42 })[0]!;

const statuses = async (rateLimit: string, requests: number): Promise<number[]> => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--rooms', '5', '--port', '0', '--no-log', '--rate-limit', rateLimit], { cwd: ROOT });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  try {
    const base = await vi.waitFor(() => {
      const m = /^listening on (\S+)$/m.exec(stdout);
      if (m?.[1] === undefined) throw new Error('not listening yet');
      return m[1];
    }, { timeout: 30_000, interval: 50 });
    const out: number[] = [];
    for (let i = 0; i < requests; i++) {
      const res = await fetch(`${base}/api/v1/voip/rooms?count=1`, { headers: { 'X-User-Id': admin._id, 'X-Auth-Token': admin.token } });
      out.push(res.status);
    }
    return out;
  } finally {
    child.kill('SIGKILL');
  }
};

describe('room-query serve --rate-limit', () => {
  it('answers 429 past the limit', async () => {
    expect(await statuses('2', 3)).toEqual([200, 200, 429]);
  });

  it('off never limits', async () => {
    expect(await statuses('off', 5)).toEqual([200, 200, 200, 200, 200]);
  });
});
