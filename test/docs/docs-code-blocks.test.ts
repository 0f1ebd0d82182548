// Docs cannot rot: every ```ts and ```sh block of the README and of the user docs is type-checked and
// run; a block may opt out only with a visible `<!-- not-run: reason -->` marker above it.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeBlocks, type CodeBlock } from './code-blocks.js';
import { createWorkspace, fileOf, kindOf, pageDir, ROOT, runBlock, toSourceImports, typeCheck } from './run-docs.js';

/** Every page: the README and everything in docs/ (a new page is covered the moment it is added). */
export const PAGES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

const ws = createWorkspace();
const pages = PAGES.map((page) => {
  const blocks = codeBlocks(readFileSync(join(ROOT, page), 'utf8'));
  return { page, blocks, dir: pageDir(ws, page), runnable: blocks.filter((b) => b.notRun === undefined && kindOf(b) !== 'other') };
});

// All files first: a block may import a file a later block defines.
for (const { blocks, dir } of pages) {
  for (const b of blocks)
    if (b.notRun === undefined && (kindOf(b) === 'ts' || kindOf(b) === 'test'))
      writeFileSync(join(dir, fileOf(b)), toSourceImports(b.code));
}

const label = (b: CodeBlock): string => `${kindOf(b)} block at line ${b.line}${b.file === undefined ? '' : ` (${b.file})`}`;

describe('docs code blocks', () => {
  afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

  it('every code block runs or gives its reason not to', () => {
    for (const { page, blocks } of pages) {
      for (const b of blocks) if (b.notRun !== undefined) expect(b.notRun.length, `${page}:${b.line}`).toBeGreaterThan(3);
    }
  });

  it('every TypeScript block type-checks', () => {
    const res = typeCheck(ws);
    expect(res.stdout + res.stderr).toBe('');
    expect(res.status).toBe(0);
  });

  for (const { page, dir, runnable } of pages.filter((p) => p.runnable.length > 0)) {
    describe(page, () => {
      it.each(runnable.map((b) => [label(b), b] as const))('%s runs', (_, block) => {
        const res = runBlock(ws, dir, block);
        expect(res.status, `${page}:${block.line}\n${res.stdout}\n${res.stderr}`).toBe(0);
        for (const text of block.prints) expect(res.stdout, `${page}:${block.line}`).toContain(text);
      });
    });
  }
});
