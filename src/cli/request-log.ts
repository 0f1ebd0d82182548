// Request logging for `serve`: one line per request on stderr with status and latency. Logs the
// method, path and query string only — never headers, so never a token.

import type { HttpRequest, HttpResponse, RoomsApi } from '../http/index.js';

/** `GET /api/v1/voip/rooms?count=5 200 0.8ms`. */
export const logLine = (request: HttpRequest, response: HttpResponse, ms: number): string =>
  `${request.method} ${request.url} ${response.status} ${ms.toFixed(1)}ms`;

/** `api` that also tells `log` about each request; `now` is a clock in milliseconds. */
export const withRequestLog = (api: RoomsApi, log: (line: string) => void, now: () => number = () => performance.now()): RoomsApi => ({
  handle: (request) => {
    const start = now();
    const response = api.handle(request);
    log(logLine(request, response, now() - start));
    return response;
  },
});
