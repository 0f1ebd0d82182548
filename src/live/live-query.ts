// A live query: the page of a compiled query kept current from a stream of room changes, pushed to
// the caller as JSON Patch diffs of the page document `{ rooms, count, offset, total }` (JSON form:
// Dates as ISO strings, exactly what the HTTP endpoint sends). One caller, one view (live-view.ts);
// callers that share queries go through a hub (live-hub.ts).
import { compileQuery } from '../compile/compile-query.js';
import type { Room } from '../model/room.js';
import type { ScopedQuery } from '../query/rooms-query.js';
import { createLiveView, type LiveEvent, type LivePage, type LiveSource, type LiveStats } from './live-view.js';

export type { LiveEvent, LivePage, LiveSource, LiveStats } from './live-view.js';

export interface LiveQuery {
  /** The store version the page reflects. */
  readonly version: number;
  /** A fresh copy of the current page document. */
  page(): LivePage;
  readonly stats: Readonly<LiveStats>;
  /** Stops listening and drops the held window. Idempotent. */
  close(): void;
}

export interface LiveQueryOptions {
  /** Told when `onChange` throws (the live query carries on). */
  readonly onError?: (error: unknown) => void;
  /** What the endpoint adds to each returned room (livechat: its department); liveRooms passes the endpoint's. */
  readonly decorate?: (room: Room) => Room;
}

/**
 * Follows `scoped` over `source`: emits the page first, then one patch per store change that alters it.
 * Holds the page and a bounded buffer after it, never every match (docs/live.md, "Memory").
 * @example
 * let copy: LivePage;
 * const live = liveQuery(store, scoped, (e) => {
 *   if (e.kind === 'page') copy = e.page;
 *   else jsonpatch.applyPatch(copy, jsonpatch.deepClone(e.patch)); // copy ≡ runQuery(compileQuery(scoped), store.snapshot()) as JSON
 * });
 * live.close();
 */
export const liveQuery = (
  source: LiveSource,
  scoped: ScopedQuery,
  onChange: (event: LiveEvent) => void,
  options: LiveQueryOptions = {},
): LiveQuery => {
  const view = createLiveView(source, compileQuery(scoped), {
    ...(options.onError === undefined ? {} : { onError: options.onError }),
    ...(options.decorate === undefined ? {} : { decorate: options.decorate }),
  });
  view.listen((event) => onChange(event));
  try {
    onChange({ kind: 'page', version: view.version, page: view.page() });
  } catch (error) {
    options.onError?.(error);
  }
  return {
    get version() {
      return view.version;
    },
    page: () => view.page(),
    stats: view.stats,
    close: () => view.close(),
  };
};
