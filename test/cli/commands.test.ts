// query, explain, generate and bench as a user runs them: real processes, stdout, exit codes, one-line errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { runBench } from '../../src/cli/run-bench.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'room-query-cli-'));

describe('room-query query / explain / generate', () => {
  it('query prints a table of the page', () => {
    const res = run('query', 'open=true&count=3', '--rooms', '500');
    expect(res.status, res.stderr).toBe(0);
    const lines = res.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^_id\s+name/);
    expect(lines.slice(1, 4).every((l) => /\syes\s/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^3 of \d+ rooms \(offset 0\)$/);
  });

  it('query errors are one line (plus a hint line when there is one) and exit 1', () => {
    const res = run('query', 'agents[]=x', '--as', 'agent.bob', '--rooms', '10');
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(
      /^room-query: 403 unauthorized\nhint: agent\.bob is an agent: it may only ask for its own rooms, with agents\[\]=\S+ \(exactly that one id\)\n$/,
    );
    expect(run('query', 'count=abc', '--rooms', '10').stderr).toBe('room-query: 400 must be number [invalid-params]\n');
  });

  it('explain prints the plan', () => {
    const res = run('explain', 'queue=8001&open=false', '--rooms', '100');
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain('queue = "8001"');
  });

  it('generate writes a file that query reads back', () => {
    const out = join(dir, 'rooms.json');
    const gen = run('generate', '--rooms', '40', '--seed', '3', '--format', 'json', '--out', out);
    expect(gen.status, gen.stderr).toBe(0);
    expect(gen.stderr).toBe(`wrote 40 rooms to ${out}\n`);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(40);
    const res = run('query', 'count=0', '--rooms', out, '--seed', '3', '--format', 'json');
    expect(JSON.parse(res.stdout)).toMatchObject({ total: 40, success: true });
  });

  it('generate to a closed pipe stops quietly', () => {
    const res = spawnSync('sh', ['-c', 'node --import tsx src/cli/main.ts generate --rooms 200000 | head -n 2'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(res.status).toBe(0);
    expect(res.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(res.stderr).toBe('');
  });

  it('a file that is not rooms is one line and exit 1', () => {
    const res = run('query', 'count=1', '--rooms', join(ROOT, 'package.json'));
    expect(res.status).toBe(1);
    expect(res.stderr.trimEnd().split('\n')).toEqual([
      expect.stringContaining('package.json line 1 (document 1): /_id: expected a string'),
    ]);
  });
});

describe('room-query bench', () => {
  it('outside a clone says where benchmarks run', async () => {
    expect(await runBench([], dir)).toEqual(E.left(expect.stringContaining("'bench' runs from a git clone of room-query")));
  });
});
