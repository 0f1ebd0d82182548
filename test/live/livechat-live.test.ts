// livechat/rooms followed live over a store holding both endpoints' rooms: the first page and every
// patched page equal queryLivechatRooms over the store's current rooms (departments attached, monitor scope).
import * as E from 'fp-ts/lib/Either.js';
import jsonpatch from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { agentsOf, generateLivechatRooms, generateOmnichannel, generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { LIVECHAT_ROOMS, queryLivechatRooms, toJsonValue, type Principal } from '../../src/index.js';
import { liveRooms, type LiveEvent } from '../../src/live/index.js';
import { createRoomStore } from '../../src/store/index.js';

const users = generateUsers({ seed: 8 });
const { omnichannel, monitor } = generateOmnichannel({ seed: 8, agents: agentsOf(users) });
const livechat = generateLivechatRooms({ count: 150, seed: 8, departments: omnichannel.departments });
const rooms = [...generateRooms({ count: 50, seed: 8 }), ...livechat];
const admin: Principal = users[0]!;

describe('liveRooms with the livechat endpoint', () => {
  it.each([
    ['admin, queued', admin, 'queued=true&count=5'],
    ['admin, on hold', admin, 'onhold=true&count=5'],
    ['monitor, its units', monitor, 'count=5'],
  ] as const)('%s: every page equals queryLivechatRooms over the current rooms', (_label, who, search) => {
    const store = createRoomStore(rooms);
    if (E.isLeft(store)) throw new Error(JSON.stringify(store.left));
    let page: unknown;
    const events: LiveEvent[] = [];
    const live = liveRooms(store.right, search, who, { endpoint: LIVECHAT_ROOMS, omnichannel }, (e) => {
      events.push(e);
      page = e.kind === 'page' ? jsonpatch.deepClone(e.page) : jsonpatch.applyPatch(page, jsonpatch.deepClone([...e.patch])).newDocument;
    });
    expect(E.isRight(live)).toBe(true);
    const expected = () => toJsonValue(queryLivechatRooms(store.right.snapshot(), search, who, { omnichannel }));
    const sameAsQuery = () => expect(E.right(page)).toEqual(expected());
    sameAsQuery();
    // Put rooms on hold, queue one, close one: each change shows up in the live page exactly.
    const ids = livechat.slice(0, 12).map((r) => r['_id'] as string);
    for (const [i, id] of ids.entries()) {
      const op = i % 3 === 0
        ? { op: 'add' as const, path: `/${id}/onHold`, value: true }
        : i % 3 === 1
          ? { op: 'remove' as const, path: `/${id}/servedBy` }
          : { op: 'add' as const, path: `/${id}/open`, value: true };
      const applied = store.right.apply([op]);
      if (E.isLeft(applied)) continue; // e.g. removing an absent servedBy: refused, nothing changes
      sameAsQuery();
    }
    if (who === admin) expect(events.length).toBeGreaterThan(1);
    if (E.isRight(live)) live.right.close();
  });
});
