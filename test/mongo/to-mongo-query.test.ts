// The exact MongoDB query for representative requests: spec §6's shape, both modes, the scope
// guards, the escaped needle, paging and every projection case.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseRoomsQueryString, scopeQuery, type Principal, type QueryOptions, type ScopedQuery } from '../../src/index.js';
import { sortDocument, toMongoFilter, toMongoQuery } from '../../src/mongo/index.js';
import { AndNode } from '../../src/query/and-node.js';
import { EqNode } from '../../src/query/eq-node.js';
import { RangeNode } from '../../src/query/range-node.js';
import { SortSpec } from '../../src/query/sort-spec.js';
import { admin, alice } from '../support/fixture-rooms.js';

const HIDE = { joinCode: 0, members: 0, importIds: 0, e2e: 0 };

const scoped = (search: string, principal: Principal = admin, options: QueryOptions = {}): ScopedQuery => {
  const result = E.chain((q: Parameters<typeof scopeQuery>[0]) => scopeQuery(q, principal, options.permissions))(
    parseRoomsQueryString(search, options),
  );
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};

describe('toMongoQuery', () => {
  it('gives spec §6 query, keys in upstream order, with the _id tie-break in default mode', () => {
    const q = toMongoQuery(
      scoped(
        'visitorId=vis-1&agents[]=a1&agents[]=bob&open=true&createdAt={"start":"2021-01-01T00:00:00Z","end":"2021-02-01T00:00:00Z"}' +
          '&closedAt={"end":"2021-03-01T00:00:00Z"}&tags[]=vip&queue=8001&direction=inbound&roomName=a.b(c)&count=10&offset=20',
      ),
    );
    expect(q).toStrictEqual({
      filter: {
        t: 'v',
        'v._id': 'vis-1',
        $or: [{ 'servedBy._id': { $in: ['a1', 'bob'] } }, { 'servedBy.username': { $in: ['a1', 'bob'] } }],
        open: { $exists: true },
        ts: { $gte: new Date('2021-01-01T00:00:00Z'), $lte: new Date('2021-02-01T00:00:00Z') },
        closedAt: { $lte: new Date('2021-03-01T00:00:00Z') },
        tags: { $in: ['vip'] },
        queue: '8001',
        direction: 'inbound',
        name: /a\.b\(c\)/i,
      },
      sort: [
        ['ts', -1],
        ['_id', 1],
      ],
      skip: 20,
      limit: 10,
      projection: HIDE,
    });
    expect(Object.keys(q.filter)).toEqual(['t', 'v._id', '$or', 'open', 'ts', 'closedAt', 'tags', 'queue', 'direction', 'name']);
  });

  it('keeps upstream shape in rocketchat mode: no tie-break, absent open = closed rooms, fields never reach the projection', () => {
    const q = toMongoQuery(scoped('sort={"queue":1}', admin, { mode: 'rocketchat' }));
    expect(q.filter).toStrictEqual({ t: 'v', open: { $exists: false } });
    expect(q.sort).toStrictEqual([['queue', 1]]);
    expect(q.projection).toStrictEqual(HIDE);
    expect(toMongoQuery(scoped('', admin, { mode: 'rocketchat' }), { tieBreak: true }).sort).toStrictEqual([
      ['ts', -1],
      ['_id', 1],
    ]);
    expect(toMongoQuery(scoped(''), { tieBreak: false }).sort).toStrictEqual([['ts', -1]]);
  });

  it('does not add a second tie-break when the request already sorts on _id', () => {
    expect(toMongoQuery(scoped('sort={"_id":-1,"ts":1}')).sort).toStrictEqual([
      ['_id', -1],
      ['ts', 1],
    ]);
  });

  it('emits the sort as ordered pairs: integer-like field names keep their place', () => {
    // (The request parser already reads sort JSON into an object, like upstream; build the spec directly.)
    const q = toMongoQuery({ ...scoped(''), sort: [SortSpec.key('b', 1), SortSpec.key('10', -1)] });
    expect(q.sort).toStrictEqual([
      ['b', 1],
      ['10', -1],
      ['_id', 1],
    ]);
    // A plain object would reorder them; sortDocument is for display only.
    expect(Object.keys(sortDocument(q.sort))).toEqual(['10', 'b', '_id']);
  });

  it('scopes an agent strictly: equality on servedBy._id plus guards against arrays', () => {
    const q = toMongoQuery(scoped(`agents[]=${alice._id}`, alice));
    expect(q.filter).toStrictEqual({
      t: 'v',
      $or: [{ 'servedBy._id': { $in: [alice._id] } }, { 'servedBy.username': { $in: [alice._id] } }],
      'servedBy._id': alice._id,
      'servedBy._id.0': { $exists: false },
      'servedBy.0': { $exists: false },
    });
  });

  it('escapes the room name: every metacharacter literal, NUL as \\x00 (the driver refuses a NUL byte)', () => {
    const { name } = toMongoQuery(scoped(`roomName=${encodeURIComponent('^a.*b+c?$|[x]{2}(y)\\z/\0')}`)).filter as { name: RegExp };
    expect(name.flags).toBe('i');
    expect(name.source).toBe('\\^a\\.\\*b\\+c\\?\\$\\|\\[x\\]\\{2\\}\\(y\\)\\\\z\\/\\x00');
    expect(name.source.includes('\0')).toBe(false);
    expect(name.test('xx^A.*B+C?$|[X]{2}(Y)\\Z/\0yy')).toBe(true);
    expect(name.test('aaab')).toBe(false);
  });

  it('maps count=0 to limit 0 (MongoDB: no limit) where infinite count is allowed, else to the default', () => {
    expect(toMongoQuery(scoped('count=0', admin, { mode: 'rocketchat' })).limit).toBe(0);
    expect(toMongoQuery(scoped('count=0')).limit).toBe(50);
    expect(toMongoQuery(scoped('count=0', admin, { paging: { allowInfiniteCount: true } })).limit).toBe(0);
    expect(toMongoQuery(scoped('count=500')).limit).toBe(100);
  });

  it('projects: inclusion with or without _id, exclusion plus the hidden fields, never a hidden field', () => {
    expect(toMongoQuery(scoped('fields={"name":1,"v.username":1}')).projection).toStrictEqual({ name: 1, 'v.username': 1 });
    expect(toMongoQuery(scoped('fields={"name":1,"_id":0}')).projection).toStrictEqual({ _id: 0, name: 1 });
    expect(toMongoQuery(scoped('fields={"name":1,"joinCode":1}')).projection).toStrictEqual({ name: 1 });
    expect(toMongoQuery(scoped('fields={"name":0,"e2e.key":0}')).projection).toStrictEqual({ name: 0, ...HIDE });
    expect(toMongoQuery(scoped('fields={"_id":0}')).projection).toStrictEqual({ _id: 0, ...HIDE });
    expect(toMongoQuery(scoped('fields={"_id":1}')).projection).toStrictEqual({ _id: 1 });
  });

  it('turns an inclusion left empty into one that returns {} ($$REMOVE), never into "all fields"', () => {
    expect(toMongoQuery(scoped('fields={"joinCode":1}')).projection).toStrictEqual({ _id: 1 });
    expect(toMongoQuery(scoped('fields={"joinCode":1,"_id":0}')).projection).toStrictEqual({ _id: 0, __room_query_none: '$$REMOVE' });
  });

  it('moves a child whose key is taken to $and, and says "a Date" for a range without bounds', () => {
    const filter = toMongoFilter(
      AndNode.create([
        EqNode.create('t', 'v'),
        EqNode.create('queue', 'a'),
        EqNode.create('queue', 'b'),
        RangeNode.create('ts', undefined, undefined),
      ]),
    );
    expect(filter).toStrictEqual({ t: 'v', queue: 'a', ts: { $type: 'date' }, $and: [{ queue: 'b' }] });
  });

  it('hands out fresh Dates: mutating the query cannot change the parsed request', () => {
    const s = scoped('createdAt={"start":"2021-01-01T00:00:00Z"}');
    const first = toMongoQuery(s).filter['ts'] as { $gte: Date };
    first.$gte.setTime(0);
    expect((toMongoQuery(s).filter['ts'] as { $gte: Date }).$gte.toISOString()).toBe('2021-01-01T00:00:00.000Z');
  });
});
