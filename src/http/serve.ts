// The rooms API on a real node:http server: each request goes through `api.handle`, the body is sent as JSON.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { RoomsApi } from './create-rooms-api.js';

export interface ServeOptions {
  /** 0 picks a free port (read it from `server.address()`). */
  readonly port: number;
  readonly host: string;
}

const INTERNAL_ERROR = JSON.stringify({ success: false, error: 'Internal error' });

const send = (res: ServerResponse, status: number, headers: Readonly<Record<string, string>>, body: string): void => {
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
};

const onRequest = (api: RoomsApi) => (req: IncomingMessage, res: ServerResponse): void => {
  req.resume(); // a request body is never read: drain it so the connection can be reused
  try {
    const response = api.handle({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    send(res, response.status, response.headers, JSON.stringify(response.body));
  } catch {
    if (!res.headersSent) send(res, 500, { 'content-type': 'application/json' }, INTERNAL_ERROR);
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
    const server = createServer(onRequest(api));
    const fail = (error: Error): void => reject(error);
    server.once('error', fail);
    server.listen(options.port, options.host, () => {
      server.off('error', fail);
      resolve(server);
    });
  });
