// The JSON Patch from one live page to the next. Rooms that did not change keep their JSON object
// (identity), so the rooms list is edited by identity: a new call at the top is one `add` plus one
// `remove` at the end, not a field-by-field rewrite of every shifted room (what a generic diff emits).
// How it works: walk the new list; keep matching objects, `move` ones found later in the working copy,
// `add` new ones; finally remove what is left past the end. Applying the ops to the previous page gives
// exactly the next one (the live property test checks it with fast-json-patch).
import type { Operation } from 'fast-json-patch';

export interface PageDocument<R> {
  readonly rooms: ReadonlyArray<R>;
  readonly count: number;
  readonly offset: number;
  readonly total: number;
}

export const diffPage = <R>(previous: PageDocument<R>, next: PageDocument<R>): Operation[] => {
  const ops: Operation[] = [];
  const work = [...previous.rooms];
  next.rooms.forEach((room, k) => {
    if (work[k] === room) return;
    const from = work.indexOf(room, k + 1);
    if (from === -1) {
      ops.push({ op: 'add', path: `/rooms/${k}`, value: room });
      work.splice(k, 0, room);
    } else {
      ops.push({ op: 'move', from: `/rooms/${from}`, path: `/rooms/${k}` });
      work.splice(from, 1);
      work.splice(k, 0, room);
    }
  });
  for (let i = work.length - 1; i >= next.rooms.length; i--) ops.push({ op: 'remove', path: `/rooms/${i}` });
  for (const key of ['count', 'offset', 'total'] as const) {
    if (previous[key] !== next[key]) ops.push({ op: 'replace', path: `/${key}`, value: next[key] });
  }
  return ops;
};
