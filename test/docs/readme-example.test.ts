// The README's library example is code, not prose: extract it, point it at src/, run it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const root = join(import.meta.dirname, '../..');

describe('README library example', () => {
  it('runs and prints what it says', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = /<!-- readme-example[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const dir = mkdtempSync(join(root, 'test/docs/.tmp-'));
    const file = join(dir, 'example.ts');
    writeFileSync(file, (block ?? '').replace(/from 'room-query'/g, `from '${join(root, 'src/index.ts')}'`));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await import(file);
      const printed = log.mock.calls.map((c) => c.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
      expect(printed.some((line) => line.includes('filter:'))).toBe(true);
      expect(printed.at(-1)).toBe(JSON.stringify({ success: false, error: 'unauthorized' }));
    } finally {
      log.mockRestore();
    }
  });
});
