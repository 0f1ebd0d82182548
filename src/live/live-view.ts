// One maintained page of one compiled query over a store, for any number of listeners: the window
// (live-window.ts) follows each store change; the page document `{ rooms, count, offset, total }` is
// diffed into one JSON Patch per change that alters it, and every listener receives the SAME event
// object. Optionally the view keeps its last patches serialized (a bounded history) so a client that
// reconnects can be sent what it missed instead of a fresh page.
import type { Operation } from 'fast-json-patch';
import type { CompiledQuery } from '../compile/compile-query.js';
import type { RoomCollection } from '../collection/collection.js';
import { readWindow, windowQuery } from '../exec/read-window.js';
import { toJsonObjectWithout, toJsonValue, type Json } from '../value/to-json-value.js';
import type { Room } from '../model/room.js';
import type { RoomChange } from '../model/room-change.js';
import { diffPage } from './page-diff.js';
import { bufferFor, createLiveWindow, type WindowEffect, type WindowEntry } from './live-window.js';

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

/** An event's payload as JSON text, made once and shared by every listener (`data` of an SSE event). */
export interface LiveFrame {
  readonly kind: 'page' | 'patch';
  readonly version: number;
  readonly data: string;
}

/** What a live query needs from a store (RoomStore has it); live/ never imports store/. */
export interface LiveSource {
  current(): { readonly version: number; collection(): RoomCollection };
  subscribe(listener: (change: { readonly version: number; readonly changes: ReadonlyArray<RoomChange> }) => void): () => void;
}

/** Work counters: tests assert complexity and memory through these, never timings. */
export interface LiveStats {
  /** Predicate evaluations on changed rooms (before and after values). */
  predicateEvaluations: number;
  /** Room changes received. */
  changes: number;
  /** Entries inserted into or removed from the held window. */
  entryMoves: number;
  /** Reads of the window from the store's indexed snapshot (the first one included). */
  pageReads: number;
  /** Documents those reads examined (the engine's docsExamined): O(window + log n + the snapshot's overlay) each. */
  docsRead: number;
  /** Patches emitted. */
  patches: number;
  /** Matches held right now (page + buffer): bounded by count + buffer, never by the number of matches. */
  readonly entriesHeld: number;
}

export interface HistoryOptions {
  /** Patches kept for replay (default 0: none). */
  readonly events?: number;
  /** Bytes of serialized patches kept for replay (default 256 KiB). */
  readonly bytes?: number;
}

export interface LiveViewOptions {
  /** Told when a listener throws (the others still hear the event). */
  readonly onError?: (error: unknown) => void;
  readonly history?: HistoryOptions;
  /** Matches held past the page (default: as many as the page, 8 to 64). Tests use small ones to run the buffer dry. */
  readonly buffer?: number;
  /**
   * What the endpoint adds to each returned room after the projection (livechat: its `department`), so a
   * live page is exactly the endpoint's GET page. Absent: rooms as projected.
   */
  readonly decorate?: (room: Room) => Room;
}

export interface LiveView {
  /** The store version the page reflects. */
  readonly version: number;
  /** The current page document, made now (fresh JSON: the caller may keep and change it). */
  page(): LivePage;
  /** The current page as one frame (serialized once per version, shared by every caller). */
  pageFrame(): LiveFrame;
  /** The patch frames after `version`, when the history still holds all of them; else undefined. */
  since(version: number): ReadonlyArray<LiveFrame> | undefined;
  /** The patch event and its frame, for each change that alters the page; returns the unlisten function. */
  listen(listener: (event: LiveEvent, frame: () => LiveFrame) => void): () => void;
  readonly stats: Readonly<LiveStats>;
  /** Stops following the store and drops what it holds. Idempotent. */
  close(): void;
}

// The page as held entries: no JSON is kept (a room's JSON is made when a patch or a page carries it), so a
// view holds its window's entries and nothing per room beyond them.
type HeldPage = { rooms: WindowEntry[]; count: number; offset: number; total: number };

/**
 * The view of `compiled` over `source`, read now and kept current. Every listener receives the same event
 * object: clone a patch before applying it to a page in place.
 */
export const createLiveView = (source: LiveSource, compiled: CompiledQuery, options: LiveViewOptions = {}): LiveView => {
  const { paging } = compiled;
  const jsonOffset = paging.offset + 0; // as JSON writes it (-0 is 0)
  const counters = { predicateEvaluations: 0, entryMoves: 0 };
  const window = createLiveWindow(compiled, counters, options.buffer ?? bufferFor(paging.limit));
  const windowed = windowQuery(compiled, window.read.from, window.read.from + window.read.count);
  const stats: LiveStats = {
    get predicateEvaluations() {
      return counters.predicateEvaluations;
    },
    changes: 0,
    get entryMoves() {
      return counters.entryMoves;
    },
    pageReads: 0,
    docsRead: 0,
    patches: 0,
    get entriesHeld() {
      return window.held.length;
    },
  };
  // The page is JSON: with every field returned, skip the projector's frozen copy and convert the room directly.
  // The fields this endpoint never returns (voip hides a few; livechat none), as the projector drops them.
  const { projection } = compiled.query;
  const hidden: ReadonlySet<string> = new Set(projection.kind === 'all' ? projection.hidden : []);
  const { decorate } = options;
  const toJson =
    decorate !== undefined
      ? projection.kind === 'all'
        ? (room: Room): Json => toJsonObjectWithout(decorate(room), hidden)
        : (room: Room): Json => toJsonValue(decorate(compiled.project(room)))
      : projection.kind === 'all'
        ? (room: Room): Json => toJsonObjectWithout(room, hidden)
        : (room: Room): Json => toJsonValue(compiled.project(room));
  const pageJson = (p: HeldPage): LivePage => ({
    rooms: p.rooms.map((e) => toJson(e.doc)),
    count: p.count,
    offset: p.offset,
    total: p.total,
  });
  /** The diff's room values (entries) as JSON. */
  const withJson = (ops: Operation[]): Operation[] => {
    for (const op of ops)
      if ((op.op === 'add' || op.op === 'replace') && typeof op.value === 'object') op.value = toJson((op.value as WindowEntry).doc);
    return ops;
  };
  const listeners = new Set<(event: LiveEvent, frame: () => LiveFrame) => void>();
  const maxEvents = options.history?.events ?? 0;
  const maxBytes = options.history?.bytes ?? 256 * 1024;
  // Patches since `historyFrom` (oldest first): replayable to a client whose page is at least that recent.
  const history: LiveFrame[] = [];
  let historyBytes = 0;
  let historyFrom = 0;

  let version = -1;
  let closed = false;
  let page: HeldPage = { rooms: [], count: 0, offset: jsonOffset, total: 0 };
  // Shared by the subscribers joining at this version while any of them still holds it (no page JSON kept).
  let pageFrame: WeakRef<LiveFrame> | undefined;

  const readPage = (state: { readonly version: number; collection(): RoomCollection }): void => {
    stats.pageReads++;
    const read = readWindow(windowed, state.collection());
    stats.docsRead += read.stats.docsExamined;
    window.reset(read.rooms, read.total);
    version = state.version;
  };
  const currentPage = (): HeldPage => {
    const rooms = [...window.page()];
    return { rooms, count: rooms.length, offset: jsonOffset, total: window.total };
  };
  const remember = (frame: LiveFrame): void => {
    if (maxEvents === 0) return;
    history.push(frame);
    historyBytes += frame.data.length;
    while (history.length > maxEvents || historyBytes > maxBytes) {
      const dropped = history.shift() as LiveFrame;
      historyBytes -= dropped.data.length;
      historyFrom = dropped.version;
    }
  };

  const unsubscribe = source.subscribe((change) => {
    // A view started from inside a listener has read a state newer than events still queued for delivery.
    if (closed || change.version <= version) return;
    let effect: WindowEffect = 'none';
    for (const { id, before, after } of change.changes) {
      stats.changes++;
      const e = window.apply(id, before, after);
      if (e === 'reread') {
        effect = e;
        break;
      }
      if (e === 'page') effect = e;
    }
    let patch: Operation[];
    if (effect === 'none') {
      version = change.version;
      patch = [];
      if (page.total !== window.total) {
        patch.push({ op: 'replace', path: '/total', value: window.total });
        page.total = window.total;
      }
    } else {
      // A re-read reads the newest version (later events up to it are then skipped): never older than this change.
      if (effect === 'reread') readPage(source.current());
      else version = change.version;
      const next = currentPage();
      patch = withJson(diffPage(page, next));
      page = next;
    }
    if (patch.length === 0) return;
    pageFrame = undefined;
    stats.patches++;
    const event: LiveEvent = { kind: 'patch', version, patch };
    let frame: LiveFrame | undefined;
    const frameOf = (): LiveFrame => (frame ??= { kind: 'patch', version: event.version, data: JSON.stringify(patch) });
    if (maxEvents > 0) remember(frameOf());
    else historyFrom = version;
    for (const listener of [...listeners]) {
      try {
        listener(event, frameOf);
      } catch (error) {
        try {
          options.onError?.(error);
        } catch {
          // a failing error hook must not stop the other listeners
        }
      }
    }
  });

  // Subscribed first, then read: JS runs this synchronously, so no change falls between the two.
  readPage(source.current());
  page = currentPage();
  historyFrom = version;

  return {
    get version() {
      return version;
    },
    page: () => pageJson(page),
    pageFrame: () => {
      const cached = pageFrame?.deref();
      if (cached !== undefined) return cached;
      const frame: LiveFrame = { kind: 'page', version, data: JSON.stringify(pageJson(page)) };
      pageFrame = new WeakRef(frame);
      return frame;
    },
    since: (from) => {
      if (from > version || from < historyFrom) return undefined;
      return history.filter((f) => f.version > from);
    },
    listen: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    stats,
    close: () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      listeners.clear();
      window.reset([], 0);
      history.length = 0;
    },
  };
};
