// A live query: the page of a compiled query kept current from a stream of room changes, pushed to
// the caller as JSON Patch diffs of the page document `{ rooms, count, offset, total }` (JSON form:
// Dates as ISO strings, exactly what the HTTP endpoint sends).
//
// How it works (db-ivm's idea: apply deltas to a maintained result instead of re-running): we keep
// every MATCHING room, ordered by the compiled sort's Ord, in a chunked sorted list, plus a map
// id → entry. A changed room costs one predicate evaluation on its new value (whether it matched
// before is a map lookup); rooms that match neither before nor after cost nothing more. `total` is
// the list's size. The page is re-read only when a removed or inserted entry ranks before the
// page's end; the diff is `diffPage` (page-diff.ts): unchanged rooms keep their JSON object (cached per stored
// room), so the rooms list is edited by identity (add / move / remove), never rewritten field by field.
import jsonpatch, { type Operation } from 'fast-json-patch';
import { compareValues } from '../value/compare-values.js';
import { compileQuery } from '../compile/compile-query.js';
import { compilePath } from '../value/get-path.js';
import type { Keyed } from '../compile/compile-sort.js';
import { toJsonObjectWithout, toJsonValue, type Json, type PriorJson } from '../value/to-json-value.js';
import type { Room } from '../model/room.js';
import type { RoomChange } from '../model/room-change.js';
import { HIDDEN_FIELDS } from '../query/projection.js';
import type { ScopedQuery } from '../query/rooms-query.js';
import { diffPage } from './page-diff.js';
import { createSortedList, type Placed } from './sorted-list.js';

/** The page document a live query maintains (the endpoint's body without `success`). */
export interface LivePage {
  readonly rooms: ReadonlyArray<Json>;
  readonly count: number;
  readonly offset: number;
  readonly total: number;
}

export type LiveEvent =
  | { readonly kind: 'page'; readonly version: number; readonly page: LivePage }
  | { readonly kind: 'patch'; readonly version: number; readonly patch: ReadonlyArray<Operation> };

/** What a live query needs from a store (RoomStore has it); live/ never imports store/. */
export interface LiveSource {
  current(): { readonly version: number; forEach(f: (room: Room, id: string) => void): void };
  subscribe(
    listener: (change: {
      readonly version: number;
      readonly changes: ReadonlyArray<RoomChange>;
    }) => void,
  ): () => void;
}

/** Work counters: tests assert complexity through these, never timings. */
export interface LiveStats {
  /** Predicate evaluations (initial scan included). */
  predicateEvaluations: number;
  /** Room changes received. */
  changes: number;
  /** Entries inserted into or removed from the ordered set. */
  entryMoves: number;
  /** Times the page window was re-read (a change ranked before the page's end). */
  pageReads: number;
  /** Patches emitted. */
  patches: number;
}

export interface LiveQuery {
  /** The store version the page reflects. */
  readonly version: number;
  /** A fresh copy of the current page document. */
  page(): LivePage;
  readonly stats: Readonly<LiveStats>;
  /** Stops listening and drops the maintained set. Idempotent. */
  close(): void;
}

export interface LiveQueryOptions {
  /** Told when `onChange` throws (the live query carries on). */
  readonly onError?: (error: unknown) => void;
}

const hidden: ReadonlySet<string> = new Set(HIDDEN_FIELDS);

// Mutable `doc`: a room whose sort keys did not change keeps its entry (and place) with the new value;
// `home` is the sorted list's (sorted-list.ts).
type Entry = { -readonly [K in keyof Keyed<Room>]: Keyed<Room>[K] } & Placed;

const freshCopy = (page: LivePage): LivePage => jsonpatch.deepClone(page) as LivePage;

/**
 * Follows `scoped` over `source`: emits the page first, then one patch per store change that alters it.
 * @example
 * let copy: LivePage;
 * const live = liveQuery(store, scoped, (e) => {
 *   if (e.kind === 'page') copy = e.page;
 *   else jsonpatch.applyPatch(copy, [...e.patch]); // copy ≡ runQuery(compileQuery(scoped), store.snapshot()) as JSON
 * });
 * live.close();
 */
export const liveQuery = (
  source: LiveSource,
  scoped: ScopedQuery,
  onChange: (event: LiveEvent) => void,
  options: LiveQueryOptions = {},
): LiveQuery => {
  const { predicate, sort, project, paging } = compileQuery(scoped);
  const compare: (a: Entry, b: Entry) => number = sort.ord.compare;
  const end = paging.limit === null ? Number.POSITIVE_INFINITY : paging.offset + paging.limit;
  const stats: LiveStats = { predicateEvaluations: 0, changes: 0, entryMoves: 0, pageReads: 0, patches: 0 };
  const json = new WeakMap<Room, Json>();
  // The page is JSON: with every field returned, skip the projector's frozen copy and convert the room directly.
  const toJson = scoped.projection.kind === 'all'
    ? (room: Room, prior?: PriorJson): Json => toJsonObjectWithout(room, hidden, prior)
    : (room: Room): Json => toJsonValue(project(room));
  const jsonOf = (room: Room): Json => {
    let j = json.get(room);
    if (j === undefined) json.set(room, (j = toJson(room)));
    return j;
  };
  /** `after`'s JSON made from `before`'s where fields are shared (only changed fields converted: less garbage per change). */
  const carryJson = (before: Room, after: Room): void => {
    const old = json.get(before);
    if (old !== undefined && !json.has(after)) json.set(after, toJson(after, { from: before, json: old }));
  };
  // Unique `_id`s in a store make `position` irrelevant to the order; 0 keeps entries comparable.
  const readers = sort.spec.map((key) => compilePath(key.path));
  /** The room's sort keys equal `keys` (compareValues-equal each): it keeps its place in the order. */
  const sameKeys = (keys: ReadonlyArray<unknown>, room: Room): boolean => {
    for (let i = 0; i < readers.length; i++) {
      const value = (readers[i] as (doc: unknown) => unknown)(room);
      if (value !== keys[i] && compareValues(value, keys[i]) !== 0) return false;
    }
    return true;
  };
  const entryOf = (room: Room): Entry => ({ doc: room, keys: sort.keysOf(room), position: 0, home: undefined });
  const emit = (event: LiveEvent): void => {
    try {
      onChange(event);
    } catch (error) {
      options.onError?.(error);
    }
  };

  const members = new Map<string, Entry>();
  let list = createSortedList<Entry>(compare);
  // Ours alone (events and page() hand out copies): a swap edits it in place.
  let page: { rooms: Json[]; count: number; offset: number; total: number } = { rooms: [], count: 0, offset: paging.offset, total: 0 };
  let version = -1;
  let closed = false;

  /** The entry (present in the list) ranks before the page's end, so the page changes with it. */
  const beforeEnd = (entry: Entry): boolean => {
    if (list.size <= end) return true;
    return compare(entry, list.at(end - 1) as Entry) <= 0;
  };
  const readPage = (): typeof page => {
    stats.pageReads++;
    const rooms = list.slice(paging.offset, end).map((e) => jsonOf(e.doc));
    return { rooms, count: rooms.length, offset: paging.offset, total: list.size };
  };

  const unsubscribe = source.subscribe((change) => {
    // A query started from inside a listener has read a state newer than events still queued for delivery.
    if (closed || change.version <= version) return;
    let windowMoved = false;
    // Rooms swapped in place inside [0, end) while nothing moved: the page is edited, not re-read.
    let swaps: Array<readonly [Room, Room]> | undefined;
    for (const { id, after } of change.changes) {
      stats.changes++;
      const was = members.get(id);
      stats.predicateEvaluations++;
      const now = after !== undefined && predicate(after);
      if (was === undefined && !now) continue;
      if (was !== undefined && now && sameKeys(was.keys, after as Room)) {
        // Same place in the order (the usual answer / close / tag): swap the room in, no list work.
        if (beforeEnd(was)) {
          carryJson(was.doc, after as Room);
          if (!windowMoved) (swaps ??= []).push([was.doc, after as Room]);
        }
        was.doc = after as Room;
        continue;
      }
      if (was !== undefined) {
        if (!windowMoved && beforeEnd(was)) windowMoved = true;
        list.remove(was);
        members.delete(id);
        stats.entryMoves++;
      }
      if (now) {
        const entry = entryOf(after as Room);
        list.insert(entry);
        members.set(id, entry);
        stats.entryMoves++;
        if (!windowMoved && beforeEnd(entry)) windowMoved = true;
      }
    }
    version = change.version;
    let patch: Operation[];
    if (windowMoved) {
      const next = readPage();
      patch = diffPage(page, next);
      page = next;
    } else {
      patch = [];
      for (const [before, after] of swaps ?? []) {
        // Not cached: never on the page (it ranks before `offset`), so the page is the same.
        const old = json.get(before);
        const at = old === undefined ? -1 : page.rooms.indexOf(old);
        if (at < 0) continue;
        const value = jsonOf(after);
        page.rooms[at] = value;
        patch.push({ op: 'replace', path: `/rooms/${at}`, value });
      }
      if (page.total !== list.size) {
        patch.push({ op: 'replace', path: '/total', value: list.size });
        page.total = list.size;
      }
    }
    if (patch.length === 0) return;
    stats.patches++;
    emit({ kind: 'patch', version, patch });
  });

  // Subscribed first, then read: JS runs this synchronously, so no change falls between the two.
  const state = source.current();
  version = state.version;
  const initial: Entry[] = [];
  state.forEach((room, id) => {
    stats.predicateEvaluations++;
    if (!predicate(room)) return;
    const entry = entryOf(room);
    initial.push(entry);
    members.set(id, entry);
  });
  list = createSortedList(compare, initial);
  page = readPage();
  emit({ kind: 'page', version, page: freshCopy(page) });

  return {
    get version() {
      return version;
    },
    page: () => freshCopy(page),
    stats,
    close: () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      members.clear();
      list = createSortedList(compare);
    },
  };
};
