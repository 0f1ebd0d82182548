// The scan's loop as generated source, one function per filter shape: every condition written out
// (no closure call per condition per room), plain property reads tested first and the own-property
// checks only for rooms that pass (optimistic-predicate.ts says why that is sound), and the top-k's
// rejection on the whole sort-key tuple inline. Type feedback is then per query shape, as in a loop by hand.
// No request text ever enters the source: paths, values, patterns and sets are constants passed to
// the generated factory by position (`k0`, `k1`, ...); the source holds only this file's templates and scan-emitter.ts's.
import type { FilterNode } from '../query/filter-node.js';
import type { FieldPath } from '../query/field-path.js';
import { compileFilter } from './compile-filter.js';
import { escapeRegExp, leafTest } from './operators.js';
import { nearlyAllPass, scanOrder } from './scan-predicate.js';
import { constant, owns, PLAIN_D, rawRead, type Emitter } from './scan-emitter.js';

/** An `in` of at most this many values is tested by comparisons, a longer one by a Set. */
const IN_INLINE = 4;

/** The most sort keys the loop compares inline; a room tying the worst kept one on all of them is offered. */
export const GATE_KEYS = 4;

/**
 * What the loop reads of the top-k (exec/top-k.ts): the sort keys of the worst kept room, one entry
 * per key of the sort (at most GATE_KEYS), so a room losing to it on the key tuple is rejected inline.
 */
export interface ScanGate {
  /** The heap is full: rejection is on. */
  full: boolean;
  /** Per key: 0 unknown (the loop offers the room), 1 the valid time `times[i]`, 2 the string `texts[i]`. */
  readonly kinds: number[];
  readonly times: number[];
  readonly texts: string[];
  /** Per key: a room missing this key sorts strictly after the worst one on it. */
  readonly missingLoses: boolean[];
  /** The worst kept room's position: a room tying it on every key comes later and loses. */
  position: number;
}

/** A gate with rejection off. */
export const openGate = (): ScanGate => ({
  full: false,
  kinds: new Array<number>(GATE_KEYS).fill(0),
  times: new Array<number>(GATE_KEYS).fill(Number.NaN),
  texts: new Array<string>(GATE_KEYS).fill(''),
  missingLoses: new Array<boolean>(GATE_KEYS).fill(false),
  position: 0,
});

/** The generated scan: counts the matches of `docs` (skipping `skip`ped positions) and offers each to `offer`. */
export type ScanLoop = (
  docs: ReadonlyArray<unknown>,
  offer: (doc: unknown, position: number) => void,
  gate: ScanGate,
  skip: ((position: number) => boolean) | undefined,
) => number;

/** An expression testing value variable `v` for a leaf (the same tests as operators.ts, written out). */
const valueTest = (e: Emitter, node: FilterNode, v: string, test: (value: unknown) => boolean): string => {
  switch (node.kind) {
    case 'eq': {
      const k = constant(e, node.value);
      return `(${v} === ${k} || (Array.isArray(${v}) && ${v}.includes(${k})))`;
    }
    case 'in': {
      // Written out: a string is one of the values, or an array holds one (elements read as the array
      // method's would: holes as undefined, never a match). A few values as comparisons, more as a Set.
      const few = node.values.length <= IN_INLINE;
      const ks = few ? node.values.map((x) => constant(e, x)) : [];
      const set = few ? '' : constant(e, new Set(node.values));
      const hit = (x: string): string =>
        few ? `(${ks.map((k) => `${x} === ${k}`).join(' || ')})` : `(typeof ${x} === 'string' && ${set}.has(${x}))`;
      const helper = `h${e.helpers.length}`;
      e.helpers.push(`function ${helper}(a) {
    for (let j = 0, m = a.length; j < m; j++) {
      const x = a[j];
      if (${hit('x')}) return true;
    }
    return false;
  }`);
      return `(typeof ${v} === 'string' ? ${hit(v)} : Array.isArray(${v}) && ${helper}(${v}))`;
    }
    case 'served-by':
      return `(${v} === ${constant(e, node.agentId)})`;
    case 'exists':
      return `(${v} !== undefined)`;
    case 'true':
      return `(${v} === true || (Array.isArray(${v}) && ${v}.includes(true)))`;
    case 'range': {
      const lo = constant(e, node.gte?.getTime() ?? Number.NEGATIVE_INFINITY);
      const hi = constant(e, node.lte?.getTime() ?? Number.POSITIVE_INFINITY);
      const t = e.fresh();
      return `(${v} instanceof Date ? ((${t} = ${v}.getTime()), ${t} >= ${lo} && ${t} <= ${hi}) : Array.isArray(${v}) && ${constant(e, test)}(${v}))`;
    }
    case 'substring': {
      const pattern = constant(e, new RegExp(escapeRegExp(node.needle), 'i'));
      return `(typeof ${v} === 'string' ? ${pattern}.test(${v}) : Array.isArray(${v}) && ${constant(e, test)}(${v}))`;
    }
    default:
      return `${constant(e, test)}(${v})`;
  }
};

/** An expression: `node` holds for room `d`. */
const condition = (e: Emitter, node: FilterNode): string => {
  switch (node.kind) {
    case 'and':
      return node.children.length === 0 ? 'true' : `(${node.children.map((c) => condition(e, c)).join(' && ')})`;
    case 'or':
      return node.children.length === 0 ? 'false' : `(${node.children.map((c) => condition(e, c)).join(' || ')})`;
    case 'not':
      return `!${condition(e, node.child)}`;
    case 'none':
      return 'false';
    default:
      break;
  }
  const leaf = leafTest(node);
  if (leaf === undefined || leaf.test(undefined)) return `${constant(e, compileFilter(node))}(d)`;
  const v = e.fresh();
  return `((${v} = ${rawRead(e, leaf.path)}), ${valueTest(e, node, v, leaf.test)} && ${owns(e, leaf.path)})`;
};

/**
 * A condition of the root AND as its plain test and, for an optimistic leaf, the own-property check of
 * its path apart: the loop runs every plain test first and the checks only for a room that passed them
 * all (an AND of pure conditions: `a && oa && b && ob` is `a && b && oa && ob`), once per path.
 */
const rootCondition = (e: Emitter, node: FilterNode): { test: string; path?: FieldPath } => {
  const leaf = leafTest(node);
  if (leaf === undefined || leaf.test(undefined)) return { test: condition(e, node) };
  const v = e.fresh();
  return { test: `((${v} = ${rawRead(e, leaf.path)}), ${valueTest(e, node, v, leaf.test)})`, path: leaf.path };
};

/**
 * The inline rejection: the room's sort keys (plain reads) against the worst kept room's, key by key.
 * A key of another type than the worst's (or an invalid Date) stops it: the room is offered and the
 * top-k decides exactly. A rejection stands only when each key it read is the safe one (own property)
 * or a missing key would lose there too (the safe key is the plain one or missing).
 */
const keyTupleGate = (
  e: Emitter,
  keys: ReadonlyArray<{ readonly path: FieldPath; readonly direction: 1 | -1 }>,
  eager: boolean,
): { head: string; test: string; sync: string } => {
  const v = e.fresh();
  const t = e.fresh();
  const c = e.fresh();
  let head = '';
  const gated = keys.slice(0, GATE_KEYS);
  // The gate's entries as locals (gk: kind, gt: time, gs: text, gm: missing loses), reloaded only after an
  // offer (the one thing that moves the worst kept room), so the per-room test reads no object.
  const sync = [
    'gf = gate.full',
    'gp = gate.position',
    ...gated.map(
      (_, i) => `gk${i} = gate.kinds[${i}], gt${i} = gate.times[${i}], gs${i} = gate.texts[${i}], gm${i} = gate.missingLoses[${i}]`,
    ),
  ].join(', ');
  e.locals.push('gf', 'gp', ...gated.flatMap((_, i) => [`gk${i}`, `gt${i}`, `gs${i}`, `gm${i}`]));
  const safe: string[] = [];
  const steps = gated.map((key, i) => {
    safe.push(`(gm${i} || ${owns(e, key.path)})`);
    // c: -1 the room's key is lower than the worst's, 1 higher, 0 equal, 2 not comparable here.
    const early = i === 0 && eager;
    const isDate = early ? e.fresh() : `(${v} instanceof Date)`;
    const read = `${v} = ${rawRead(e, key.path)};`;
    // Eager: the key and whether it is a Date are read at the top of the loop, compared here.
    if (early) head = `\n      ${read}\n      ${isDate} = ${v} instanceof Date;`;
    return `${early ? '' : `\n          ${read}`}
          ${c} = gk${i} === 1
            ? (${isDate} ? ((${t} = ${v}.getTime()), ${t} < gt${i} ? -1 : ${t} > gt${i} ? 1 : ${t} === ${t} ? 0 : 2) : 2)
            : gk${i} === 2 ? (typeof ${v} === 'string' ? (${v} < gs${i} ? -1 : ${v} > gs${i} ? 1 : 0) : 2) : 2;
          if (${c} !== 0) {
            if (${c} === ${key.direction === 1 ? '1' : '-1'} && ${safe.join(' && ')}) continue;
            break reject;
          }`;
  });
  const tied = keys.length <= GATE_KEYS ? `\n          if (i > gp && ${safe.join(' && ')}) continue;` : '';
  return {
    head,
    sync,
    test: `
      if (gf) {
        reject: {${steps.join('')}${tied}
        }
      }`,
  };
};

const cache = new Map<string, (...constants: unknown[]) => ScanLoop>();
const CACHE_LIMIT = 512;

const factoryOf = (source: string, arity: number): ((...constants: unknown[]) => ScanLoop) => {
  let factory = cache.get(source);
  if (factory === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const names = Array.from({ length: arity }, (_, i) => `k${i}`);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the source is built from this file's templates only
    factory = new Function(...names, source) as (...constants: unknown[]) => ScanLoop;
    cache.set(source, factory);
  }
  return factory;
};

/**
 * The scan loop of a root AND (its conditions in scan order) under the sort `keys` (tie-break included);
 * undefined where code cannot be generated (a Content-Security-Policy forbidding eval): the closures then.
 */
export const compileScanLoop = (
  filter: { readonly children: ReadonlyArray<FilterNode> },
  keys: ReadonlyArray<{ readonly path: FieldPath; readonly direction: 1 | -1 }>,
): ScanLoop | undefined => {
  const vars: string[] = [];
  const e: Emitter = {
    constants: [],
    helpers: [],
    locals: [],
    plainKnown: false,
    lazy: false,
    clean: [],
    fresh: () => {
      vars.push(`x${vars.length}`);
      return vars[vars.length - 1] as string;
    },
  };
  const parts = scanOrder(filter.children).map((node) => rootCondition(e, node));
  const checked = new Map<string, FieldPath>();
  for (const part of parts) if (part.path !== undefined) checked.set(part.path.dotted, part.path);
  const tests = parts.map((part) => part.test);
  if (checked.size > 0) {
    // A leaf's plain read of the room passed, so the room is neither null nor undefined here.
    tests.push(`((pd = ${PLAIN_D} ? 1 : 2), true)`);
    e.plainKnown = true;
    for (const path of checked.values()) tests.push(owns(e, path));
  }
  const test = tests.join(' && ');
  // Where nearly every room passes the filter (the room type alone), the first sort key (and whether it is
  // a Date) is read before the filter and compared after it: every room needs it, and its loads then
  // overlap the filter's (the 1M-room admin page 1.16-1.26x -> 0.91-1.03x the hand loop in one process);
  // where the filter rejects most rooms, reading it first would be wasted.
  const gate = keyTupleGate(e, keys, keys.length > 0 && nearlyAllPass(filter.children));
  const declared = ['pd', ...vars, ...e.locals];
  const clean = [...new Set(e.clean)].map((k) => `!(${k} in OP)`).join(' && ') || 'true';
  // PO: the prototype a plain room has, or (Object.prototype holding a step read) an object no room can
  // have as its prototype, which turns the shortcut off without a test per room.
  const source = `const OP = Object.prototype;
  const NONE = {};
  ${e.helpers.join('\n  ')}
  return function scan(docs, offer, gate, skip) {
    // Read per scan: a key added to Object.prototype since compiling turns the shortcut off.
    const PO = ${clean} ? OP : NONE;
    let matched = 0;
    let ${declared.join(', ')};
    ${gate.sync};
    for (let i = 0, n = docs.length; i < n; i++) {
      if (skip !== undefined && skip(i)) continue;
      const d = docs[i];${gate.head}${e.lazy ? '\n      pd = 0;' : ''}
      if (!(${test || 'true'})) continue;
      matched++;${gate.test}
      offer(d, i);
      ${gate.sync};
    }
    return matched;
  };`;
  try {
    return factoryOf(source, e.constants.length)(...e.constants);
  } catch {
    return undefined;
  }
};
