// Node-side helpers for the extension routes that answer outside `handle()`: a JSON answer that is never
// cached, and a request body read with a size cap (so a large POST cannot grow the heap).
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as E from 'fp-ts/lib/Either.js';
import type { Json } from '../value/to-json-value.js';

/** Sends `body` as JSON with `cache-control: no-store`; `extra` headers may add to or override the defaults. */
export const sendJson = (res: ServerResponse, status: number, body: Json, extra: Readonly<Record<string, string>> = {}): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    ...extra,
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
};

/** The request body as UTF-8 text, or Left once it passes `max` bytes (the rest is drained, not kept). */
export const readBody = (req: IncomingMessage, max: number): Promise<E.Either<'too-large', string>> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume();
        resolve(E.left('too-large'));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(E.right(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', () => resolve(E.left('too-large')));
  });
