// The answers node:http gives before any route runs (a request it cannot parse, headers past the limit,
// a request that arrives too slowly), with a JSON body like every other answer instead of an empty one.
import type { Socket } from 'node:net';
import { ApiErrors, type ApiError } from '../errors.js';

const REASONS: Readonly<Record<number, string>> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** node:http's parser error codes → our error (undefined: the client is gone, nothing to answer). */
const errorFor = (code: string | undefined, maxHeaderSize: number): ApiError | undefined => {
  if (code === 'HPE_HEADER_OVERFLOW') return ApiErrors.headersTooLarge(maxHeaderSize);
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return ApiErrors.requestTimeout();
  if (code === 'ECONNRESET' || code === 'EPIPE') return undefined;
  return ApiErrors.badRequest();
};

/** A `clientError` listener: writes the raw response (the socket has no ServerResponse yet) and closes. */
export const answerClientError =
  (maxHeaderSize: number) =>
  (error: Error & { code?: string }, socket: Socket): void => {
    const answer = socket.writable ? errorFor(error.code, maxHeaderSize) : undefined;
    if (answer === undefined) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify(answer.body);
    socket.end(
      `HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? 'Error'}\r\n` +
        'content-type: application/json\r\ncache-control: no-store\r\nconnection: close\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  };
