// Outside data in: decode rooms with readable, path-named errors instead of io-ts's raw contexts.
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
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

const formatError = (prefix: string) => (error: t.ValidationError): string => {
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
