// The rooms API as a Fastify plugin: `app.register(roomsFastifyPlugin, { api })` adds
// GET /api/v1/voip/rooms (other methods answer 405, as the pure handler does). Typed structurally,
// so room-query does not depend on fastify.

import { ROOMS_ROUTE, responseText, type RoomsApi } from './create-rooms-api.js';
import type { RequestHeaders } from './read-header.js';

/** The parts of a Fastify request the plugin reads. */
interface FastifyRequestLike {
  readonly method: string;
  readonly url: string;
  readonly headers: RequestHeaders;
  /** The connection (Fastify's `request.socket`); its peer address keys the failed-authentication budget. */
  readonly socket?: { readonly remoteAddress?: string | undefined };
}

/** The parts of a Fastify reply the plugin writes. */
interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  headers(values: Readonly<Record<string, string>>): FastifyReplyLike;
  send(payload: string): unknown;
}

interface RouteSpec {
  readonly method: string[];
  readonly url: string;
  readonly handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => unknown;
}

/**
 * The part of a Fastify instance the plugin uses. `route` takes `never` so that Fastify's own (generic,
 * stricter) signature is assignable; the plugin calls it with a plain route spec.
 */
export interface FastifyInstanceLike {
  route(options: never): unknown;
}

export interface RoomsFastifyPluginOptions {
  readonly api: RoomsApi;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * Registers the endpoint on a Fastify instance (register it without a `prefix`: the route is absolute).
 *
 * @example
 * import Fastify from 'fastify';
 * const app = Fastify();
 * const api = createRoomsApi({ rooms, users });
 * if (E.isRight(api)) await app.register(roomsFastifyPlugin, { api: api.right });
 */
export const roomsFastifyPlugin = async (instance: FastifyInstanceLike, options: RoomsFastifyPluginOptions): Promise<void> => {
  const { api } = options;
  if (typeof api?.handle !== 'function') throw new TypeError('roomsFastifyPlugin: options.api must be a RoomsApi (createRoomsApi(...))');
  const route = instance.route.bind(instance) as unknown as (spec: RouteSpec) => unknown;
  for (const url of api.routes ?? [ROOMS_ROUTE]) {
    route({
      method: [...METHODS],
      url,
      handler: (request, reply) => {
        // the socket's address, not `request.ip`: which proxies to trust is the rooms API's own `rateLimit.trustProxy`
        const remoteAddress = request.socket?.remoteAddress;
        const response = api.handle({
          method: request.method,
          url: request.url,
          headers: request.headers,
          ...(remoteAddress === undefined ? {} : { remoteAddress }),
        });
        // the body is serialised here, as node:http does, so every adapter sends the same bytes
        return reply.code(response.status).headers(response.headers).send(responseText(response));
      },
    });
  }
};
