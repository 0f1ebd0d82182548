// The node:http server and the API agree on sizes (a URL up to maxUrlLength reaches the API; one just past
// it gets the documented 414), and every rejection node:http makes on its own carries a JSON body.
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { createRoomsApi, serve } from '../../src/http/index.js';
import { rightOf } from '../support/right-of.js';

const users = generateUsers({ seed: 1 });
const admin = users[0]!;
const headers = { 'x-user-id': admin._id, 'x-auth-token': admin.token };

/** Sends raw bytes, resolves with the whole response text (the server closes the connection). */
const raw = (port: number, request: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8').on('data', (c: string) => (text += c));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
    socket.end(request);
  });

const bodyOf = (response: string): unknown => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));

describe('server-level limits and rejections', () => {
  let server: Server;
  let base: string;
  let port: number;
  beforeAll(async () => {
    server = await serve(rightOf(createRoomsApi({ rooms: generateRooms({ count: 20, seed: 1 }), users })), { port: 0, host: '127.0.0.1' });
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const url = (length: number): string => {
    const head = '/api/v1/voip/rooms?count=1&roomName=';
    return `${base}${head}${'a'.repeat(length - head.length)}`;
  };

  it('answers a URL of exactly maxUrlLength (16384) through the API, and 414 just past it (no 431)', async () => {
    const ok = await fetch(url(16_384), { headers });
    expect(ok.status).toBe(400); // reaches the API: roomName is longer than maxParamLength
    expect(await ok.json()).toMatchObject({ errorType: 'invalid-params' });
    const tooLong = await fetch(url(16_385), { headers });
    expect(tooLong.status).toBe(414);
    expect(await tooLong.json()).toEqual({
      success: false,
      error: 'The request URL is longer than 16384 characters [error-uri-too-long]',
      errorType: 'error-uri-too-long',
    });
    expect((await fetch(url(30_000), { headers })).status).toBe(414);
  });

  it('answers 431 with a JSON body past the header limit', async () => {
    const res = await raw(port, `GET /api/v1/voip/rooms?x=${'a'.repeat(40_000)} HTTP/1.1\r\nhost: x\r\n\r\n`);
    expect(res).toMatch(/^HTTP\/1\.1 431 /);
    expect(res).toContain('content-type: application/json');
    expect(bodyOf(res)).toEqual({
      success: false,
      error: `The request line and headers are larger than ${16_384 + 16_384} bytes [error-headers-too-large]`,
      errorType: 'error-headers-too-large',
    });
  });

  it('answers 400 with a JSON body to a request that is not HTTP', async () => {
    const res = await raw(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(res).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(res)).toEqual({
      success: false,
      error: 'The request is not valid HTTP [error-bad-request]',
      errorType: 'error-bad-request',
    });
  });
});
