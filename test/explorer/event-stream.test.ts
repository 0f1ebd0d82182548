// The page's SSE reader: events split across chunks, comments (keep-alives), multi-line data, CRLF.
import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../src/explorer/event-stream.js';

describe('parseEvents', () => {
  it('reads complete events and keeps the unfinished tail', () => {
    const first = parseEvents('event: page\nid: 1\ndata: {"a":1}\n\n: keep-alive\n\nevent: patch\ndata: [');
    expect(first.events).toEqual([{ event: 'page', data: '{"a":1}' }]);
    const second = parseEvents(`${first.rest}]\n\n`);
    expect(second).toEqual({ events: [{ event: 'patch', data: '[]' }], rest: '' });
  });

  it('joins multi-line data, defaults the event name, accepts CRLF', () => {
    expect(parseEvents('data: a\r\ndata:b\r\n\r\n').events).toEqual([{ event: 'message', data: 'a\nb' }]);
  });
});
