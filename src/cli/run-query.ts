// `room-query query` and `room-query explain`: run the endpoint's query locally as a demo user and
// print the page, or print how the query is scoped, filtered, sorted, paged and planned.

import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { createRoomCollection, explainRooms, queryRooms, type ApiError } from '../index.js';
import type { ExplainCommand, QueryCommand } from './commands.js';
import { formatPage } from './format-page.js';
import { hintFor, seedWarning } from './hints.js';
import { findUser, loadData, type CliUser, type Data } from './load-data.js';

/** An API error as one line: `403 unauthorized`. */
export const describeApiError = (error: ApiError): string =>
  `${error.status} ${'error' in error.body ? error.body.error : error.body.message}`;

/** A query string as typed on a command line: a leading `?` is allowed. */
const search = (params: string): string => params.replace(/^\?/, '');

/** The error line, then a hint on the next line when there is one (hints.ts). */
const describeWithHint = (user: CliUser, command: QueryCommand | ExplainCommand) => (error: ApiError): string => {
  const hint = hintFor(error, user, search(command.params), command.mode);
  return hint === undefined ? describeApiError(error) : `${describeApiError(error)}\n${hint}`;
};

/** Loads the data; warns (stderr) when a rooms file and the demo users cannot meet. */
const loadChecked = async (command: QueryCommand | ExplainCommand, warn: (line: string) => void): Promise<E.Either<string, Data>> => {
  const data = await loadData(command);
  if (E.isRight(data) && command.rooms.kind === 'file' && !data.right.usersLoaded) {
    const warning = seedWarning(data.right.rooms, data.right.users, command.seed, command.rooms.path);
    if (warning !== undefined) warn(warning);
  }
  return data;
};

/** The lines to print, or one line saying what went wrong (plus a hint line). Warnings go to `warn`. */
export const runQuery = async (command: QueryCommand, warn: (line: string) => void = () => {}): Promise<E.Either<string, ReadonlyArray<string>>> => {
  const data = await loadChecked(command, warn);
  return pipe(
    data,
    E.chain(({ rooms, users }) =>
      pipe(
        findUser(users, command.as),
        E.chain((user) => E.mapLeft(describeWithHint(user, command))(queryRooms(rooms, search(command.params), user, { mode: command.mode }))),
      ),
    ),
    E.map((page) => formatPage(page, command.format)),
  );
};

export const runExplain = async (command: ExplainCommand, warn: (line: string) => void = () => {}): Promise<E.Either<string, ReadonlyArray<string>>> => {
  const data = await loadChecked(command, warn);
  const options = { mode: command.mode };
  return pipe(
    data,
    E.chain(({ rooms, users }) =>
      pipe(
        findUser(users, command.as),
        E.chain((user) => E.mapLeft(describeWithHint(user, command))(explainRooms(createRoomCollection(rooms), search(command.params), user, options))),
        E.map((text) => text.split('\n')),
      ),
    ),
  );
};
