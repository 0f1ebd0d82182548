// Live queries shared across subscribers: subscribers of one endpoint whose requests normalize to the same scoped
// query (filter with the caller's scope, sort, projection, paging) share ONE view — one held window,
// one diff and one serialized frame per change, the same string handed to every subscriber. Distinct
// queries each cost one evaluation per change, whatever the number of connections. A view whose
// last subscriber left lingers a while, so a client reconnecting with the last version it saw is sent
// the patches it missed (the view's bounded history) instead of a fresh page.
import { compileQuery } from '../compile/compile-query.js';
import type { Room } from '../model/room.js';
import type { ScopedQuery } from '../query/rooms-query.js';
import { createLiveView, type HistoryOptions, type LiveFrame, type LiveSource, type LiveView } from './live-view.js';

export interface LiveHubOptions {
  /** Patches kept per view for reconnecting clients (default: the last 256, at most 256 KiB). */
  readonly history?: HistoryOptions;
  /** How long a view without subscribers is kept (default 30 s; 0: closed at once). */
  readonly lingerMs?: number;
  /** Told when a subscriber throws (the others still receive the frame). */
  readonly onError?: (error: unknown) => void;
}

export interface FollowOptions {
  /** The last version the client saw (SSE Last-Event-ID): replay from there when the history holds it. */
  readonly lastEventId?: number;
  /** The endpoint followed (`voip`, `livechat`; default `voip`): views are shared per endpoint and scoped query. */
  readonly endpoint?: string;
  /**
   * What the endpoint adds to each returned room (livechat: its department). Part of the sharing key by
   * identity: followers passing the same function share a view (followRooms passes one per endpoint and
   * omnichannel data).
   */
  readonly decorate?: (room: Room) => Room;
}

export interface LiveSubscription {
  /** The version of the view's page when the subscription started. */
  readonly version: number;
  /** True when the subscription began with a replay of missed patches (not a page). */
  readonly replayed: boolean;
  close(): void;
}

export interface LiveHubStats {
  /** Distinct queries maintained (views). */
  readonly views: number;
  readonly subscribers: number;
  /** Matches held by all views together: bounded by Σ (count + buffer) over views, not by subscribers or rooms. */
  readonly entriesHeld: number;
}

export interface LiveHub {
  /** Sends `onFrame` the page (or the missed patches), then one frame per change that alters the page. */
  follow(scoped: ScopedQuery, onFrame: (frame: LiveFrame) => void, options?: FollowOptions): LiveSubscription;
  readonly stats: LiveHubStats;
  /** Closes every view; subscribers receive nothing more. */
  close(): void;
}

/** Requests that normalize to the same scoped query share a key (parameter spelling and order do not matter). */
export const queryKey = (q: ScopedQuery): string => JSON.stringify([q.mode, q.scope, q.filter, q.sort, q.projection, q.paging]);

// Decorations are functions: each distinct one gets a number for the key (weakly held, so none leaks).
const decorationIds = new WeakMap<(room: Room) => Room, number>();
let nextDecorationId = 1;
const decorationId = (decorate: ((room: Room) => Room) | undefined): number => {
  if (decorate === undefined) return 0;
  let id = decorationIds.get(decorate);
  if (id === undefined) decorationIds.set(decorate, (id = nextDecorationId++));
  return id;
};

/** The hub's sharing key: the endpoint, its decoration and the scoped query. */
const viewKey = (scoped: ScopedQuery, options: FollowOptions): string =>
  `${options.endpoint ?? 'voip'}#${decorationId(options.decorate)}#${queryKey(scoped)}`;

interface Shared {
  readonly view: LiveView;
  readonly subscribers: Set<(frame: LiveFrame) => void>;
  linger: ReturnType<typeof setTimeout> | undefined;
}

/**
 * A hub over `source`.
 * @example
 * const hub = createLiveHub(store);
 * const sub = hub.follow(scoped, (frame) => res.write(`event: ${frame.kind}\nid: ${frame.version}\ndata: ${frame.data}\n\n`));
 * sub.close();
 */
export const createLiveHub = (source: LiveSource, options: LiveHubOptions = {}): LiveHub => {
  const shared = new Map<string, Shared>();
  const history = { events: options.history?.events ?? 256, bytes: options.history?.bytes ?? 256 * 1024 };
  const lingerMs = options.lingerMs ?? 30_000;
  const report = (error: unknown): void => {
    try {
      options.onError?.(error);
    } catch {
      // a failing error hook must not stop the fan-out
    }
  };
  const deliver = (subscriber: (frame: LiveFrame) => void, frame: LiveFrame): void => {
    try {
      subscriber(frame);
    } catch (error) {
      report(error);
    }
  };
  const drop = (key: string, s: Shared): void => {
    clearTimeout(s.linger);
    s.view.close();
    shared.delete(key);
  };
  const open = (key: string, scoped: ScopedQuery, decorate: ((room: Room) => Room) | undefined): Shared => {
    const view = createLiveView(source, compileQuery(scoped), {
      history,
      onError: report,
      ...(decorate === undefined ? {} : { decorate }),
    });
    const s: Shared = { view, subscribers: new Set(), linger: undefined };
    view.listen((_event, frameOf) => {
      const frame = frameOf();
      for (const subscriber of [...s.subscribers]) deliver(subscriber, frame);
    });
    shared.set(key, s);
    return s;
  };

  return {
    follow: (scoped, onFrame, followOptions = {}) => {
      const key = viewKey(scoped, followOptions);
      const s = shared.get(key) ?? open(key, scoped, followOptions.decorate);
      clearTimeout(s.linger);
      s.linger = undefined;
      const { lastEventId } = followOptions;
      const missed = lastEventId === undefined ? undefined : s.view.since(lastEventId);
      if (missed === undefined) deliver(onFrame, s.view.pageFrame());
      else for (const frame of missed) deliver(onFrame, frame);
      // Added after the first frames: synchronous, so no change falls in between.
      const subscriber = (frame: LiveFrame): void => onFrame(frame);
      s.subscribers.add(subscriber);
      let closed = false;
      return {
        version: s.view.version,
        replayed: missed !== undefined,
        close: () => {
          if (closed) return;
          closed = true;
          s.subscribers.delete(subscriber);
          if (s.subscribers.size > 0 || shared.get(key) !== s) return;
          if (lingerMs <= 0) return drop(key, s);
          s.linger = setTimeout(() => drop(key, s), lingerMs);
          s.linger.unref?.();
        },
      };
    },
    get stats() {
      let subscribers = 0;
      let entriesHeld = 0;
      for (const s of shared.values()) {
        subscribers += s.subscribers.size;
        entriesHeld += s.view.stats.entriesHeld;
      }
      return { views: shared.size, subscribers, entriesHeld };
    },
    close: () => {
      for (const [key, s] of [...shared]) {
        s.subscribers.clear();
        drop(key, s);
      }
    },
  };
};
