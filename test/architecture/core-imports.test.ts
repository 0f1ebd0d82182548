// The core never imports an adapter, node:*, immer or a clock: scan the import lines of core files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../src');
// The layer order itself and the cycle checks are in layers.test.ts.
const CORE_DIRS = ['value', 'request', 'auth', 'query', 'endpoint', 'compile', 'collection', 'plan', 'exec', 'model'];
const CORE_FILES = ['errors.ts', 'options.ts', 'query-rooms.ts', 'explain.ts', 'explain-plan.ts', 'index.ts'];
const ADAPTERS = ['store', 'live', 'mongo', 'http', 'cli', 'fixtures', 'load', 'testing'];

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });

const coreFiles = [
  ...CORE_DIRS.flatMap((d) => {
    try {
      return walk(join(root, d));
    } catch {
      return [];
    }
  }),
  ...CORE_FILES.map((f) => join(root, f)),
];

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);

describe('core module boundaries', () => {
  it.each(coreFiles.map((f) => [relative(root, f), f]))('%s imports no adapter, node:*, immer or mongodb', (_name, file) => {
    for (const spec of importsOf(file)) {
      expect(spec.startsWith('node:'), spec).toBe(false);
      expect(['immer', 'mongodb', 'fast-json-patch'].includes(spec), spec).toBe(false);
      expect(
        ADAPTERS.some((a) => spec.includes(`/${a}/`) || spec === `../${a}` || spec.endsWith(`/${a}/index.js`)),
        spec,
      ).toBe(false);
      expect(/(^|\/)index\.js$/.test(spec) && spec.startsWith('.'), `${spec}: the core must not import the public entry`).toBe(false);
    }
  });
  it('core files use no clock or randomness', () => {
    for (const file of coreFiles) {
      const text = readFileSync(file, 'utf8');
      expect(/Math\.random|Date\.now\(|new Date\(\)/.test(text), file).toBe(false);
    }
  });
});
