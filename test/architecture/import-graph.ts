// The source tree's import graph, read from the TypeScript import/export lines (no dependency): which
// file imports which, whether only for types, and the strongly connected components (cycles) of a graph.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface Edge {
  /** Paths relative to the source root, with `.ts`. */
  readonly from: string;
  readonly to: string;
  /** `import type` / `export type`: erased at run time. */
  readonly typeOnly: boolean;
}

const IMPORT_LINE =
  /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

export const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });

/** Every import/export specifier of `text`, with whether it is type-only. */
export const specifiersOf = (text: string): ReadonlyArray<{ spec: string; typeOnly: boolean }> =>
  [...text.matchAll(IMPORT_LINE)].map((m) => ({ spec: (m[3] ?? m[4] ?? m[5]) as string, typeOnly: m[2] !== undefined }));

/** The relative imports between the `.ts` files under `root` (packages and node:* left out). */
export const importGraph = (root: string): { files: string[]; edges: Edge[] } => {
  const files = walk(root).map((f) => relative(root, f));
  const edges = files.flatMap((file) =>
    specifiersOf(readFileSync(join(root, file), 'utf8'))
      .filter(({ spec }) => spec.startsWith('.'))
      .map(({ spec, typeOnly }) => ({
        from: file,
        to: relative(root, resolve(root, dirname(file), spec)).replace(/\.js$/, '.ts'),
        typeOnly,
      })),
  );
  return { files, edges };
};

/** Strongly connected components with more than one node, or a self-loop (Tarjan). */
export const cycles = (nodes: ReadonlyArray<string>, edges: ReadonlyArray<readonly [string, string]>): string[][] => {
  const next = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const [a, b] of edges) (next.get(a) ?? next.set(a, []).get(a)!).push(b);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return found;
};
