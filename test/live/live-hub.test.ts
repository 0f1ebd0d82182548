// Shared live queries: one view per normalized scoped query, one serialized frame per change handed
// to every subscriber, replay of missed patches on reconnect (bounded history), and memory that is the
// views' windows (entries held), whatever the number of subscribers or rooms.
import * as E from 'fp-ts/lib/Either.js';
import jsonpatch from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { generateRooms } from '../../src/fixtures/index.js';
import { compileQuery, parseRoomsParams, runQuery, scopeQuery, toJsonValue, type Principal, type ScopedQuery } from '../../src/index.js';
import { bufferFor, createLiveHub, followRooms, type LiveFrame } from '../../src/live/index.js';
import { createRoomStore, type RoomStore } from '../../src/store/index.js';
import { splitQueryString } from '../../src/request/parse-query-string.js';

const admin: Principal = { _id: 'admin', username: 'admin', roles: ['admin'] };
const storeOf = (count: number, seed = 7): RoomStore => {
  const s = createRoomStore(generateRooms({ count, seed }));
  if (E.isLeft(s)) throw new Error(JSON.stringify(s.left));
  return s.right;
};
const scoped = (params: string, who: Principal = admin): ScopedQuery => {
  const parsed = E.chain((raw: Readonly<Record<string, unknown>>) => parseRoomsParams(raw))(splitQueryString(params));
  const q = E.chain((p: Parameters<typeof scopeQuery>[0]) => scopeQuery(p, who))(parsed);
  if (E.isLeft(q)) throw new Error(JSON.stringify(q.left));
  return q.right;
};
/** A client: its page rebuilt from the frames it received. */
const client = () => {
  const frames: LiveFrame[] = [];
  let page: unknown;
  return {
    frames,
    on: (frame: LiveFrame) => {
      frames.push(frame);
      page =
        frame.kind === 'page'
          ? JSON.parse(frame.data)
          : jsonpatch.applyPatch(page, JSON.parse(frame.data) as jsonpatch.Operation[], false, true).newDocument;
    },
    get page() {
      return page;
    },
  };
};
const fresh = (store: RoomStore, q: ScopedQuery): unknown => {
  const { rooms, count, offset, total } = runQuery(compileQuery(q), store.snapshot());
  return toJsonValue({ rooms, count, offset, total });
};
const ids = (store: RoomStore): string[] => {
  const out: string[] = [];
  store.current().forEach((_, id) => out.push(id));
  return out;
};

describe('live hub', () => {
  it('subscribers of the same normalized query share one view and receive the same serialized frame', () => {
    const store = storeOf(400);
    const hub = createLiveHub(store, { lingerMs: 0 });
    const a = client();
    const b = client();
    followRooms(hub, 'count=5&open=true', admin, {}, a.on);
    followRooms(hub, 'open=true&count=5', admin, {}, b.on);
    for (let i = 0; i < 50; i++) hub.follow(scoped('count=5&open=true'), () => undefined);
    hub.follow(scoped('count=6&open=true'), () => undefined);
    expect(hub.stats).toMatchObject({ views: 2, subscribers: 53 });
    expect(a.frames[0]).toBe(b.frames[0]); // one page frame per version, shared
    const top = (JSON.parse(a.frames[0]!.data) as { rooms: Array<{ _id: string }> }).rooms[0]!._id;
    store.apply([{ op: 'remove', path: `/${top}/open` }]);
    expect(a.frames).toHaveLength(2);
    expect(a.frames[1]).toBe(b.frames[1]); // the same string object: serialized once, written to every subscriber
    expect(a.page).toEqual(fresh(store, scoped('count=5&open=true')));
    hub.close();
    expect(hub.stats).toEqual({ views: 0, subscribers: 0, entriesHeld: 0 });
  });

  it('a reconnecting client gets the patches since its Last-Event-ID while they are held, else a page', () => {
    const store = storeOf(300);
    const hub = createLiveHub(store, { history: { events: 3 }, lingerMs: 60_000 });
    const q = scoped('count=4');
    const first = client();
    const sub = hub.follow(q, first.on);
    sub.close(); // the view lingers
    const all = ids(store);
    const newest = (k: number) => ({
      ...(toJsonValue(store.get(all[k]!)) as object),
      _id: `new-${k}`,
      ts: `2099-01-0${k + 1}T00:00:00.000Z`,
    });
    store.apply([{ op: 'add', path: '/new-0', value: newest(0) }]);
    store.apply([{ op: 'add', path: '/new-1', value: newest(1) }]);
    const back = client();
    back.on(first.frames[0]!); // what the client held before it lost the connection
    const resumed = hub.follow(q, back.on, { lastEventId: Number(first.frames[0]!.version) });
    expect(resumed.replayed).toBe(true);
    expect(back.frames.slice(1).map((f) => [f.kind, f.version])).toEqual([
      ['patch', 1],
      ['patch', 2],
    ]);
    expect(back.page).toEqual(fresh(store, q));
    resumed.close();
    for (let k = 2; k < 6; k++) store.apply([{ op: 'add', path: `/new-${k}`, value: newest(k) }]);
    const late = client();
    const again = hub.follow(q, late.on, { lastEventId: 2 }); // patches 3..6 held, but 3 of 4 kept: too old
    expect(again.replayed).toBe(false);
    expect(late.frames.map((f) => f.kind)).toEqual(['page']);
    expect(late.page).toEqual(fresh(store, q));
    const current = hub.follow(q, () => undefined, { lastEventId: store.version });
    expect(current.replayed).toBe(true); // up to date: nothing to send
    hub.close();
  });

  it('a subscriber that throws is reported; the others still receive the frame', () => {
    const store = storeOf(100);
    const errors: unknown[] = [];
    const hub = createLiveHub(store, { onError: (e) => errors.push(e) });
    const ok = client();
    hub.follow(scoped('count=3'), () => {
      throw new Error('gone');
    });
    hub.follow(scoped('count=3'), ok.on);
    store.apply([{ op: 'remove', path: `/${ids(store)[0]}` }]);
    expect(ok.page).toEqual(fresh(store, scoped('count=3')));
    expect(errors.length).toBeGreaterThan(0);
    hub.close();
  });
});

describe('memory per subscriber does not grow with the number of rooms', () => {
  const pages = ['count=50', 'count=50&open=true', 'count=50&queue=8003&sort={"ts":1}'];
  const held = (n: number) => {
    const store = storeOf(n, 3);
    const served = ids(store)
      .map((id) => store.get(id)!['servedBy'] as { _id: string } | undefined)
      .find((s) => s !== undefined);
    const agentId = served!._id;
    const agent: Principal = { _id: agentId, username: 'agent', roles: ['livechat-agent'] };
    const hub = createLiveHub(store, { lingerMs: 0 });
    const clients = [...pages.map((p) => [p, admin] as const), [`count=50&agents[]=${agentId}`, agent] as const].flatMap(([p, who]) =>
      Array.from({ length: 20 }, () => {
        const c = client();
        hub.follow(scoped(p, who), c.on);
        return { c, q: scoped(p, who) };
      }),
    );
    // A stream of changes: new calls at the top, answers, closes, removals inside and before the windows.
    const all = ids(store);
    for (let i = 0; i < 200; i++) {
      const id = all[(i * 7919) % all.length]!;
      if (store.get(id) === undefined) continue;
      if (i % 4 === 0) store.apply([{ op: 'remove', path: `/${id}` }]);
      else if (i % 4 === 1) store.apply([{ op: 'remove', path: `/${id}/open` }]);
      else if (i % 4 === 2)
        store.apply([{ op: 'replace', path: `/${id}/ts`, value: `2099-02-01T00:00:${String(i % 60).padStart(2, '0')}.000Z` }]);
      else store.apply([{ op: 'replace', path: `/${id}/queue`, value: '8003' }]);
    }
    for (const { c, q } of clients) expect(c.page).toEqual(fresh(store, q));
    const stats = hub.stats;
    hub.close();
    return stats;
  };

  it('entries held: at most count + buffer per distinct query, for 1,000 or 10,000 rooms, 20 subscribers each', () => {
    const small = held(1_000);
    const large = held(10_000);
    const bound = 4 * (50 + bufferFor(50));
    expect(small).toMatchObject({ views: 4, subscribers: 80 });
    expect(large).toMatchObject({ views: 4, subscribers: 80 });
    expect(small.entriesHeld).toBeLessThanOrEqual(bound);
    expect(large.entriesHeld).toBeLessThanOrEqual(bound);
    // The old design held every match per subscriber: ~10,000 entries each at n = 10,000.
  });
});
