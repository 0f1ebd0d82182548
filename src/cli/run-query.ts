// `room-query query` and `room-query explain`: run the endpoint's query locally as a demo user and
// print the page, or print how the query is scoped, filtered, sorted, paged and planned.

import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  createRoomCollection,
  endpointNamed,
  explainRooms,
  queryEndpointRooms,
  VOIP_ROOMS,
  type ApiError,
  type Endpoint,
  type QueryOptions,
} from '../index.js';
import type { ExplainCommand, QueryCommand } from './commands.js';
import { formatPage } from './format-page.js';
import { hintFor, seedWarning } from './hints.js';
import { findUser, loadData, type CliUser, type Data } from './load-data.js';

/** An API error as one line: `403 unauthorized`. */
export const describeApiError = (error: ApiError): string =>
  `${error.status} ${'error' in error.body ? error.body.error : error.body.message}`;

/** The endpoint a command asks (`--endpoint`). */
const endpointOf = (command: QueryCommand | ExplainCommand): Endpoint => endpointNamed(command.endpoint ?? 'voip') ?? VOIP_ROOMS;

/** The options of a command's query: mode and the generated omnichannel data. */
const optionsOf = (command: QueryCommand | ExplainCommand, omnichannel: Data['omnichannel']): QueryOptions => ({
  mode: command.mode,
  ...(omnichannel === undefined ? {} : { omnichannel }),
});

/** A query string as typed on a command line: a leading `?` is allowed. */
const search = (params: string): string => params.replace(/^\?/, '');

/** The error line, then a hint on the next line when there is one (hints.ts). */
const describeWithHint =
  (user: CliUser, command: QueryCommand | ExplainCommand) =>
  (error: ApiError): string => {
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
export const runQuery = async (
  command: QueryCommand,
  warn: (line: string) => void = () => {},
): Promise<E.Either<string, ReadonlyArray<string>>> => {
  const data = await loadChecked(command, warn);
  return pipe(
    data,
    E.chain(({ rooms, users, omnichannel }) =>
      pipe(
        findUser(users, command.as),
        E.chain((user) =>
          E.mapLeft(describeWithHint(user, command))(
            queryEndpointRooms(endpointOf(command), rooms, search(command.params), user, optionsOf(command, omnichannel)),
          ),
        ),
      ),
    ),
    E.map((page) => formatPage(page, command.format, command.endpoint ?? 'voip')),
  );
};

export const runExplain = async (
  command: ExplainCommand,
  warn: (line: string) => void = () => {},
): Promise<E.Either<string, ReadonlyArray<string>>> => {
  const data = await loadChecked(command, warn);
  return pipe(
    data,
    E.chain(({ rooms, users, omnichannel }) =>
      pipe(
        findUser(users, command.as),
        E.chain((user) =>
          E.mapLeft(describeWithHint(user, command))(
            explainRooms(createRoomCollection(rooms), search(command.params), user, {
              ...optionsOf(command, omnichannel),
              endpoint: endpointOf(command),
            }),
          ),
        ),
        E.map((text) => text.split('\n')),
      ),
    ),
  );
};
