// serve's request log: method, target, status and latency from an injected clock; never a header.
import { describe, expect, it } from 'vitest';
import { withRequestLog } from '../../src/cli/request-log.js';

describe('withRequestLog', () => {
  it('logs one line per request and passes the response through', () => {
    const lines: string[] = [];
    let t = 10;
    const api = withRequestLog(
      { routes: [], handle: () => ({ status: 200, headers: {}, body: { ok: true } }) },
      (l) => lines.push(l),
      () => (t += 1.25),
    );
    const response = api.handle({ method: 'GET', url: '/api/v1/voip/rooms?count=5', headers: { 'x-auth-token': 'secret' } });
    expect(response.body).toEqual({ ok: true });
    expect(lines).toEqual(['GET /api/v1/voip/rooms?count=5 200 1.3ms']);
    expect(lines.join('')).not.toContain('secret');
  });
});
