// The JSON Patch from one live page to the next. Rooms that did not change keep their JSON object
// (identity), so the rooms list is edited by identity: a new call at the top is one `add` plus one
// `remove` at the end, a room changed in place is one `replace`, a room leaving the middle is one
// `remove` plus one `add` at the end — never a field-by-field rewrite of every shifted room (what a
// generic diff emits). How it works: walk the new list against a working copy of the old one; a room
// that leaves the page is replaced by the new room at its place when that one is new too, else removed;
// a room found later is `move`d up; a new one is `add`ed; finally what is left past the end is removed.
// Applying the ops to the previous page gives exactly the next one (property-tested with fast-json-patch).
// Rooms are distinct objects within a page (one JSON object per stored room, and ids are unique).
import type { Operation } from 'fast-json-patch';

export interface PageDocument<R> {
  readonly rooms: ReadonlyArray<R>;
  readonly count: number;
  readonly offset: number;
  readonly total: number;
}

const SMALL_PAGE = 64;
const membership = <R>(rooms: ReadonlyArray<R>): { has(room: R): boolean } =>
  rooms.length <= SMALL_PAGE ? { has: (room) => rooms.includes(room) } : new Set(rooms);

export const diffPage = <R>(previous: PageDocument<R>, next: PageDocument<R>): Operation[] => {
  const ops: Operation[] = [];
  const work = [...previous.rooms];
  // Lookups happen only where the pages differ (a few per diff): a linear scan of a small page allocates
  // nothing, where two Sets per diff were most of a live page's garbage per change.
  const before = membership(previous.rooms);
  const staying = membership(next.rooms);
  for (let k = 0; k < next.rooms.length; k++) {
    const room = next.rooms[k] as R;
    // Rooms leaving the page go where we meet them: replaced in place by a new room, else removed.
    while (k < work.length && work[k] !== room && !staying.has(work[k] as R)) {
      if (!before.has(room)) {
        ops.push({ op: 'replace', path: `/rooms/${k}`, value: room });
        work[k] = room;
      } else {
        ops.push({ op: 'remove', path: `/rooms/${k}` });
        work.splice(k, 1);
      }
    }
    if (work[k] === room) continue;
    if (!before.has(room)) {
      ops.push({ op: 'add', path: `/rooms/${k}`, value: room });
      work.splice(k, 0, room);
      continue;
    }
    // Already on the page, further down (everything before k matches the next page already).
    const from = work.indexOf(room, k + 1);
    ops.push({ op: 'move', from: `/rooms/${from}`, path: `/rooms/${k}` });
    work.splice(from, 1);
    work.splice(k, 0, room);
  }
  for (let i = work.length - 1; i >= next.rooms.length; i--) ops.push({ op: 'remove', path: `/rooms/${i}` });
  for (const key of ['count', 'offset', 'total'] as const) {
    if (previous[key] !== next[key]) ops.push({ op: 'replace', path: `/${key}`, value: next[key] });
  }
  return ops;
};
