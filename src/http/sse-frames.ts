// Server-Sent Events bytes for live frames. A frame is shared by every subscriber of a query, so its
// SSE bytes are encoded once (memoized on the frame) and the same Buffer is written to each stream.
import type { LiveFrame } from '../live/index.js';

const encoded = new WeakMap<LiveFrame, Buffer>();

/** `event: page|patch`, `id: <store version>` (what a reconnecting client sends back as Last-Event-ID), `data: <JSON>`. */
export const sseFrame = (frame: LiveFrame): Buffer => {
  let bytes = encoded.get(frame);
  if (bytes === undefined) {
    bytes = Buffer.from(`event: ${frame.kind}\nid: ${frame.version}\ndata: ${frame.data}\n\n`, 'utf8');
    encoded.set(frame, bytes);
  }
  return bytes;
};

/** The reconnection delay advertised to EventSource clients. */
export const sseRetry = (ms: number): string => `retry: ${ms}\n\n`;

export const SSE_HEARTBEAT = ': keep-alive\n\n';

/** Why the server ended a stream. */
export type CloseReason = 'slow-consumer' | 'server-closing';

/** The last event of a stream the server ends: `event: close` with the reason as JSON. */
export const sseClose = (reason: CloseReason, detail: Readonly<Record<string, number | string>> = {}): string =>
  `event: close\ndata: ${JSON.stringify({ reason, ...detail })}\n\n`;

/** The Last-Event-ID header as a store version, or undefined when absent or not a version. */
export const lastEventIdOf = (header: string | undefined): number | undefined => {
  if (header === undefined || !/^(0|[1-9][0-9]{0,14})$/.test(header.trim())) return undefined;
  return Number(header.trim());
};
