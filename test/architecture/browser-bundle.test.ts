// The root entry is the pure core: bundled for the browser, it must reach no node builtin (node:http,
// node:fs, node:crypto...). esbuild resolves every import; a plugin records any builtin it meets.
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

const bundle = async (entry: string): Promise<{ builtins: string[]; errors: number }> => {
  const met: string[] = [];
  const spy: Plugin = {
    name: 'node-builtins',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (!builtins.has(args.path) && !args.path.startsWith('node:')) return undefined;
        met.push(`${args.path} (imported by ${args.importer.replace(ROOT, '')})`);
        return { path: args.path, external: true };
      });
    },
  };
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins: [spy],
  });
  return { builtins: met, errors: result.errors.length };
};

describe('browser-safe root entry', () => {
  it('src/index.ts bundles for the browser with no node builtin reachable', async () => {
    const { builtins: met, errors } = await bundle('src/index.ts');
    expect(met).toEqual([]);
    expect(errors).toBe(0);
  });
  it('the check bites: the http entry does reach node builtins', async () => {
    const { builtins: met } = await bundle('src/http/index.ts');
    expect(met.length).toBeGreaterThan(0);
  });
});
