// Runs a page's code blocks the way a reader would: TypeScript blocks with tsx (imports of
// 'room-query' pointed at src/), `*.test.ts` blocks with vitest, shell blocks with bash and a
// `room-query` command on PATH. Everything is written under test/docs/.tmp-*/ (git-ignored).

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CodeBlock, SH_LANGS, TS_LANGS } from './code-blocks.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = import.meta.resolve('tsx');

export interface Workspace {
  readonly dir: string;
  /** Holds the `room-query` shim. */
  readonly bin: string;
}

export const createWorkspace = (): Workspace => {
  const dir = mkdtempSync(join(ROOT, 'test/docs/.tmp-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const shim = join(bin, 'room-query');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" --import "${TSX}" "${join(ROOT, 'src/cli/main.ts')}" "$@"\n`);
  chmodSync(shim, 0o755);
  return { dir, bin };
};

/** What a block is: run as TypeScript, as a vitest file, as shell, or not code to run. */
export const kindOf = (block: CodeBlock): 'ts' | 'test' | 'sh' | 'other' => {
  if (TS_LANGS.has(block.lang)) return block.file?.endsWith('.test.ts') === true ? 'test' : 'ts';
  return SH_LANGS.has(block.lang) ? 'sh' : 'other';
};

/** Every entry of package.json's `exports` (`room-query`, `room-query/store`, …) → its source file. */
const ENTRY_SOURCES: ReadonlyMap<string, string> = (() => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  const entries = new Map<string, string>();
  for (const [key, target] of Object.entries(pkg.exports)) {
    const conditions = target as { import?: string; default?: string };
    const built = typeof target === 'string' ? target : (conditions.import ?? conditions.default);
    if (built === undefined || !built.startsWith('./dist/')) continue;
    entries.set(key === '.' ? 'room-query' : `room-query/${key.slice(2)}`, join(ROOT, 'src', built.slice('./dist/'.length)));
  }
  return entries;
})();

/** Points the package's import specifiers at the sources (tsx maps `.js` to `.ts`). */
export const toSourceImports = (code: string): string =>
  code.replace(/(['"])(room-query(?:\/[\w./-]+)?)\1/g, (whole, _quote: string, specifier: string) => {
    const source = ENTRY_SOURCES.get(specifier);
    return source === undefined ? whole : `'${source}'`;
  });

/** The file name a block is written to in its page's folder. */
export const fileOf = (block: CodeBlock): string => block.file ?? `block-${block.line}.ts`;

export const pageDir = (ws: Workspace, page: string): string => {
  const dir = join(ws.dir, basename(page, '.md'));
  mkdirSync(dir, { recursive: true });
  return dir;
};

const env = (ws: Workspace): NodeJS.ProcessEnv => ({
  ...process.env,
  PATH: `${ws.bin}:${process.env['PATH'] ?? ''}`,
  NO_COLOR: '1',
  FORCE_COLOR: '0',
});

const TIMEOUT_MS = 120_000;

export const runBlock = (ws: Workspace, dir: string, block: CodeBlock): SpawnSyncReturns<string> => {
  const options = { cwd: dir, encoding: 'utf8' as const, env: env(ws), timeout: TIMEOUT_MS };
  switch (kindOf(block)) {
    case 'ts':
      return spawnSync(process.execPath, ['--import', TSX, join(dir, fileOf(block))], options);
    case 'test':
      writeFileSync(join(dir, 'vitest.config.mjs'), "export default { test: { include: ['**/*.test.ts'] } };\n");
      return spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--config', join(dir, 'vitest.config.mjs'), fileOf(block)],
        options,
      );
    case 'sh':
      return spawnSync('bash', ['-eo', 'pipefail', '-c', block.code], options);
    default:
      throw new Error(`block at line ${block.line} is not code to run`);
  }
};

/** Type-checks every TypeScript block written under the workspace, with the project's compiler options. */
export const typeCheck = (ws: Workspace): SpawnSyncReturns<string> => {
  writeFileSync(
    join(ws.dir, 'tsconfig.json'),
    JSON.stringify({ extends: join(ROOT, 'tsconfig.json'), compilerOptions: { noEmit: true, rootDir: ROOT }, include: ['**/*.ts'] }),
  );
  return spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ws.dir, 'tsconfig.json')], {
    cwd: ws.dir,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
  });
};
