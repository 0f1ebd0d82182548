// The fixture server's rooms, changeable from a test: room-query/store's RoomStore itself (apply a JSON
// Patch, subscribe, snapshot) plus one-line helpers — insert, update, remove, reset — each one atomic
// JSON Patch on that store, so GET answers, rooms.stream and rooms.patch all follow at once.
import * as E from 'fp-ts/lib/Either.js';
import { admitRoom, type Room } from '../index.js';
import { formatPatchError, toPointer, type RoomStore } from '../store/index.js';

/** The store behind the fixture server, with test helpers. Every room type is accepted; only call rooms are ever matched. */
export interface FixtureStore extends RoomStore {
  /** The rooms served now (a frozen snapshot). */
  readonly rooms: () => ReadonlyArray<Room>;
  /** Adds rooms (ISO or EJSON dates in call rooms); all or nothing. */
  readonly insert: (...rooms: ReadonlyArray<unknown>) => E.Either<string, ReadonlyArray<Room>>;
  /** Replaces room `id` by `change(room)`, e.g. closing a call: `({ open, ...r }) => ({ ...r, closedAt: new Date() })`. */
  readonly update: (id: string, change: (room: Room) => unknown) => E.Either<string, Room>;
  /** false when there was no such room. */
  readonly remove: (id: string) => boolean;
  /** Back to the rooms the server started with, or to `rooms`. */
  readonly reset: (rooms?: ReadonlyArray<unknown>) => E.Either<string, ReadonlyArray<Room>>;
}

// JSON Patch values are JSON data: a key holding `undefined` means "no such field", as JSON.stringify reads it.
const withoutUndefined = (x: unknown): unknown => {
  if (typeof x !== 'object' || x === null || x instanceof Date) return x;
  if (Array.isArray(x)) return x.map(withoutUndefined);
  if (Object.getPrototypeOf(x) !== Object.prototype && Object.getPrototypeOf(x) !== null) return x;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(x)) {
    if (value === undefined) continue;
    Object.defineProperty(out, key, { value: withoutUndefined(value), enumerable: true, writable: true, configurable: true });
  }
  return out;
};

const admitAll = (xs: ReadonlyArray<unknown>, taken: (id: string) => boolean): E.Either<string, ReadonlyArray<Room>> => {
  const out: Room[] = [];
  const ids = new Set<string>();
  for (const [i, x] of xs.entries()) {
    const room = admitRoom(withoutUndefined(x));
    if (E.isLeft(room))
      return E.left(
        `room ${i} is not ${(x as { t?: unknown } | null)?.t === 'v' ? 'a call room' : 'a room'}: ${room.left.slice(0, 3).join('; ')}`,
      );
    const id = room.right['_id'] as string;
    if (ids.has(id) || taken(id)) return E.left(`room ${i}: duplicate _id ${JSON.stringify(id)}`);
    ids.add(id);
    out.push(room.right);
  }
  return E.right(out);
};

/** The façade over `store`; `initial`: the rooms `reset()` goes back to. */
export const fixtureStore = (store: RoomStore, initial: ReadonlyArray<Room>): FixtureStore => {
  const apply = (ops: ReadonlyArray<unknown>): E.Either<string, void> =>
    ops.length === 0 ? E.right(undefined) : E.bimap(formatPatchError, () => undefined)(store.apply(ops));
  const ids = (): string[] => {
    const out: string[] = [];
    store.current().forEach((_room, id) => out.push(id));
    return out;
  };
  const helpers = {
    rooms: () => store.current().rooms(),
    insert: (...xs: ReadonlyArray<unknown>) =>
      E.chain((added: ReadonlyArray<Room>) =>
        E.map(() => added.map((r) => store.get(r['_id'] as string) as Room))(
          apply(added.map((room) => ({ op: 'add', path: toPointer([room['_id'] as string]), value: room }))),
        ),
      )(admitAll(xs, (id) => store.get(id) !== undefined)),
    update: (id: string, change: (room: Room) => unknown): E.Either<string, Room> => {
      const current = store.get(id);
      if (current === undefined) return E.left(`no room with _id ${JSON.stringify(id)}`);
      const next = admitRoom(withoutUndefined(change(current)));
      if (E.isLeft(next)) return E.left(`the updated room is not a call room: ${next.left.slice(0, 3).join('; ')}`);
      if (next.right['_id'] !== id) return E.left(`an update must keep _id ${JSON.stringify(id)}`);
      return E.map(() => store.get(id) as Room)(apply([{ op: 'replace', path: toPointer([id]), value: next.right }]));
    },
    remove: (id: string) => store.get(id) !== undefined && E.isRight(apply([{ op: 'remove', path: toPointer([id]) }])),
    reset: (xs?: ReadonlyArray<unknown>) =>
      E.chain((rooms: ReadonlyArray<Room>) =>
        E.map(() => store.current().rooms())(
          apply([
            ...ids().map((id) => ({ op: 'remove', path: toPointer([id]) })),
            ...rooms.map((room) => ({ op: 'add', path: toPointer([room['_id'] as string]), value: room })),
          ]),
        ),
      )(xs === undefined ? E.right(initial) : admitAll(xs, () => false)),
  };
  // The store's own methods stay bound to it; the helpers sit beside them.
  return Object.freeze({
    get version() {
      return store.version;
    },
    get size() {
      return store.size;
    },
    get: (id: string) => store.get(id),
    apply: (ops: unknown) => store.apply(ops),
    subscribe: store.subscribe.bind(store),
    snapshot: () => store.snapshot(),
    current: () => store.current(),
    ...helpers,
  });
};
