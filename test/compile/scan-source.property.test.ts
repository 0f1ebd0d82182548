// The generated scan loop and the optimistic predicate answer exactly as the safe closures on hostile
// documents: keys inherited from a prototype, arrays and Dates holding own keys, null-prototype objects,
// primitives, throwing getters on a prototype, and a polluted Object.prototype.
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/compile/compile-filter.js';
import { compileScanLoop, openGate } from '../../src/compile/scan-source.js';
import { optimisticPredicate } from '../../src/compile/optimistic-predicate.js';
import { AndNode } from '../../src/query/and-node.js';
import { EqNode } from '../../src/query/eq-node.js';
import { ExistsNode } from '../../src/query/exists-node.js';
import type { FilterNode } from '../../src/query/filter-node.js';
import { FieldPath } from '../../src/query/field-path.js';
import { InNode } from '../../src/query/in-node.js';
import { IsTrueNode } from '../../src/query/is-true-node.js';
import { NotNode } from '../../src/query/not-node.js';
import { OrNode } from '../../src/query/or-node.js';
import { RangeNode } from '../../src/query/range-node.js';
import { ServedByNode } from '../../src/query/served-by-node.js';
import { SubstringNode } from '../../src/query/substring-node.js';
import { compileQuery, parseRoomsParams, runQueryWithStats, scopeQuery, type Room } from '../../src/index.js';

const PATHS = ['t', 'ts', 'v._id', 'queue', 'name', 'open', 'tags', 'weird.key', 'servedBy._id', 'length', 'constructor'];

const leafValue = fc.oneof(
  fc.constantFrom('v', 'x', 'A', 'ab', '', true, false, null, undefined, 0, 3),
  fc.constantFrom(new Date(5), new Date(Number.NaN), new Date(100)),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: leafValue },
  { weight: 1, arbitrary: fc.array(leafValue, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.sparseArray(leafValue, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.record({ _id: leafValue, t: leafValue }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.record({ _id: leafValue }).map((o) => Object.create(o) as unknown) },
);

const fields = fc.dictionary(fc.constantFrom('t', 'ts', 'v', 'queue', 'name', 'open', 'tags', 'weird', 'servedBy', 'length'), value, {
  maxKeys: 6,
});

const throwingProto = Object.create(null, {
  t: {
    get() {
      throw new Error('getter on a prototype');
    },
  },
});

/** A document as a caller might pass it, plain or not. */
const doc: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fields },
  { weight: 1, arbitrary: fields.map((f) => Object.assign(Object.create(null) as object, f)) },
  { weight: 1, arbitrary: fc.tuple(fields, fields).map(([proto, own]) => Object.assign(Object.create(proto) as object, own)) },
  {
    weight: 1,
    arbitrary: fields.map((f) => {
      const { length: _length, ...rest } = f;
      return Object.assign([], rest);
    }),
  },
  { weight: 1, arbitrary: fields.map((f) => Object.assign(new Date(7), f)) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>('v', 'abc', 3, null, undefined, true) },
  {
    weight: 1,
    arbitrary: fields.map((f) => {
      const { t: _own, ...rest } = f;
      return Object.assign(Object.create(throwingProto) as object, rest);
    }),
  },
);

const leaf: fc.Arbitrary<FilterNode> = fc.oneof(
  fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom('v', 'x', 'A', 'ab', '')).map(([p, v]) => EqNode.create(p, v)),
  fc
    .tuple(fc.constantFrom(...PATHS), fc.array(fc.constantFrom('v', 'x', 'A'), { minLength: 1, maxLength: 3 }))
    .map(([p, vs]) => InNode.create(p, vs)),
  // Past four values the loop tests a Set rather than comparisons.
  fc
    .tuple(fc.constantFrom(...PATHS), fc.shuffledSubarray(['v', 'x', 'A', 'ab', '', 'B', 'y'], { minLength: 5 }))
    .map(([p, vs]) => InNode.create(p, vs)),
  fc.tuple(fc.constantFrom(...PATHS), fc.boolean()).map(([p, e]) => ExistsNode.create(p, e)),
  fc.constantFrom(...PATHS).map((p) => IsTrueNode.create(p)),
  fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom('a', 'B', '.', '')).map(([p, n]) => SubstringNode.create(p, n)),
  fc.constantFrom(...PATHS).map((p) => RangeNode.create(p, new Date(0), new Date(50))),
  fc.constantFrom('v', 'x').map((id) => ServedByNode.create(id)),
);
const filter: fc.Arbitrary<FilterNode> = fc.letrec<{ node: FilterNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    tie('node').map((c) => NotNode.create(c)),
    fc.array(tie('node'), { maxLength: 3 }).map((cs) => OrNode.create(cs)),
    fc.array(tie('node'), { maxLength: 3 }).map((cs) => AndNode.create(cs)),
  ),
})).node;

const safely = (f: () => boolean): boolean | 'throws' => {
  try {
    return f();
  } catch {
    return 'throws';
  }
};

describe('optimistic scan = safe predicate', () => {
  it('optimisticPredicate answers as compileFilter on any document', () => {
    fc.assert(
      fc.property(filter, fc.array(doc, { maxLength: 8 }), (node, docs) => {
        const safe = compileFilter(node);
        const fast = optimisticPredicate(node);
        for (const d of docs) expect(safely(() => fast(d))).toEqual(safely(() => safe(d)));
      }),
      { numRuns: 400 },
    );
  });

  it('the generated loop offers exactly the matching positions, also with Object.prototype polluted', () => {
    fc.assert(
      fc.property(fc.array(filter, { maxLength: 3 }), fc.array(doc, { maxLength: 12 }), fc.boolean(), (children, docs, pollute) => {
        const root = { children };
        const safe = compileFilter(AndNode.create(children));
        const expected = docs.flatMap((d, i) => (safely(() => safe(d)) === true ? [i] : []));
        const loop = compileScanLoop(root, [{ path: FieldPath.of('ts'), direction: -1 }]);
        expect(loop).toBeDefined();
        const offered: number[] = [];
        const gate = openGate();
        if (pollute) (Object.prototype as Record<string, unknown>)['t'] = 'v';
        try {
          const matched = (() => {
            try {
              return (loop as NonNullable<typeof loop>)(docs, (_d, i) => void offered.push(i), gate, undefined);
            } catch {
              return 'throws' as const;
            }
          })();
          // A throwing plain read makes the caller (exec/scan.ts) rerun the safe closures.
          if (matched !== 'throws') {
            expect(offered).toEqual(expected);
            expect(matched).toBe(expected.length);
          }
        } finally {
          delete (Object.prototype as Record<string, unknown>)['t'];
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('scan with the generated loop = scan with the safe closures', () => {
  const ADMIN = { _id: 'admin', username: 'admin', roles: ['admin'] };
  /** One request run by the generated scan loop and by the safe closures (scanLoop removed), over the same rooms. */
  const fastAndSafe = (params: Record<string, string>, docs: ReadonlyArray<unknown>) => {
    const parsed = parseRoomsParams(params);
    if (E.isLeft(parsed)) throw new Error(`params ${JSON.stringify(parsed.left)}`);
    const scoped = scopeQuery(parsed.right, ADMIN);
    if (E.isLeft(scoped)) throw new Error('scope');
    const compiled = compileQuery(scoped.right);
    expect(compiled.scanLoop).toBeDefined();
    const rooms = docs as Room[];
    return { fast: runQueryWithStats(compiled, rooms), safe: runQueryWithStats({ ...compiled, scanLoop: undefined }, rooms) };
  };
  const roomish = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(doc, fc.constantFrom('v', 'x'))
        .map(([d, t]) => (typeof d === 'object' && d !== null ? Object.defineProperty(d, 't', { value: t, enumerable: true }) : d)),
    },
    { weight: 1, arbitrary: doc },
  );
  it('same page and total for sorts on ts, queue and name, both directions, small pages', () => {
    fc.assert(
      fc.property(
        fc.array(roomish, { maxLength: 40 }),
        fc.constantFrom('ts', 'queue', 'name', 'v._id'),
        fc.constantFrom(1, -1),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 3 }),
        (docs, field, dir, count, offset) => {
          const { fast, safe } = fastAndSafe(
            { sort: JSON.stringify({ [field]: dir }), count: String(count), offset: String(offset) },
            docs,
          );
          expect(fast.page.total).toBe(safe.page.total);
          expect(fast.page.rooms.map((r) => r['_id'])).toEqual(safe.page.rooms.map((r) => r['_id']));
          expect(fast.page.rooms.length).toBe(safe.page.rooms.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  // Few distinct values per key (and duplicate or missing `_id`s), so rooms tie the worst kept one on
  // leading keys and the inline rejection goes on to the next key, the tie-break and the position.
  const tied = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom<unknown>('a', 'b', 'c', new Date(5), new Date(9)) },
    { weight: 1, arbitrary: leafValue },
  );
  const tiedShape = { _id: tied, ts: tied, queue: tied, name: tied, v: fc.record({ _id: tied }) };
  const allFields = fc.record(tiedShape);
  const tiedFields = fc.record(tiedShape, { requiredKeys: [] });
  // Sort keys read from a prototype, an array or a Date: the plain read sees them, the safe read does not.
  const tiedRoom = fc.oneof(
    { weight: 8, arbitrary: allFields.map((r) => ({ ...r, t: 'v' })) },
    { weight: 1, arbitrary: tiedFields.map((r) => ({ ...r, t: 'v' })) },
    {
      weight: 2,
      arbitrary: fc.tuple(allFields, tiedFields).map(([proto, own]) => Object.assign(Object.create(proto) as object, own, { t: 'v' })),
    },
    { weight: 1, arbitrary: tiedFields.map((r) => Object.assign([], r, { t: 'v' })) },
    { weight: 1, arbitrary: tiedFields.map((r) => Object.assign(new Date(3), r, { t: 'v' })) },
    { weight: 1, arbitrary: roomish },
  );
  it('same page and total for sorts on up to three keys with many ties, pages past the first', () => {
    fc.assert(
      fc.property(
        fc.array(tiedRoom, { maxLength: 60 }),
        fc.uniqueArray(fc.tuple(fc.constantFrom('ts', 'queue', 'name', 'v._id', '_id'), fc.constantFrom(1, -1)), {
          minLength: 1,
          maxLength: 3,
          selector: ([field]) => field,
        }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        (docs, keys, count, offset) => {
          const { fast, safe } = fastAndSafe(
            { sort: JSON.stringify(Object.fromEntries(keys)), count: String(count), offset: String(offset) },
            docs,
          );
          expect(fast.page.total).toBe(safe.page.total);
          expect(fast.page.rooms.map((r) => r['_id'])).toEqual(safe.page.rooms.map((r) => r['_id']));
          expect(fast.page.rooms.map((r) => r)).toEqual(safe.page.rooms.map((r) => r));
        },
      ),
      { numRuns: 800 },
    );
  });

  it('the written-out `in` reads every element of an array, as the safe test does', () => {
    const sparse: unknown[] = ['x'];
    sparse[2] = 'vip';
    const tagsOf = [
      ['vip'],
      ['a', 'b', 'vip'],
      ['a', 'billing'],
      ['a', 'b', 'c'],
      [],
      [3, null, 'vip'],
      sparse,
      'vip',
      'zz',
      [['vip']],
      undefined,
    ];
    const docs = tagsOf.map((tags) => (tags === undefined ? {} : { tags }));
    for (const values of [['vip'], ['vip', 'billing'], ['vip', 'billing', 'q1', 'q2', 'q3', 'q4']]) {
      const node = InNode.create('tags', values);
      const safe = compileFilter(node);
      const expected = docs.flatMap((d, i) => (safe(d) ? [i] : []));
      const loop = compileScanLoop({ children: [node] }, [{ path: FieldPath.of('ts'), direction: -1 }]);
      const offered: number[] = [];
      (loop as NonNullable<typeof loop>)(docs, (_d, i) => void offered.push(i), openGate(), undefined);
      expect(offered).toEqual(expected);
      expect(expected.length).toBeGreaterThan(2);
    }
  });
});
