// The layer order and the absence of import cycles, read from the import lines of src/:
// value & base < query & model < request & auth < endpoint < compile < collection < plan < exec < core
// (query-rooms, explain, the root entry) < adapters (fixtures, load, store, live, mongo) < http < testing, cli,
// explorer (the browser page: it imports the root entry only).
// A file may import its own layer or lower ones, never a higher one; no cycle between files or between
// folders, except type-only recursion inside the query AST (query/filter-node ↔ and-node/or-node).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph, specifiersOf, type Edge } from './import-graph.js';

const root = join(import.meta.dirname, '../../src');

/** Layer of each top-level folder or root file (lower imports nothing higher). */
const LAYERS: ReadonlyArray<ReadonlyArray<string>> = [
  ['value', 'errors.ts', 'options.ts'],
  ['query', 'model'],
  ['request', 'auth'],
  ['endpoint'],
  ['compile'],
  ['collection'],
  ['plan'],
  ['exec'],
  ['query-rooms.ts', 'explain-plan.ts', 'explain.ts', 'index.ts'],
  ['fixtures', 'load', 'store', 'live', 'mongo'],
  ['http'],
  ['testing', 'cli', 'explorer'],
];
const CORE_TOP = LAYERS.findIndex((l) => l.includes('index.ts'));

const unitOf = (file: string): string => file.split('/')[0] as string;
const layerOf = (file: string): number => {
  const layer = LAYERS.findIndex((names) => names.includes(unitOf(file)));
  if (layer === -1) throw new Error(`${file}: not in any layer (add its folder to LAYERS)`);
  return layer;
};
/** A folder's node in the folder graph: its directory (collection/derived apart from collection), or the root file itself. */
const folderOf = (file: string): string => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : file);

/** Type-only recursion inside the query AST: the one allowed kind of cycle. */
const astRecursion = (e: Edge): boolean => e.typeOnly && e.from.startsWith('query/') && e.to.startsWith('query/');

const { files, edges } = importGraph(root);

describe('layers', () => {
  it('every file belongs to a layer', () => {
    for (const file of files) expect(() => layerOf(file), file).not.toThrow();
  });
  it('no file imports a higher layer', () => {
    const upward = edges.filter((e) => layerOf(e.to) > layerOf(e.from)).map((e) => `${e.from} → ${e.to}`);
    expect(upward).toEqual([]);
  });
  it('the core never imports an adapter, and no adapter reaches into another adapter past its entry', () => {
    const coreToAdapter = edges.filter((e) => layerOf(e.from) <= CORE_TOP && layerOf(e.to) > CORE_TOP);
    expect(coreToAdapter.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
    const intoInternals = edges.filter(
      (e) => layerOf(e.from) > CORE_TOP && layerOf(e.to) > CORE_TOP && unitOf(e.from) !== unitOf(e.to) && !e.to.endsWith('/index.ts'),
    );
    expect(intoInternals.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });
});

describe('no import cycles', () => {
  const counted = edges.filter((e) => !astRecursion(e));
  it('between files', () => {
    expect(
      cycles(
        files,
        counted.map((e) => [e.from, e.to] as const),
      ),
    ).toEqual([]);
  });
  it('between folders', () => {
    const folders = [...new Set(files.map(folderOf))];
    const between = counted.filter((e) => folderOf(e.from) !== folderOf(e.to)).map((e) => [folderOf(e.from), folderOf(e.to)] as const);
    expect(cycles(folders, between)).toEqual([]);
  });
});

describe('the checks bite', () => {
  it('reads import, export, type-only, multi-line and dynamic imports', () => {
    const text =
      "import type { A } from './a.js';\nimport {\n  b,\n  c,\n} from '../b.js';\nexport { d } from './d.js';\nexport type { E } from './e.js';\nconst f = await import('./f.js');";
    expect(specifiersOf(text)).toEqual([
      { spec: './a.js', typeOnly: true },
      { spec: '../b.js', typeOnly: false },
      { spec: './d.js', typeOnly: false },
      { spec: './e.js', typeOnly: true },
      { spec: './f.js', typeOnly: false },
    ]);
  });
  it('finds a cycle, and none in a chain', () => {
    expect(
      cycles(
        ['a', 'b', 'c'],
        [
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
        ],
      ),
    ).toEqual([['a', 'b', 'c']]);
    expect(
      cycles(
        ['a', 'b', 'c'],
        [
          ['a', 'b'],
          ['b', 'c'],
        ],
      ),
    ).toEqual([]);
  });
});
