// The `room-query` command as a user runs it: a real process, its printed curl lines, signals, exit codes.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARGS = ['--import', 'tsx', 'src/cli/main.ts'];
const run = (...args: string[]) => spawnSync(process.execPath, [...ARGS, ...args], { cwd: ROOT, encoding: 'utf8' });
const hasCurl = spawnSync('curl', ['--version']).status === 0;

describe('room-query serve', () => {
  let child: ChildProcessWithoutNullStreams;
  let stdout = '';
  let stderr = '';
  let base = '';

  beforeAll(async () => {
    child = spawn(process.execPath, [...ARGS, 'serve', '--port', '0', '--rooms', '200', '--seed', '5'], { cwd: ROOT });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    base = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
        if (m?.[1] !== undefined) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${String(code)} before listening: ${stderr}`)));
    });
  });

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  const curlLines = () => stdout.split('\n').filter((l) => l.startsWith('curl '));

  it('prints the demo users (the livechat monitor too) and three curl lines per endpoint for the actual port', () => {
    for (const name of ['admin', 'manager', 'agent.alice', 'agent.bob', 'user.carol', 'monitor']) expect(stdout).toContain(name);
    expect(curlLines()).toHaveLength(6);
    expect(curlLines().filter((line) => line.includes(`${base}/api/v1/voip/rooms`))).toHaveLength(3);
    expect(curlLines().filter((line) => line.includes(`${base}/api/v1/livechat/rooms`))).toHaveLength(3);
  });

  it('logs each request with its status on stderr, without the token', async () => {
    await fetch(`${base}/api/v1/voip/rooms?count=1`);
    await vi.waitFor(() => expect(stderr).toMatch(/^GET \/api\/v1\/voip\/rooms\?count=1 401 [\d.]+ms$/m));
  });

  it('answers the admin line with the headers it prints', async () => {
    const admin = curlLines()[0] ?? '';
    const userId = /X-User-Id: ([^']+)'/.exec(admin)?.[1] ?? '';
    const token = /X-Auth-Token: ([^']+)'/.exec(admin)?.[1] ?? '';
    const res = await fetch(`${base}/api/v1/voip/rooms`, { headers: { 'X-User-Id': userId, 'X-Auth-Token': token } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ count: 50, offset: 0, total: 200, success: true });
  });

  it.skipIf(!hasCurl)('every printed curl line works pasted into a shell', () => {
    for (const line of curlLines()) {
      const out = spawnSync('sh', ['-c', line], { encoding: 'utf8' });
      expect(out.status, out.stderr).toBe(0);
      expect(JSON.parse(out.stdout)).toMatchObject({ success: true });
    }
  });

  it('a taken port exits 1 with one line on stderr', () => {
    const res = run('serve', '--rooms', '1', '--port', new URL(base).port);
    expect(res.status).toBe(1);
    expect(res.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining('EADDRINUSE')]);
  });

  it('shuts down gracefully on SIGTERM', async () => {
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(stderr).toContain('shutting down');
  });
});

describe('room-query command line', () => {
  it.each([
    [['serve', '--bogus'], "unknown option '--bogus'"],
    [['serve', '--port', 'abc'], '--port must be'],
    [['serve', '--mode', 'mongo'], '--mode must be'],
    [['serve', '--port'], 'argument missing'],
    [[], 'missing command'],
    [['launch'], "unknown command 'launch'"],
    [['query', 'count=1', '--format', 'csv'], '--format must be'],
  ])('%j exits 2 with one line on stderr', (args, message) => {
    const res = run(...args);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    const lines = res.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
  });

  it('--help prints usage and exits 0', () => {
    const res = run('--help');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Usage: room-query');
    for (const command of ['serve', 'query', 'explain', 'generate', 'bench']) expect(res.stdout).toContain(command);
  });
});
