// `room-query serve`: generate the demo users and rooms, start the HTTP server, print how to call it.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_QUEUES, generateRooms } from '../fixtures/generate-rooms.js';
import { generateUsers } from '../fixtures/generate-users.js';
import { createRoomsApi } from '../http/create-rooms-api.js';
import { serve } from '../http/serve.js';
import { bannerLines } from './banner.js';
import type { ServeCommand } from './parse-cli-args.js';

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** A URL host for the address the server listens on; wildcard addresses are shown as loopback. */
export const urlHost = (address: string): string => {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return address.includes(':') ? `[${address}]` : address;
};

/** Resolves with the listening server once the banner is printed; rejects if it cannot listen. */
export const runServe = async (command: ServeCommand, io: CliIo): Promise<Server> => {
  const users = generateUsers({ seed: command.seed });
  const rooms = generateRooms({ count: command.rooms, seed: command.seed });
  const api = createRoomsApi({
    rooms,
    users,
    mode: command.mode,
    onError: (error) => io.err(`internal error: ${error instanceof Error ? error.message : String(error)}`),
  });
  const server = await serve(api, { port: command.port, host: command.host });
  const { address, port } = server.address() as AddressInfo;
  const baseUrl = `http://${urlHost(address)}:${port}`;
  const queue = DEFAULT_QUEUES[0] ?? '8001';
  for (const line of bannerLines({ users, baseUrl, rooms: command.rooms, seed: command.seed, mode: command.mode, queue })) {
    io.out(line);
  }
  io.out('');
  io.out(`listening on ${baseUrl}`);
  return server;
};
