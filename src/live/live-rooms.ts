// The endpoint's request, followed live: prepareQuery (split → parse → permission scope), then a live
// query (one caller) or a hub subscription (shared with every caller of the same scoped query), with the
// same options, the same 400 / 403 answers and the same rooms (livechat: with their department) as queryRooms.
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Principal } from '../auth/principal.js';
import { endpointOf, prepareQuery, type RequestParams } from '../endpoint/prepare-query.js';
import type { Room } from '../model/room.js';
import type { ApiError } from '../errors.js';
import type { Endpoint, EndpointOptions } from '../endpoint/endpoint.js';
import type { FollowOptions, LiveHub, LiveSubscription } from './live-hub.js';
import { liveQuery, type LiveQuery, type LiveQueryOptions } from './live-query.js';
import type { LiveEvent, LiveFrame, LiveSource } from './live-view.js';

// One decoration per (endpoint, omnichannel data) object, so the hub's followers of the same data share views
// (a decoration reads only `options.omnichannel`: livechat's department names).
const NO_OMNICHANNEL = {};
const decorations = new WeakMap<object, Map<Endpoint, ((room: Room) => Room) | undefined>>();
const decorationOf = (options: EndpointOptions): ((room: Room) => Room) | undefined => {
  const endpoint = endpointOf(options);
  const data = options.omnichannel ?? NO_OMNICHANNEL;
  let byEndpoint = decorations.get(data);
  if (byEndpoint === undefined) decorations.set(data, (byEndpoint = new Map()));
  if (!byEndpoint.has(endpoint)) byEndpoint.set(endpoint, endpoint.decorate(options));
  return byEndpoint.get(endpoint);
};

/** queryRooms' options (`endpoint`: which endpoint to follow, voip/rooms by default) plus the live query's. */
export interface LiveRoomsOptions extends EndpointOptions, Omit<LiveQueryOptions, 'decorate'> {}

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
    E.map((scoped) => {
      const decorate = decorationOf(options);
      return liveQuery(source, scoped, onChange, {
        ...(options.onError === undefined ? {} : { onError: options.onError }),
        ...(decorate === undefined ? {} : { decorate }),
      });
    }),
  );

/**
 * Like liveRooms, through a hub: serialized frames shared with every subscriber of the same endpoint and
 * scoped query (`options.endpoint` picks the endpoint; livechat pages carry each room's `department`).
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
    E.map((scoped) => {
      const decorate = decorationOf(options);
      return hub.follow(scoped, onFrame, {
        ...follow,
        endpoint: endpointOf(options).name,
        ...(decorate === undefined ? {} : { decorate }),
      });
    }),
  );
