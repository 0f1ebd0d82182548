// `generate` at flat memory: the heap held while the last room is encoded (after a full GC, in a process
// of its own) is the same for 20k and 200k rooms (both endpoints) — no room, visitor or output kept beyond
// a chunk. A structural measure, not a timing: the old visitor pool (count / 3 callers held) grew it by
// ~9 MB between these two sizes; the bound below allows 2 MB of noise.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const probe = (count: number): { rooms: number; heldBytes: number; bytesOut: number } => {
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/cli/generate-memory-probe.ts', String(count)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { rooms: number; heldBytes: number; bytesOut: number };
};

describe('generate: memory flat in the number of rooms', () => {
  it('holds the same heap writing 200k rooms as 20k (both endpoints, ndjson)', () => {
    const small = probe(10_000);
    const large = probe(100_000);
    console.log(`[generate memory] ${JSON.stringify({ small, large })}`);
    expect(large.rooms).toBe(10 * small.rooms);
    expect(large.bytesOut).toBeGreaterThan(9 * small.bytesOut);
    expect(large.heldBytes - small.heldBytes).toBeLessThan(2 * 1024 * 1024);
  }, 120_000);
});
