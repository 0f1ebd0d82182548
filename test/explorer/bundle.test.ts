// The page's code stays browser code: its own tsconfig (DOM, no node types) type-checks, and the
// esbuild bundle (platform browser) builds without any node:* module.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildExplorer } from '../../scripts/build-explorer.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('explorer bundle', () => {
  it('type-checks with the browser tsconfig', async () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    await expect(
      promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', 'src/explorer/tsconfig.json'], { cwd: ROOT }),
    ).resolves.toBeDefined();
  });

  it('builds index.html, explorer.js and explorer.css that load only same-origin files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'explorer-bundle-'));
    try {
      await buildExplorer(dir);
      const html = await readFile(join(dir, 'index.html'), 'utf8');
      expect(html).toContain('src="/explorer/explorer.js"');
      expect(html).toContain('href="/explorer/explorer.css"');
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      const js = await readFile(join(dir, 'explorer.js'), 'utf8');
      expect(js).not.toMatch(/from"node:|require\("node:/);
      expect(await readFile(join(dir, 'explorer.css'), 'utf8')).not.toMatch(/@import|url\(/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
