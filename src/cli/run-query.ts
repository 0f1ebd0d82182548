// `room-query query` and `room-query explain`: run the endpoint's query locally as a demo user and
// print the page, or print how the query is scoped, filtered, sorted, paged and planned.

import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { createRoomCollection, explainRooms, queryRooms, type ApiError } from '../index.js';
import type { ExplainCommand, QueryCommand } from './commands.js';
import { formatPage } from './format-page.js';
import { findUser, loadData } from './load-data.js';

/** An API error as one line: `403 unauthorized`. */
export const describeApiError = (error: ApiError): string =>
  `${error.status} ${'error' in error.body ? error.body.error : error.body.message}`;

/** A query string as typed on a command line: a leading `?` is allowed. */
const search = (params: string): string => params.replace(/^\?/, '');

/** The lines to print, or one line saying what went wrong. */
export const runQuery = async (command: QueryCommand): Promise<E.Either<string, ReadonlyArray<string>>> => {
  const data = await loadData(command);
  return pipe(
    data,
    E.chain(({ rooms, users }) =>
      pipe(
        findUser(users, command.as),
        E.chain((user) => E.mapLeft(describeApiError)(queryRooms(rooms, search(command.params), user, { mode: command.mode }))),
      ),
    ),
    E.map((page) => formatPage(page, command.format)),
  );
};

export const runExplain = async (command: ExplainCommand): Promise<E.Either<string, ReadonlyArray<string>>> => {
  const data = await loadData(command);
  const options = { mode: command.mode };
  return pipe(
    data,
    E.chain(({ rooms, users }) =>
      pipe(
        findUser(users, command.as),
        E.chain((user) => E.mapLeft(describeApiError)(explainRooms(createRoomCollection(rooms), search(command.params), user, options))),
        E.map((text) => text.split('\n')),
      ),
    ),
  );
};
