// Reads Server-Sent Events from a fetch body, one event per call (comment lines skipped): the live route tests share it.

export interface SseEvent {
  event: string;
  id?: string;
  retry?: string;
  data?: unknown;
}
/** Reads SSE blocks from a fetch body; `null` once the stream ends. */
export const reader = (body: ReadableStream<Uint8Array>) => {
  const r = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (): Promise<SseEvent | null> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(':')) continue;
        const field = (name: string) =>
          block
            .split('\n')
            .find((l) => l.startsWith(`${name}: `))
            ?.slice(name.length + 2);
        const data = field('data');
        const event: SseEvent = { event: field('event') ?? 'message' };
        if (field('id') !== undefined) event.id = field('id');
        if (field('retry') !== undefined) event.retry = field('retry');
        if (data !== undefined) event.data = JSON.parse(data);
        return event;
      }
      const { value, done } = await r.read();
      if (done) return null;
      buffer += decoder.decode(value, { stream: true });
    }
  };
  return Object.assign(next, { cancel: () => r.cancel() });
};
