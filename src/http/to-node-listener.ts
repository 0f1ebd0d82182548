// The rooms API as a Node request listener: `http.createServer(listener)`, `app.use(listener)` in
// Express or Connect. With a `next` (middleware), requests for other paths are passed on untouched.
// The client address is the socket's (Express's `trust proxy` is not consulted: see rateLimit.trustProxy).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROOMS_ROUTE, responseText, sendHeaders, type HttpResponse, type RoomsApi } from './create-rooms-api.js';
import { splitUrl } from './split-url.js';
import { INTERNAL_ERROR_JSON } from '../errors.js';

/** A request as Express/Connect hand it on: `originalUrl` keeps the mount path `url` lost. */
type NodeRequest = IncomingMessage & { readonly originalUrl?: string };

/** `(req, res)` for node:http, `(req, res, next)` for Express and Connect. */
export type NodeListener = (req: NodeRequest, res: ServerResponse, next?: (error?: unknown) => void) => void;

/**
 * A listener answering the api's routes (voip/rooms, livechat/rooms) through `api.handle`; as middleware, other paths go to `next()`.
 *
 * @example
 * import express from 'express';
 * const app = express();
 * const api = createRoomsApi({ rooms, users });
 * if (E.isRight(api)) app.use(toNodeListener(api.right));
 * // or: http.createServer(toNodeListener(api)).listen(3000)
 */
export const toNodeListener =
  (api: RoomsApi): NodeListener =>
  (req, res, next) => {
    const url = req.originalUrl ?? req.url ?? '/';
    if (next !== undefined && !(api.routes ?? [ROOMS_ROUTE]).includes(splitUrl(url).path)) {
      next();
      return;
    }
    req.resume(); // the body is never read: drain it so the connection can be reused
    let body: string;
    let response: HttpResponse;
    try {
      response = api.handle({ method: req.method ?? 'GET', url, headers: req.headers, remoteAddress: req.socket.remoteAddress });
      body = responseText(response);
    } catch {
      response = { status: 500, headers: { 'content-type': 'application/json' }, body: null };
      body = INTERNAL_ERROR_JSON;
    }
    res.writeHead(response.status, sendHeaders(response, Buffer.byteLength(body)));
    res.end(body);
  };
