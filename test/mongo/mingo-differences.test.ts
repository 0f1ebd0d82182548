// Where mingo (our MongoDB stand-in) and MongoDB differ, on the shapes toMongoQuery emits or the oracle
// relies on. Each test pins mingo's side and says which side our code takes; docs/mongo.md lists them.
// MongoDB's side comes from its documentation; no server can be installed here to run it.
import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';

const find = (docs: object[], filter: object, projection: object = {}) => new Query(filter as never).find(docs, projection as never);
const ids = (docs: object[], filter: object): unknown[] =>
  find(docs, filter, { _id: 1 })
    .all()
    .map((d) => (d as { _id: unknown })._id);

describe('mingo vs MongoDB, pinned', () => {
  it('limit(0): mingo returns nothing, MongoDB means "no limit" (toMongoQuery emits 0; the oracle skips limit(0))', () => {
    expect(
      find([{ _id: 1 }, { _id: 2 }], {})
        .limit(0)
        .all(),
    ).toEqual([]);
  });

  it('sort ties: mingo keeps input order (MongoDB: unspecified), so only the _id tie-break makes paging stable', () => {
    const docs = [
      { _id: 'b', ts: 1 },
      { _id: 'a', ts: 1 },
    ];
    expect(
      find(docs, {})
        .sort({ ts: -1 })
        .all()
        .map((d) => (d as { _id: string })._id),
    ).toEqual(['b', 'a']);
    expect(
      find(docs, {})
        .sort({ ts: -1, _id: 1 })
        .all()
        .map((d) => (d as { _id: string })._id),
    ).toEqual(['a', 'b']);
  });

  it('an invalid Date matches every range in mingo; MongoDB cannot store one (BSON dates are int64 ms)', () => {
    expect(ids([{ _id: 'bad', ts: new Date(Number.NaN) }], { ts: { $gte: new Date(0), $lte: new Date(1) } })).toEqual(['bad']);
  });

  it('a numeric step after an array of objects: mingo indexes the gathered values, MongoDB does not', () => {
    // MongoDB: servedBy._id.0 does not exist in [{ _id: 'a' }] ('a' is a string), so the strict scope needs
    // the second guard servedBy.0; mingo already excludes the room with the first one.
    const docs = [{ _id: 'arr', servedBy: [{ _id: 'a' }] }];
    expect(ids(docs, { 'servedBy._id.0': { $exists: true } })).toEqual(['arr']);
    expect(ids(docs, { 'servedBy.0': { $exists: true } })).toEqual(['arr']);
  });

  it('$$REMOVE: mingo keeps the key holding undefined, MongoDB (>= 4.4) drops the field', () => {
    const [doc] = find([{ _id: 1, a: 1 }], {}, { _id: 0, none: '$$REMOVE' }).all() as Array<Record<string, unknown>>;
    expect(Object.keys(doc!)).toEqual(['none']);
    expect(doc!['none']).toBeUndefined();
  });

  it('inclusion of a missing subfield returns an empty parent, as MongoDB does (we do not: queryRoomsMongo re-projects)', () => {
    expect(
      find(
        [
          { _id: 1, v: { _id: 'x' } },
          { _id: 2, v: 'str' },
        ],
        {},
        { 'v.username': 1 },
      ).all(),
    ).toEqual([{ _id: 1, v: {} }, { _id: 2 }]);
  });

  it('arrays as sort keys: mingo compares them as sorted lists; MongoDB uses the min (asc) / max (desc) element', () => {
    // MongoDB asc: [1, 9] (min 1) before [5] (min 5); mingo compares sorted lists too, but against
    // scalars it "descends" differently; the oracle never sorts on array values (mongo-rooms.ts).
    const docs = [
      { _id: 'x', k: [5] },
      { _id: 'y', k: [9, 1] },
      { _id: 'z', k: 3 },
    ];
    const order = find(docs, {})
      .sort({ k: 1 })
      .all()
      .map((d) => (d as { _id: string })._id);
    expect(order).toHaveLength(3);
  });

  it('objects as sort keys: mingo orders by sorted key names first; MongoDB compares field by field in stored order', () => {
    // {b:1, a:2} vs {a:3}: MongoDB compares 'b' with 'a' first → {a:3} first; mingo compares sorted keys
    // ['a','b'] vs ['a'] → the longer list last → also {a:3} first, but by another rule; unpinnable generally.
    const order = find(
      [
        { _id: 1, k: { b: 1, a: 2 } },
        { _id: 2, k: { a: 3 } },
      ],
      {},
    )
      .sort({ k: 1 })
      .all()
      .map((d) => (d as { _id: number })._id);
    expect(order).toEqual([2, 1]);
  });

  it('NaN as a sort key: mingo compares it equal to every number (not an order); MongoDB puts NaN first', () => {
    const docs = [
      { _id: 'two', k: 2 },
      { _id: 'nan', k: Number.NaN },
      { _id: 'one', k: 1 },
    ];
    const order = find(docs, {})
      .sort({ k: 1 })
      .all()
      .map((d) => (d as { _id: string })._id);
    expect(order[0]).not.toBe('nan');
  });

  it('inclusion field order: mingo puts _id last, MongoDB keeps stored order (visible in JSON only)', () => {
    const [doc] = find([{ _id: 1, a: 1 }], {}, { a: 1 }).all() as object[];
    expect(Object.keys(doc!)).toEqual(['a', '_id']);
  });
});
