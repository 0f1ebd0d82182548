// The rooms API on a real node:http server: each request goes through `api.handle`, the body is sent as JSON.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { answerClientError } from './client-error.js';
import { DEFAULT_MAX_URL_LENGTH, responseText, sendHeaders, type RoomsApi } from './create-rooms-api.js';
import { INTERNAL_ERROR_JSON } from '../errors.js';

/** Routes tried before the rooms API (room-query's live extensions: `createLiveRoutes` in http/live-routes.ts). */
export interface RouteExtension {
  /** Handles the request and returns true when the route is its own. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Ends long-lived responses (streams) so that `server.close()` can finish. */
  close(): void;
}

export interface ServeOptions {
  /** 0 picks a free port (read it from `server.address()`). */
  readonly port: number;
  readonly host: string;
  readonly extensions?: RouteExtension;
  /**
   * Bytes of request line + headers node:http reads (past it: 431 with a JSON body). Default: the API's
   * `maxUrlLength` plus 16 KiB for the headers, so a URL up to `maxUrlLength` always reaches the API and a
   * longer one gets its 414.
   */
  readonly maxHeaderSize?: number;
}

/** Room for the headers on top of the longest URL the API answers. */
export const HEADER_ROOM = 16 * 1024;

const send = (res: ServerResponse, status: number, headers: Readonly<Record<string, string>>, body: string): void => {
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
};

const onRequest =
  (api: RoomsApi, extensions: RouteExtension | undefined) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    try {
      // Extensions first: they may read the body, so it is drained only for the rooms API.
      if (extensions?.handle(req, res) === true) return;
    } catch {
      if (!res.headersSent) send(res, 500, { 'content-type': 'application/json' }, INTERNAL_ERROR_JSON);
      else res.destroy();
      return;
    }
    req.resume(); // a request body is never read: drain it so the connection can be reused
    try {
      const response = api.handle({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        remoteAddress: req.socket.remoteAddress,
      });
      // Bytes, encoded once: a cached page's as they are; otherwise the text, encoded here (not scanned for
      // its length and then encoded again by the socket).
      const { bytes } = response;
      const body =
        bytes !== undefined ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : Buffer.from(responseText(response));
      res.writeHead(response.status, sendHeaders(response, body.byteLength));
      res.end(body);
    } catch {
      if (!res.headersSent) send(res, 500, { 'content-type': 'application/json' }, INTERNAL_ERROR_JSON);
      else res.destroy();
    }
  };

/**
 * Starts an HTTP server for `api`; resolves once it is listening, rejects if it cannot listen
 * (e.g. EADDRINUSE). Close it with `server.close()`.
 *
 * @example
 * const server = await serve(api, { port: 0, host: '127.0.0.1' });
 * const { port } = server.address() as import('node:net').AddressInfo;
 */
export const serve = (api: RoomsApi, options: ServeOptions): Promise<Server> =>
  new Promise((resolve, reject) => {
    const maxHeaderSize = options.maxHeaderSize ?? (api.maxUrlLength ?? DEFAULT_MAX_URL_LENGTH) + HEADER_ROOM;
    const server = createServer({ maxHeaderSize }, onRequest(api, options.extensions));
    server.on('clientError', answerClientError(maxHeaderSize));
    const { extensions } = options;
    if (extensions !== undefined) {
      // Open streams would keep close() waiting forever: end them first.
      const close = server.close.bind(server);
      server.close = ((callback?: (error?: Error) => void) => {
        extensions.close();
        return close(callback);
      }) as typeof server.close;
    }
    const fail = (error: Error): void => reject(error);
    server.once('error', fail);
    server.listen(options.port, options.host, () => {
      server.off('error', fail);
      resolve(server);
    });
  });
