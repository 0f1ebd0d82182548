// The spec's filters, paging, sort, projection and quirks on hand-written rooms.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { queryRooms, type QueryOptions, type Principal, type RoomsPage } from '../../src/index.js';
import { admin, alice, sampleRooms } from '../support/fixture-rooms.js';

const page = (query: string | Record<string, unknown>, who: Principal = admin, options: QueryOptions = {}): RoomsPage => {
  const result = queryRooms(sampleRooms, query, who, options);
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};
const ids = (p: RoomsPage): ReadonlyArray<unknown> => p.rooms.map((r) => r['_id']);

describe('filters', () => {
  it('returns only t:v rooms, newest first, ties by _id', () => {
    expect(ids(page(''))).toEqual(['r4', 'r2', 'r3', 'r1', 'odd']);
  });
  it('agents match servedBy._id or servedBy.username', () => {
    expect(ids(page('agents[]=bob'))).toEqual(['r2']);
    expect(ids(page('agents[]=agent-alice'))).toEqual(['r3', 'r1']);
  });
  it('open=true means the field is present, open=false that it is absent', () => {
    expect(ids(page('open=true'))).toEqual(['r4', 'r1', 'odd']);
    expect(ids(page('open=false'))).toEqual(['r2', 'r3']);
  });
  it('rocketchat mode: absent open means closed rooms only', () => {
    expect(ids(page('', admin, { mode: 'rocketchat' }))).toEqual(['r2', 'r3']);
  });
  it('createdAt and closedAt bounds are inclusive', () => {
    expect(ids(page('createdAt={"start":"2021-02-01T00:00:00Z","end":"2021-02-01T00:00:00Z"}'))).toEqual(['r2', 'r3']);
    expect(ids(page('closedAt={"end":"2021-02-01T01:00:00Z"}'))).toEqual(['r2']);
  });
  it('tags, queue, visitorId, direction', () => {
    expect(ids(page('tags[]=sales&tags[]=nope'))).toEqual(['r3']);
    // A lone string is a one-element list in default mode; a scalar tags field matches $in like MongoDB.
    expect(ids(page('tags=vip'))).toEqual(['r3', 'r1', 'odd']);
    expect(ids(page('queue=8002'))).toEqual(['r2']);
    expect(ids(page('visitorId=visitor-2'))).toEqual(['r3']);
    expect(ids(page('visitorId=undefined')).length).toBe(5);
    expect(ids(page('direction=outbound'))).toEqual(['r2']);
  });
  it('roomName is a literal, case-insensitive substring', () => {
    expect(ids(page('roomName=JOSÉ'))).toEqual(['r1']);
    expect(ids(page(`roomName=${encodeURIComponent('(c)+[')}`))).toEqual(['r2']);
    expect(ids(page('roomName=.*'))).toEqual([]);
  });
});

describe('scoping', () => {
  it('an agent asking for its own id sees only rooms it served', () => {
    expect(ids(page('agents[]=agent-alice', alice))).toEqual(['r3', 'r1']);
  });
});

describe('paging, sort, projection', () => {
  it('count/offset page and total counts every match', () => {
    const p = page('count=2&offset=1');
    expect(ids(p)).toEqual(['r2', 'r3']);
    expect(p).toMatchObject({ count: 2, offset: 1, total: 5 });
  });
  it('count is capped at 100 and 0 means the default in default mode, all in rocketchat mode', () => {
    const many = Array.from({ length: 130 }, (_, i) => ({ ...sampleRooms[0], _id: `m${i}` }));
    const run = (q: string, mode: 'default' | 'rocketchat') => {
      const r = queryRooms(many, q, admin, { mode });
      return E.isRight(r) ? r.right.count : -1;
    };
    expect(run('count=1000', 'default')).toBe(100);
    expect(run('count=0', 'default')).toBe(50);
    expect(run('count=0&open=true', 'rocketchat')).toBe(130);
    expect(run('count=0', 'rocketchat')).toBe(0); // absent open: closed rooms only
    expect(run('', 'default')).toBe(50);
  });
  it('multi-key sort keeps the key order', () => {
    expect(ids(page('sort={"queue":-1,"ts":1}'))).toEqual(['r2', 'r1', 'r3', 'r4', 'odd']);
  });
  it('inclusion projection returns _id and the dotted paths', () => {
    expect(page('fields={"v.username":1,"name":1}&count=1').rooms[0]).toEqual({ _id: 'r4', name: 'Queued', v: { username: 'guest-1' } });
    expect(page('fields={"_id":0,"queue":1}&count=1').rooms[0]).toEqual({ queue: '8001' });
  });
  it('exclusion projection and never-returned fields', () => {
    const r4 = page('fields={"v":0,"callStarted":0}&count=1').rooms[0] ?? {};
    expect(Object.keys(r4).sort()).toEqual(['_id', 'direction', 'name', 'open', 'queue', 't', 'ts']);
    expect(page('fields={"joinCode":1}&count=1').rooms[0]).toEqual({ _id: 'r4' });
    // `_id` may be 1 or 0 in either kind of projection (MongoDB's one exception to "no mixing").
    expect(Object.keys(page('fields={"_id":1,"v":0,"callStarted":0}&count=1').rooms[0] ?? {})).toContain('_id');
  });
  it('results are frozen copies; input is untouched', () => {
    const before = JSON.stringify(sampleRooms);
    const p = page('');
    expect(Object.isFrozen(p.rooms[0])).toBe(true);
    expect(Object.isFrozen(p.rooms[0]?.['v'])).toBe(true);
    expect(Object.isFrozen(sampleRooms[0]?.['v'])).toBe(false);
    expect(JSON.stringify(sampleRooms)).toBe(before);
  });
});
