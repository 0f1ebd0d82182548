// Live mode: the page document `{ rooms, count, offset, total }` kept current from the stream — the
// first `page` event replaces it, each `patch` event (RFC 6902, over that document) edits a copy of it.
import { applyPatch, type Operation } from 'fast-json-patch';
import type { ApiAnswer, Credentials } from './api-client.js';
import { authHeaders } from './api-client.js';
import { openEventStream } from './event-stream.js';
import { changedIds, type RoomJson } from './rooms-table.js';

export interface PageDoc {
  readonly rooms: ReadonlyArray<RoomJson>;
  readonly count: number;
  readonly offset: number;
  readonly total: number;
}

export interface LiveHandlers {
  /** A new page, with the ids of the rooms the last patch changed (none for a fresh page). */
  readonly onPage: (page: PageDoc, changed: ReadonlySet<string>) => void;
  /** The stream was refused (the API's error answer) or broke. */
  readonly onError: (answer: ApiAnswer) => void;
}

const RECONNECT_MS = 1000;

/** Follows `url` until the returned function is called; a stream the server ends is reopened (fresh page). */
export const followLive = (url: string, who: Credentials | undefined, handlers: LiveHandlers): (() => void) => {
  const abort = new AbortController();
  const open = (): void => {
    let page: PageDoc | undefined;
    openEventStream(url, authHeaders(who), abort.signal, (event) => {
      if (event.event === 'page') {
        page = JSON.parse(event.data) as PageDoc;
        handlers.onPage(page, new Set());
      } else if (event.event === 'patch' && page !== undefined) {
        const before = page;
        const ops = JSON.parse(event.data) as Operation[];
        page = applyPatch(structuredClone(before), ops, false, true).newDocument;
        handlers.onPage(page, changedIds(before.rooms, page.rooms));
      }
    }).then(
      (refused) => {
        if (refused !== undefined) handlers.onError(refused);
        else if (!abort.signal.aborted) setTimeout(() => abort.signal.aborted || open(), RECONNECT_MS);
      },
      (error: unknown) => {
        if (!abort.signal.aborted) handlers.onError({ status: 0, body: String(error), text: `The live stream broke: ${String(error)}` });
      },
    );
  };
  open();
  return () => abort.abort();
};
