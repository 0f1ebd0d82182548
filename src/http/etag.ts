// Conditional GET for the rooms API (a room-query extension: Rocket.Chat sends no ETag). A response is
// determined by the rooms (an immutable collection: one version number per collection object), the
// request once parsed (the scoped query: filter, sort, projection, paging, mode) and the caller's scope
// (part of the scoped query). The ETag names those three, so a dashboard polling an unchanged store is
// answered 304 after authentication and parsing, without running the query or sending a body.
import type { ScopedQuery } from '../query/rooms-query.js';

/** Distinguishes this process's version numbers from another run's (they restart at 1). */
const BOOT = Math.floor(Math.random() * 2 ** 32).toString(36);

const versions = new WeakMap<object, number>();
let nextVersion = 1;

/** The version number of a rooms source (an immutable collection or array): one per object. */
export const versionOf = (rooms: object): number => {
  let v = versions.get(rooms);
  if (v === undefined) versions.set(rooms, (v = nextVersion++));
  return v;
};

/** cyrb53-style 53-bit hash of a string, as base 36 (two 32-bit lanes: collisions need ~2^26 distinct requests). */
const hash53 = (s: string): string => {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
};

/** What decides the answer, as text: the parsed request and the caller's scope (Dates as ISO strings). */
const requestKey = (q: ScopedQuery): string => JSON.stringify([q.mode, q.scope, q.filter, q.sort, q.projection, q.paging]);

/**
 * The exact identity of the 200 answer to `query` over `rooms`: the version and the whole request key, never a
 * hash of it, because a page cache keyed by it must not hand one caller's page to another whose request merely
 * hashes alike (cyrb53 is not collision-resistant against chosen inputs).
 */
export const pageKeyOf = (rooms: object, query: ScopedQuery): string => `${versionOf(rooms).toString(36)} ${requestKey(query)}`;

/** The ETag of the 200 answer to `query` over `rooms` (strong: the bytes are the same every time). */
export const etagOf = (rooms: object, query: ScopedQuery): string => {
  const key = requestKey(query);
  return `"rq-${BOOT}-${versionOf(rooms).toString(36)}-${hash53(key)}${key.length.toString(36)}"`;
};

/** If-None-Match holds `etag` (weak comparison, as RFC 9110 asks for If-None-Match) or is `*`. */
export const noneMatchHits = (header: string | undefined, etag: string): boolean => {
  if (header === undefined) return false;
  for (const part of header.split(',')) {
    const tag = part.trim();
    if (tag === '*' || tag === etag || (tag.startsWith('W/') && tag.slice(2) === etag)) return true;
  }
  return false;
};
