// Server-Sent Events over fetch: EventSource cannot send the X-User-Id / X-Auth-Token headers the
// stream authenticates with (tokens never go in URLs), so the page reads the stream itself.
import { answerOf, type ApiAnswer } from './api-client.js';

export interface StreamEvent {
  readonly event: string;
  readonly data: string;
}

/** Splits SSE text into events; returns the events and the unfinished tail to prepend to the next chunk. */
export const parseEvents = (text: string): { readonly events: ReadonlyArray<StreamEvent>; readonly rest: string } => {
  const blocks = text.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const events = blocks.flatMap((block) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue; // comment (keep-alive)
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    return data.length === 0 ? [] : [{ event, data: data.join('\n') }];
  });
  return { events, rest };
};

/**
 * Opens the stream; `onEvent` gets each event until `signal` aborts or the server ends it. Resolves with
 * the response when it is not a stream (an error body to show), or undefined when the stream ended.
 */
export const openEventStream = async (
  url: string,
  headers: Readonly<Record<string, string>>,
  signal: AbortSignal,
  onEvent: (event: StreamEvent) => void,
): Promise<ApiAnswer | undefined> => {
  const res = await fetch(url, { headers: { ...headers, accept: 'text/event-stream' }, signal });
  if (!res.ok || res.body === null) return answerOf(res);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return undefined;
    const { events, rest } = parseEvents(pending + value);
    pending = rest;
    for (const e of events) onEvent(e);
  }
};
