// Every `room-query query` / `explain` example a user can read (the README, docs/*.md, `room-query --help`)
// returns at least one room: an example that matches nothing teaches nothing. Lines that set up files
// (`room-query generate`, `echo … >`) run first, in order, in a scratch folder; examples that show an
// error on purpose (`|| echo "exit $?"`) are skipped, the docs test checks those.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/cli/parse-cli-args.js';
import { codeBlocks, SH_LANGS } from '../docs/code-blocks.js';
import { createWorkspace, ROOT } from '../docs/run-docs.js';

interface Example {
  readonly where: string;
  /** The block's lines, in order: set-up lines then examples. */
  readonly lines: ReadonlyArray<string>;
}

const withoutComment = (line: string): string => line.replace(/\s+#\s.*$/, '').trim();

const pages = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const blocks: Example[] = pages.flatMap((page) =>
  codeBlocks(readFileSync(join(ROOT, page), 'utf8'))
    .filter((b) => SH_LANGS.has(b.lang))
    .map((b) => ({
      where: `${page}:${b.line}`,
      lines: b.code
        .split('\n')
        .map(withoutComment)
        .filter((l) => l !== ''),
    })),
);
blocks.push({
  where: 'room-query --help',
  lines: EXAMPLES.split('\n')
    .map(withoutComment)
    .filter((l) => l.startsWith('room-query ')),
});

const isExample = (line: string): boolean => /^room-query (query|explain) /.test(line) && !line.includes('||');
const isSetUp = (line: string): boolean => /^room-query generate .*--out /.test(line) || /^echo .*> \S+$/.test(line);

/** The example with its output made countable: a query prints JSON, an explain its "N matched". */
const countable = (line: string): string =>
  line.startsWith('room-query query ') ? `${line.replace(/\s--format\s+\w+/, '').replace(/\s*2>&1$/, '')} --format json` : line;

const matched = (line: string, stdout: string): number => {
  if (line.startsWith('room-query explain ')) return Number(/(\d+) matched/.exec(stdout)?.[1] ?? 0);
  return (JSON.parse(stdout) as { rooms: unknown[] }).rooms.length;
};

const ws = createWorkspace();
const env = { ...process.env, PATH: `${ws.bin}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1' };

describe('documented CLI examples return rooms', () => {
  afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

  const withExamples = blocks.filter((b) => b.lines.some(isExample));
  it('finds the examples', () => {
    expect(withExamples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(withExamples.map((b) => [b.where, b] as const))('%s', (_, block) => {
    const dir = mkdtempSync(join(tmpdir(), 'room-query-examples-'));
    try {
      for (const line of block.lines.filter(isSetUp)) {
        const res = spawnSync('bash', ['-eo', 'pipefail', '-c', line], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
        expect(res.status, `${line}\n${res.stderr}`).toBe(0);
      }
      for (const line of block.lines.filter(isExample)) {
        const res = spawnSync('bash', ['-eo', 'pipefail', '-c', countable(line)], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
        expect(res.status, `${line}\n${res.stderr}`).toBe(0);
        expect(matched(line, res.stdout), `${block.where}: ${line} returns no room`).toBeGreaterThanOrEqual(1);
        expect(res.stderr, line).not.toContain('warning:');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
