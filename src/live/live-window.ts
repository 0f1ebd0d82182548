// What a live query holds: the matches ranked [offset, offset + held) — its page and a bounded buffer
// after it — and `total` as a counter. Memory is O(count + buffer), whatever the number of matches.
//
// Each room change is applied from its before/after values alone: the predicate on both says how
// `total` moves; where the room ranks against the held entries says what happens to the window. When
// what is held cannot decide it — a match entering before the window of a page at offset > 0, the
// buffer running dry, an empty window gaining a match past the offset — `apply` answers `false` and the
// owner re-reads the window from the store's indexed snapshot (`reset`). The idea is Meteor's observe
// driver for sorted limited queries (published window + buffer, re-query when the buffer is exhausted).
import type { CompiledQuery } from '../compile/compile-query.js';
import { compareValues } from '../compile/compare-values.js';
import { compilePath } from '../compile/get-path.js';
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
  /** The held entries, in order: the page first, then the buffer. */
  readonly held: ReadonlyArray<WindowEntry>;
  /** Rooms on the page (at most `limit`). */
  readonly pageSize: number;
  /** Replaces what is held with a fresh read: the stored rooms ranked [offset, offset + capacity) and the total. */
  reset(rooms: ReadonlyArray<Room>, total: number): void;
  /** Applies one room change (`before` / `after` undefined: absent). 'reread': the window is now stale, call `reset`. */
  apply(id: string, before: Room | undefined, after: Room | undefined): WindowEffect;
}

/** Buffer after the page: as many as the page, at least 8, at most 64 (bounded, so memory stays O(count)). */
export const bufferFor = (limit: number | null): number => (limit === null ? 0 : Math.min(64, Math.max(8, limit)));

/** `buffer`: held matches past the page (default `bufferFor(limit)`). */
export const createLiveWindow = (compiled: CompiledQuery, counters: WindowCounters, buffer = bufferFor(compiled.paging.limit)): LiveWindow => {
  const { predicate, sort, paging } = compiled;
  const { offset } = paging;
  const limit = paging.limit ?? Number.POSITIVE_INFINITY;
  const capacity = limit + buffer;
  const compare = sort.ord.compare as (a: Keyed<Room>, b: Keyed<Room>) => number;
  const readers = sort.spec.map((key) => compilePath(key.path));
  const keysOf = (room: Room): unknown[] => readers.map((read) => read(room));
  const entryOf = (id: string, room: Room): WindowEntry => ({ id, doc: room, keys: keysOf(room), position: 0 });
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

  let held: WindowEntry[] = [];
  let total = 0;
  /** Every match ranked at or after `offset` is held. */
  const complete = (): boolean => offset + held.length >= total;
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
   * Where the match `probe` (id `id`) ranks: its index in `held`, 'before' / 'after' the held ranks, or
   * 'stale' when it ranks among them but is not held (what is held disagrees with the store: re-read).
   */
  const locate = (id: string, probe: Keyed<Room>): number | 'before' | 'after' | 'stale' => {
    const i = lowerBound(probe);
    if (i < held.length && (held[i] as WindowEntry).id === id) return i;
    return i === 0 ? 'before' : i === held.length ? 'after' : 'stale';
  };

  /** Removes the match `before`; `total` still counts it. */
  const remove = (id: string, probe: Keyed<Room>): WindowEffect => {
    const at = locate(id, probe);
    if (at === 'stale') return 'reread';
    if (at === 'before') {
      if (held.length === 0) return 'none'; // every match ranks before the offset: the page stays empty
      // A lost rank before the window shifts it by one: its first room moves out, the buffer's first in.
      if (offset === 0) return 'reread'; // nothing ranks before rank 0: what is held disagrees
      held.shift();
      counters.entryMoves++;
      return 'page';
    }
    if (at === 'after') return complete() ? 'reread' : 'none';
    held.splice(at, 1);
    counters.entryMoves++;
    return at < limit ? 'page' : 'none';
  };

  /** Inserts the match `entry`; `total` does not count it yet. */
  const insert = (entry: WindowEntry): WindowEffect => {
    if (held.length === 0) {
      if (total < offset) return 'none'; // it ranks before the offset, or the page is still past the end
      if (offset > 0) return 'reread'; // which room now ranks at `offset` depends on rooms we don't hold
      held.push(entry);
      counters.entryMoves++;
      return 'page';
    }
    const j = lowerBound(entry);
    if (j === 0 && offset > 0) return 'reread'; // before the window: the room pushed in ranked before it
    if (j === held.length && !complete()) return 'none'; // after what is held (and more matches lie between)
    held.splice(j, 0, entry);
    counters.entryMoves++;
    if (held.length > capacity) held.pop();
    return j < limit ? 'page' : 'none';
  };

  const join = (a: WindowEffect, b: WindowEffect): WindowEffect => (a === 'reread' || b === 'reread' ? 'reread' : a === 'page' || b === 'page' ? 'page' : 'none');

  return {
    get total() {
      return total;
    },
    get held() {
      return held;
    },
    get pageSize() {
      return Math.min(held.length, limit);
    },
    reset: (rooms, count) => {
      // Rooms still held keep their entry (their identity on the page): minimal patches.
      const previous = new Map<Room, WindowEntry>();
      for (const e of held) previous.set(e.doc, e);
      held = rooms.map((room) => previous.get(room) ?? entryOf(room['_id'] as string, room));
      total = count;
    },
    apply: (id, before, after) => {
      const was = matches(before);
      const now = matches(after);
      if (!was && !now) return 'none';
      let effect: WindowEffect = 'none';
      if (was && now) {
        const probe: Keyed<Room> = { doc: before as Room, keys: keysOf(before as Room), position: 0 };
        if (sameKeys(probe.keys, after as Room)) {
          // Same rank (an answer, a tag, a transfer that keeps the order): swap the value in, if held.
          const at = locate(id, probe);
          if (typeof at !== 'number') return at === 'stale' || (at === 'after' && complete()) ? 'reread' : 'none';
          held[at] = { id, doc: after as Room, keys: (held[at] as WindowEntry).keys, position: 0 };
          return at < limit ? 'page' : 'none';
        }
        effect = remove(id, probe);
        total--;
      } else if (was) {
        effect = remove(id, { doc: before as Room, keys: keysOf(before as Room), position: 0 });
        total--;
      }
      if (now && effect !== 'reread') effect = join(effect, insert(entryOf(id, after as Room)));
      if (now) total++;
      // The buffer ran dry: the page lacks rooms that exist beyond what is held.
      if (effect !== 'reread' && held.length < limit && !complete()) return 'reread';
      return effect;
    },
  };
};
