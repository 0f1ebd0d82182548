// Who is calling: `X-User-Id` + `X-Auth-Token` checked against the users' stored token hashes.
// How it works: the presented token is hashed (SHA-256) and compared with crypto.timingSafeEqual to
// every stored hash of that user — or to a dummy hash for an unknown user — so the time taken does not
// tell a wrong token from an unknown user. Only hashes are kept; plain tokens are dropped at creation.

import { timingSafeEqual } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import { hashToken } from './hash-token.js';
import { readHeader, type RequestHeaders } from './read-header.js';

/** A user the fixture server knows: a plain `token` (hashed at creation) and/or a stored `hashedToken`. */
export interface ApiUser {
  readonly _id: string;
  readonly username: string;
  readonly roles: ReadonlyArray<string>;
  readonly token?: string;
  /** base64 SHA-256 of the token, as Rocket.Chat stores it. */
  readonly hashedToken?: string;
  /** Every stored login token hash (`services.resume.loginTokens[].hashedToken` of a users export). */
  readonly hashedTokens?: ReadonlyArray<string>;
}

/** Who is calling, from the request headers; undefined when they do not authenticate. */
export type Authenticate = (headers: RequestHeaders) => Principal | undefined;

interface Entry {
  readonly principal: Principal;
  readonly hashes: ReadonlyArray<Buffer>;
}

const DIGEST_BYTES = 32;
const DUMMY: ReadonlyArray<Buffer> = [Buffer.alloc(DIGEST_BYTES)];

const decodeHash = (user: ApiUser, hashed: string): Buffer => {
  const bytes = Buffer.from(hashed, 'base64');
  if (bytes.length !== DIGEST_BYTES || bytes.toString('base64') !== hashed) {
    throw new TypeError(`user ${JSON.stringify(user._id)}: hashedToken is not a base64 SHA-256 digest`);
  }
  return bytes;
};

const entryOf = (user: ApiUser): Entry => {
  const hashes: Buffer[] = [];
  if (user.token !== undefined && user.token !== '') hashes.push(decodeHash(user, hashToken(user.token)));
  if (user.hashedToken !== undefined) hashes.push(decodeHash(user, user.hashedToken));
  for (const hashed of user.hashedTokens ?? []) hashes.push(decodeHash(user, hashed));
  const principal: Principal = Object.freeze({ _id: user._id, username: user.username, roles: Object.freeze([...user.roles]) });
  return { principal, hashes };
};

/**
 * Builds the authenticator for `users`. Throws a TypeError on a duplicate `_id` or a malformed
 * `hashedToken` (a configuration mistake, caught at startup rather than per request).
 */
export const createAuthenticator = (users: ReadonlyArray<ApiUser>): Authenticate => {
  const byId = new Map<string, Entry>();
  for (const user of users) {
    if (byId.has(user._id)) throw new TypeError(`duplicate user _id ${JSON.stringify(user._id)}`);
    byId.set(user._id, entryOf(user));
  }
  return (headers) => {
    const userId = readHeader(headers, 'x-user-id');
    const token = readHeader(headers, 'x-auth-token');
    if (userId === undefined || token === undefined) return undefined;
    const presented = Buffer.from(hashToken(token), 'base64');
    const entry = byId.get(userId);
    let matched = false;
    for (const stored of entry?.hashes ?? DUMMY) matched = timingSafeEqual(presented, stored) || matched;
    return entry !== undefined && matched ? entry.principal : undefined;
  };
};
