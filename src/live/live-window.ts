// What a live query holds: a run of consecutive matches in sort order — a bounded buffer before its page
// (pages at an offset), the page, a bounded buffer after it — and `total` as a counter. Memory is
// O(count + buffers), whatever the number of matches.
//
// Each room change is applied from its before/after values alone: the predicate on both says how
// `total` moves; where the room ranks against the held entries (binary search) says what happens to the
// run: inserted or removed inside it, or shifting it by one rank when it enters or leaves before it.
// When what is held cannot decide the page — the buffer before it or after it ran dry, an empty page
// gains a match past its offset — `apply` answers 'reread' and the owner reads the run again from the
// store's indexed snapshot (`reset`). The idea is Meteor's observe driver for sorted limited queries
// (published window + buffer, re-query when the buffer is exhausted), with a buffer on both sides.
import type { CompiledQuery } from '../compile/compile-query.js';
import { compareValues } from '../value/compare-values.js';
import { compilePath } from '../value/get-path.js';
import type { Keyed } from '../compile/compile-sort.js';
import type { Room } from '../model/room.js';

/**
 * A held match: the stored room (shared with the store, not copied) and its sort keys. An entry keeps its
 * identity while its room is unchanged, so pages are diffed by identity.
 */
export interface WindowEntry extends Keyed<Room> {
  readonly id: string;
}

/** How one change touched the window. */
export type WindowEffect = 'none' | 'page' | 'reread';

export interface WindowCounters {
  predicateEvaluations: number;
  entryMoves: number;
}

export interface LiveWindow {
  /** Matches in the whole collection (a counter: +1 / -1 per change). */
  readonly total: number;
  /** The held entries, in order (buffer before the page, the page, buffer after it). */
  readonly held: ReadonlyArray<WindowEntry>;
  /** Where a read starts and how many it reads: `reset` takes the matches ranked [from, from + count). */
  readonly read: { readonly from: number; readonly count: number };
  /** The page's entries (at most `limit`). */
  page(): ReadonlyArray<WindowEntry>;
  /** Replaces what is held with a fresh read (`read`'s ranks) and the total. */
  reset(rooms: ReadonlyArray<Room>, total: number): void;
  /** Applies one room change (`before` / `after` undefined: absent). 'reread': the window is now stale, call `reset`. */
  apply(id: string, before: Room | undefined, after: Room | undefined): WindowEffect;
}

/** Buffer on each side of the page: as many rooms as the page, at least 8, at most 64 (bounded: memory stays O(count)). */
export const bufferFor = (limit: number | null): number => (limit === null ? 0 : Math.min(64, Math.max(8, limit)));

/** `buffer`: held matches past the page, and before it when the page has an offset (default `bufferFor(limit)`). */
export const createLiveWindow = (
  compiled: CompiledQuery,
  counters: WindowCounters,
  buffer = bufferFor(compiled.paging.limit),
): LiveWindow => {
  const { predicate, sort, paging } = compiled;
  const { offset } = paging;
  const limit = paging.limit ?? Number.POSITIVE_INFINITY;
  const pageEnd = offset + limit;
  const ahead = Math.min(offset, buffer);
  const capacity = ahead + limit + buffer;
  const read = { from: offset - ahead, count: capacity };
  const compare = sort.ord.compare as (a: Keyed<Room>, b: Keyed<Room>) => number;
  const readers = sort.spec.map((key) => compilePath(key.path));
  const keysOf = (room: Room): unknown[] => readers.map((r) => r(room));
  const entryOf = (id: string, room: Room): WindowEntry => ({ id, doc: room, keys: keysOf(room), position: 0 });
  const probeOf = (room: Room): Keyed<Room> => ({ doc: room, keys: keysOf(room), position: 0 });
  const sameKeys = (keys: ReadonlyArray<unknown>, room: Room): boolean => {
    for (let i = 0; i < readers.length; i++) {
      const value = (readers[i] as (doc: unknown) => unknown)(room);
      if (value !== keys[i] && compareValues(value, keys[i]) !== 0) return false;
    }
    return true;
  };
  const matches = (room: Room | undefined): boolean => {
    if (room === undefined) return false;
    counters.predicateEvaluations++;
    return predicate(room);
  };

  // held[i] is the match ranked start + i. Invariants between changes: held is empty only when every match
  // ranks before `start` (start = total); start ≤ offset while the page has rooms; the page's last rank is held.
  let held: WindowEntry[] = [];
  let start = 0;
  let total = 0;
  const complete = (): boolean => start + held.length >= total;
  /** First index whose entry ranks at or after `probe`. */
  const lowerBound = (probe: Keyed<Room>): number => {
    let lo = 0;
    let hi = held.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(held[mid] as WindowEntry, probe) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /**
   * Where the match `probe` (id `id`) ranks: its index in `held`, 'before' / 'after' the held run, or
   * 'stale' when it ranks inside the run but is not held (what is held disagrees with the store: re-read).
   */
  const locate = (id: string, probe: Keyed<Room>): number | 'before' | 'after' | 'stale' => {
    if (held.length === 0) return 'before';
    const i = lowerBound(probe);
    if (i < held.length && (held[i] as WindowEntry).id === id) return i;
    return i === 0 ? 'before' : i === held.length ? 'after' : 'stale';
  };

  /** Removes the match `probe`; `total` still counts it. */
  const remove = (id: string, probe: Keyed<Room>): WindowEffect => {
    const at = locate(id, probe);
    if (at === 'stale') return 'reread';
    if (at === 'before') {
      if (start === 0) return 'reread'; // nothing ranks before rank 0: what is held disagrees
      start--; // every held match moves up one rank
      return total > offset ? 'page' : 'none';
    }
    if (at === 'after') return complete() ? 'reread' : 'none';
    held.splice(at, 1);
    counters.entryMoves++;
    return start + at < pageEnd ? 'page' : 'none';
  };

  /** Inserts the match `entry`; `total` does not count it yet. */
  const insert = (entry: WindowEntry): WindowEffect => {
    if (held.length === 0 && start > 0) {
      // Every match ranks before `start`: the new one may rank anywhere among them.
      if (total + 1 <= offset) {
        start++;
        return 'none'; // the page stays empty
      }
      return 'reread';
    }
    const j = lowerBound(entry);
    if (j === 0 && start > 0) {
      start++; // it ranks before the run (which rank exactly is unknown): every held match moves down one
      return 'page';
    }
    if (j === held.length && !complete()) return 'none'; // after the run, with unheld matches in between
    held.splice(j, 0, entry);
    counters.entryMoves++;
    const rank = start + j; // before the trim below, which may move `start`
    if (held.length > capacity) {
      // Over capacity: drop the buffer's far end past the page, else the run's front (before the page).
      if (start + held.length > pageEnd) held.pop();
      else {
        held.shift();
        start++;
      }
    }
    return rank < pageEnd ? 'page' : 'none';
  };

  /** The page's first and last ranks are held (or the page is empty). */
  const covered = (): boolean => total <= offset || (start <= offset && start + held.length >= Math.min(pageEnd, total));
  const join = (a: WindowEffect, b: WindowEffect): WindowEffect =>
    a === 'reread' || b === 'reread' ? 'reread' : a === 'page' || b === 'page' ? 'page' : 'none';

  return {
    get total() {
      return total;
    },
    get held() {
      return held;
    },
    read,
    page: () => (total <= offset ? [] : held.slice(offset - start, pageEnd - start)),
    reset: (rooms, count) => {
      // Rooms still held keep their entry (their identity on the page): minimal patches.
      const previous = new Map<Room, WindowEntry>();
      for (const e of held) previous.set(e.doc, e);
      held = rooms.map((room) => previous.get(room) ?? entryOf(room['_id'] as string, room));
      total = count;
      start = held.length > 0 ? read.from : Math.min(read.from, count);
    },
    apply: (id, before, after) => {
      const was = matches(before);
      const now = matches(after);
      if (!was && !now) return 'none';
      let effect: WindowEffect = 'none';
      if (was && now) {
        const probe = probeOf(before as Room);
        if (sameKeys(probe.keys, after as Room)) {
          // Same rank (an answer, a tag, a transfer that keeps the order): swap the value in, if held.
          const at = locate(id, probe);
          if (typeof at !== 'number') return at === 'stale' || (at === 'after' && complete()) ? 'reread' : 'none';
          held[at] = { id, doc: after as Room, keys: (held[at] as WindowEntry).keys, position: 0 };
          return start + at >= offset && start + at < pageEnd ? 'page' : 'none';
        }
        effect = remove(id, probe);
        total--;
      } else if (was) {
        effect = remove(id, probeOf(before as Room));
        total--;
      }
      if (now && effect !== 'reread') effect = join(effect, insert(entryOf(id, after as Room)));
      if (now) total++;
      if (effect !== 'reread' && !covered()) return 'reread'; // a buffer ran dry
      return effect;
    },
  };
};
