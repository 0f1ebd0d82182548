// Rocket.Chat's users collection as exported by mongoexport → the users a fixture server authenticates:
// id, username, roles and the stored login-token hashes. Nothing else (passwords, emails...) is kept.
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { LoadError } from './load-error.js';
import { readExport, type Accept } from './read-export.js';
import type { ExportSource } from './text-source.js';

/** A user as loaded: every `services.resume.loginTokens[].hashedToken` (base64 SHA-256). */
export interface LoadedUser {
  readonly _id: string;
  readonly username: string;
  readonly roles: ReadonlyArray<string>;
  readonly hashedTokens: ReadonlyArray<string>;
}

const LoginToken = t.partial({ hashedToken: t.string });

const UserDocument = t.intersection([
  t.type({ _id: t.string }),
  t.partial({
    username: t.string,
    roles: t.array(t.string),
    active: t.boolean,
    services: t.partial({ resume: t.partial({ loginTokens: t.array(LoginToken) }) }),
  }),
]);

const DIGEST_BYTES = 32;

/** What Rocket.Chat stores (Accounts._hashLoginToken): base64 of a SHA-256 digest, 44 characters. */
export const isHashedToken = (s: string): boolean => {
  const bytes = Buffer.from(s, 'base64');
  return bytes.length === DIGEST_BYTES && bytes.toString('base64') === s;
};

const pathOf = (context: t.Context): string =>
  '/' +
  context
    .filter((entry, i) => entry.key !== '' && !(context[i - 1]?.type instanceof t.IntersectionType))
    .map((e) => e.key)
    .join('/');

/**
 * Loads a `mongoexport` of Rocket.Chat's `users` collection (same formats as loadRooms). A user without a
 * username (an unfinished registration) cannot call the API and is skipped; a deactivated user
 * (`active: false`) is kept without tokens, as Rocket.Chat refuses its logins. Token expiry (`when`) is
 * not checked. The first bad document is a Left naming its line; never throws, never rejects.
 *
 * @example
 * import { loadUsers } from 'room-query';
 * const users = await loadUsers('users.json'); // Right([{ _id, username, roles, hashedTokens }])
 */
export const loadUsers = (source: ExportSource): Promise<E.Either<LoadError, ReadonlyArray<LoadedUser>>> => {
  const seen = new Map<string, number>();
  const accept: Accept<LoadedUser> = (doc, { line }) => {
    const decoded = UserDocument.decode(doc);
    if (E.isLeft(decoded)) {
      const first = decoded.left[0];
      const where = first === undefined ? '/' : pathOf(first.context);
      return E.left({
        code: 'invalid-document',
        message: `${where}: expected ${first?.context[first.context.length - 1]?.type.name ?? 'a user'}`,
      });
    }
    const user = decoded.right;
    const first = seen.get(user._id);
    if (first !== undefined)
      return E.left({ code: 'duplicate-id', message: `_id ${JSON.stringify(user._id)} already used on line ${first}` });
    seen.set(user._id, line);
    if (user.username === undefined) return E.right(undefined);
    const tokens = (user.services?.resume?.loginTokens ?? []).flatMap((token) =>
      token.hashedToken === undefined ? [] : [token.hashedToken],
    );
    const bad = tokens.findIndex((h) => !isHashedToken(h));
    if (bad >= 0)
      return E.left({
        code: 'invalid-document',
        message: `/services/resume/loginTokens: hashedToken #${bad + 1} is not a base64 SHA-256 digest`,
      });
    return E.right(
      Object.freeze({
        _id: user._id,
        username: user.username,
        roles: Object.freeze([...(user.roles ?? [])]),
        hashedTokens: Object.freeze(user.active === false ? [] : [...new Set(tokens)]),
      }),
    );
  };
  return readExport(source, accept).then(E.map((users) => Object.freeze(users)));
};
