// Outside data in: decode rooms with readable, path-named errors instead of io-ts's raw contexts.
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { Room } from './room.js';
import { LivechatRoomCodec } from './livechat-room-codec.js';
import { VoipRoomCodec, type VoipRoom } from './room-codec.js';

const describe = (u: unknown): string => {
  if (u === undefined) return 'nothing';
  if (u instanceof Date) return `Date(${Number.isNaN(u.getTime()) ? 'invalid' : u.toISOString()})`;
  try {
    const s = JSON.stringify(u);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return typeof u;
  }
};

// Intersections add their member index to the context; that is not a path step of the document.
const pathOf = (context: t.Context): string =>
  '/' +
  context
    .filter((entry, i) => entry.key !== '' && !(context[i - 1]?.type instanceof t.IntersectionType))
    .map((entry) => entry.key)
    .join('/');

const formatError =
  (prefix: string) =>
  (error: t.ValidationError): string => {
    const expected = error.message ?? `expected ${error.context[error.context.length - 1]?.type.name ?? 'a value'}`;
    return `${prefix}${pathOf(error.context)}: ${expected}, got ${describe(error.value)}`;
  };

const dedupe = (xs: ReadonlyArray<string>): ReadonlyArray<string> => [...new Set(xs)];

// JSON.parse keeps "__proto__" as an own key, but io-ts merges decoded objects by assignment, which would
// turn it into the prototype of the decoded room. Such keys are refused before decoding.
const protoKeyPath = (u: unknown, path: string, depth = 0): string | undefined => {
  if (typeof u !== 'object' || u === null || u instanceof Date || depth > 64) return undefined;
  if (!Array.isArray(u) && Object.hasOwn(u, '__proto__')) return `${path}/__proto__`;
  for (const [key, value] of Object.entries(u)) {
    const found = protoKeyPath(value, `${path}/${key}`, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
};

const protoKeyError = (path: string): string => `${path}: key not allowed (it would replace the object's prototype)`;

/**
 * Checks that `x` is a call room (the shape in docs/endpoint.md) and decodes its dates.
 * @example
 * validateRoom({ _id: 'r1' }) // Left(['/t: expected "v", got nothing', ...])
 */
export const validateRoom = (x: unknown): E.Either<ReadonlyArray<string>, VoipRoom> => {
  const proto = protoKeyPath(x, '');
  if (proto !== undefined) return E.left([protoKeyError(proto)]);
  return E.mapLeft((errors: t.Errors) => dedupe(errors.map(formatError(''))))(VoipRoomCodec.decode(x));
};

/** Decodes an array of call rooms; errors name the index of the bad room. */
export const decodeRooms = (xs: unknown): E.Either<ReadonlyArray<string>, ReadonlyArray<VoipRoom>> => {
  if (!Array.isArray(xs)) return E.left(['/: expected an array of rooms']);
  const rooms: VoipRoom[] = [];
  const errors: string[] = [];
  xs.forEach((x, i) => {
    const proto = protoKeyPath(x, `/${i}`);
    if (proto !== undefined) {
      errors.push(protoKeyError(proto));
      return;
    }
    const decoded = VoipRoomCodec.decode(x);
    if (E.isRight(decoded)) rooms.push(decoded.right);
    else errors.push(...dedupe(decoded.left.map(formatError(`/${i}`))));
  });
  return errors.length > 0 ? E.left(errors) : E.right(rooms);
};

const isRecord = (x: unknown): x is Readonly<Record<string, unknown>> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Date);

/**
 * The one room policy wherever rooms come in (store, fixture server, API, loaders): every room type is
 * accepted — an endpoint only ever matches its own type — and a call room (`t: 'v'`) must be a valid one
 * (its dates decoded). A livechat room (`t: 'l'`) that has the livechat shape (LivechatRoomCodec) gets its
 * dates decoded too; one that does not is held as given, like any other type. Any room needs a string `_id`.
 * @example
 * admitRoom({ _id: 'l1', t: 'l' }) // Right: held, never matched by GET voip/rooms
 * admitRoom({ _id: 'v1', t: 'v' }) // Left(['/name: expected string, got nothing', ...])
 */
export const admitRoom = (x: unknown): E.Either<ReadonlyArray<string>, Room> => {
  if (!isRecord(x)) return E.left([`/: expected a room (an object), got ${describe(x)}`]);
  if (x['t'] === 'v') return validateRoom(x) as E.Either<ReadonlyArray<string>, Room>;
  const proto = protoKeyPath(x, '');
  if (proto !== undefined) return E.left([protoKeyError(proto)]);
  if (typeof x['_id'] !== 'string') return E.left([`/_id: expected string, got ${describe(x['_id'])}`]);
  if (x['t'] === 'l') {
    const livechat = LivechatRoomCodec.decode(x);
    if (E.isRight(livechat)) return E.right(livechat.right as Room);
  }
  return E.right(x as Room);
};

/** `admitRoom` over an array; errors name the index of the bad room. */
export const admitRooms = (xs: unknown): E.Either<ReadonlyArray<string>, ReadonlyArray<Room>> => {
  if (!Array.isArray(xs)) return E.left(['/: expected an array of rooms']);
  const rooms: Room[] = [];
  const errors: string[] = [];
  xs.forEach((x, i) => {
    const admitted = admitRoom(x);
    if (E.isRight(admitted)) rooms.push(admitted.right);
    else errors.push(...admitted.left.map((e) => `/${i}${e === '/' || e.startsWith('/:') ? e.slice(1) : e}`));
  });
  return errors.length > 0 ? E.left(errors) : E.right(rooms);
};
