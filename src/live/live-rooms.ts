// The endpoint's request, followed live: prepareQuery (split → parse → permission scope), then a live
// query (one caller) or a hub subscription (shared with every caller of the same scoped query), with the
// same options and the same 400 / 403 answers as queryRooms.
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Principal } from '../auth/principal.js';
import { prepareQuery, type RequestParams } from '../endpoint/prepare-query.js';
import type { ApiError } from '../errors.js';
import type { EndpointOptions } from '../endpoint/endpoint.js';
import type { FollowOptions, LiveHub, LiveSubscription } from './live-hub.js';
import { liveQuery, type LiveQuery, type LiveQueryOptions } from './live-query.js';
import type { LiveEvent, LiveFrame, LiveSource } from './live-view.js';

/** queryRooms' options (`endpoint`: which endpoint to follow, voip/rooms by default) plus the live query's. */
export interface LiveRoomsOptions extends EndpointOptions, LiveQueryOptions {}

/**
 * Like queryRooms, but the answer follows the store: Left is the same error, Right a running LiveQuery.
 * @example
 * liveRooms(store, 'open=true&count=20', admin, {}, (event) => send(event)) // Right(live) — close it when done
 */
export const liveRooms = (
  source: LiveSource,
  params: RequestParams,
  principal: Principal,
  options: LiveRoomsOptions,
  onChange: (event: LiveEvent) => void,
): E.Either<ApiError, LiveQuery> =>
  pipe(
    prepareQuery(params, principal, options),
    E.map((scoped) => liveQuery(source, scoped, onChange, options.onError === undefined ? {} : { onError: options.onError })),
  );

/**
 * Like liveRooms, through a hub: serialized frames shared with every subscriber of the same scoped query.
 * @example
 * followRooms(hub, 'open=true&count=20', admin, {}, (frame) => write(frame.data)) // Right(subscription)
 */
export const followRooms = (
  hub: LiveHub,
  params: RequestParams,
  principal: Principal,
  options: EndpointOptions,
  onFrame: (frame: LiveFrame) => void,
  follow: FollowOptions = {},
): E.Either<ApiError, LiveSubscription> =>
  pipe(
    prepareQuery(params, principal, options),
    E.map((scoped) => hub.follow(scoped, onFrame, follow)),
  );
