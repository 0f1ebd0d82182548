// `serve --live`: the room-query extensions on the CLI's server. A POSTed patch shows in GET rooms and
// in an open stream, as a fixture server for other services' tests needs; livechat's stream is served beside voip's.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('room-query serve --live', () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--rooms', '40', '--port', '0', '--live', '--no-log'],
    { cwd: ROOT },
  );
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  afterAll(() => {
    child.kill('SIGKILL');
  });

  it('serves rooms.stream and rooms.patch; a patch shows in GET rooms and in the stream', async () => {
    const base = await vi.waitFor(
      () => {
        const m = /^listening on (\S+)$/m.exec(stdout);
        if (m?.[1] === undefined) throw new Error('not listening yet');
        return m[1];
      },
      { timeout: 30_000, interval: 50 },
    );
    expect(stdout).toContain('rooms.stream (SSE)');
    // The banner's admin line: "admin  <_id>  admin  <token>".
    const [, id, token] = /^\s*admin\s+(\S+)\s+\S+\s+(\S+)$/m.exec(stdout) ?? [];
    const headers = { 'X-User-Id': id as string, 'X-Auth-Token': token as string };
    const first = (await (await fetch(`${base}/api/v1/voip/rooms?count=1`, { headers })).json()) as { rooms: Array<{ _id: string }> };
    const target = first.rooms[0]?._id as string;

    const stream = await fetch(`${base}/api/v1/voip/rooms.stream?count=1`, { headers });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (needle: string): Promise<void> => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        text += decoder.decode(value, { stream: true });
      }
    };
    await until('event: page');

    const patched = await fetch(`${base}/api/v1/voip/rooms.patch`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify([{ op: 'replace', path: `/${target}/queue`, value: 'patched-queue' }]),
    });
    expect(patched.status).toBe(200);
    await until('event: patch');
    expect(text).toContain('patched-queue');
    await reader.cancel();

    const after = (await (await fetch(`${base}/api/v1/voip/rooms?count=1`, { headers })).json()) as { rooms: Array<{ queue: string }> };
    expect(after.rooms[0]?.queue).toBe('patched-queue');

    // The printed curl lines work as pasted: the patch line tags the newest open room, the stream line streams it.
    const patchLine = stdout.split('\n').find((l) => l.startsWith('curl -s -X POST'));
    const streamLine = stdout.split('\n').find((l) => l.startsWith('curl -sN'));
    expect(patchLine).toBeDefined();
    const pasted = spawnSync('bash', ['-c', patchLine as string], { encoding: 'utf8', timeout: 10_000 });
    expect(JSON.parse(pasted.stdout)).toMatchObject({ success: true, version: 2 });
    const streamed = spawnSync('bash', ['-c', `${streamLine as string} --max-time 2`], { encoding: 'utf8', timeout: 10_000 });
    expect(streamed.stdout).toContain('event: page');
    expect(streamed.stdout).toContain('"vip"');
  }, 60_000);

  it("serves livechat's stream too: its printed curl line streams queued chats with their departments", () => {
    expect(stdout).toContain('/api/v1/livechat/rooms.stream');
    const line = stdout.split('\n').find((l) => l.startsWith('curl -sN') && l.includes('/api/v1/livechat/rooms.stream'));
    expect(line).toBeDefined();
    const streamed = spawnSync('bash', ['-c', `${line as string} --max-time 2`], { encoding: 'utf8', timeout: 10_000 });
    expect(streamed.stdout).toContain('event: page');
    const data = /^data: (.*)$/m.exec(streamed.stdout)?.[1];
    const page = JSON.parse(data as string) as { rooms: Array<{ t: string; open?: boolean; servedBy?: unknown; department?: unknown }> };
    expect(page.rooms.length).toBeGreaterThan(0);
    for (const room of page.rooms) expect([room.t, room.open, room.servedBy]).toEqual(['l', true, undefined]);
    expect(page.rooms.some((r) => r.department !== undefined)).toBe(true);
  }, 30_000);
});
