// Who is calling: `X-User-Id` + `X-Auth-Token` checked against the users' stored token hashes.
// How it works: the presented token is hashed (SHA-256) and compared with crypto.timingSafeEqual to
// every stored hash of that user — or to a dummy hash for an unknown user — so the time taken does not
// tell a wrong token from an unknown user. Only hashes are kept; plain tokens are dropped at creation.

import { timingSafeEqual } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { configError, type ConfigError, type ConfigProblem } from '../errors.js';
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

/** The digest of a stored hash, or undefined when it is not a base64 SHA-256 digest. */
const decodeHash = (hashed: string): Buffer | undefined => {
  const bytes = Buffer.from(hashed, 'base64');
  return bytes.length === DIGEST_BYTES && bytes.toString('base64') === hashed ? bytes : undefined;
};

const NOT_A_DIGEST = 'not a base64 SHA-256 digest';

const entryOf = (user: ApiUser, at: string, problems: ConfigProblem[]): Entry => {
  const hashes: Buffer[] = [];
  const stored = (hashed: string, path: string): void => {
    const bytes = decodeHash(hashed);
    if (bytes === undefined) problems.push({ path, message: NOT_A_DIGEST });
    else hashes.push(bytes);
  };
  if (user.token !== undefined && user.token !== '') stored(hashToken(user.token), `${at}.token`);
  if (user.hashedToken !== undefined) stored(user.hashedToken, `${at}.hashedToken`);
  (user.hashedTokens ?? []).forEach((hashed, j) => stored(hashed, `${at}.hashedTokens[${j}]`));
  const principal: Principal = Object.freeze({ _id: user._id, username: user.username, roles: Object.freeze([...user.roles]) });
  return { principal, hashes };
};

/**
 * Builds the authenticator for `users` (`path`: how the list is named in problems). A configuration
 * mistake — a duplicate `_id`, a malformed `hashedToken` — is caught here, at startup, rather than per
 * request: Left lists every one of them with its path.
 */
export const createAuthenticator = (users: ReadonlyArray<ApiUser>, path = 'users'): E.Either<ConfigError, Authenticate> => {
  const byId = new Map<string, Entry>();
  const problems: ConfigProblem[] = [];
  users.forEach((user, i) => {
    const at = `${path}[${i}]`;
    if (byId.has(user._id)) problems.push({ path: `${at}._id`, message: `duplicate user _id ${JSON.stringify(user._id)}` });
    else byId.set(user._id, entryOf(user, at, problems));
  });
  if (problems.length > 0) return E.left(configError(problems));
  return E.right((headers) => {
    const userId = readHeader(headers, 'x-user-id');
    const token = readHeader(headers, 'x-auth-token');
    if (userId === undefined || token === undefined) return undefined;
    const presented = Buffer.from(hashToken(token), 'base64');
    const entry = byId.get(userId);
    let matched = false;
    for (const stored of entry?.hashes ?? DUMMY) matched = timingSafeEqual(presented, stored) || matched;
    return entry !== undefined && matched ? entry.principal : undefined;
  });
};
