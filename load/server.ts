// The server side of `npm run load`: a fixture server over 100k generated rooms, in its own process,
// reporting its port and RSS to the parent over IPC (so the load generator does not share its event loop).
import { createRoomsApi, generateRooms, generateUsers, serve } from '../src/index.js';

const rooms = generateRooms({ count: Number(process.env['LOAD_ROOMS'] ?? 100_000), seed: 42 });
const users = generateUsers({ seed: 42 });
const api = createRoomsApi({ rooms, users, rateLimit: false });
const server = await serve(api, { port: 0, host: '127.0.0.1' });
const address = server.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
global.gc?.();
process.send?.({ kind: 'ready', port, rss: process.memoryUsage().rss, users });
process.on('message', (message: { kind: string }) => {
  if (message.kind === 'rss') {
    global.gc?.();
    process.send?.({ kind: 'rss', rss: process.memoryUsage().rss });
  }
  if (message.kind === 'stop') server.close(() => process.exit(0));
});
