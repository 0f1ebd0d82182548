// The server side of `npm run load`: a fixture server over 100k generated rooms, in its own process,
// reporting its port and RSS to the parent over IPC (so the load generator does not share its event loop).
// LOAD_PATCHES=1 serves from a JSON-Patch-fed store (room-query/store + the live routes) instead, so
// POST /api/v1/voip/rooms.patch can change rooms while the queries run.
import * as E from 'fp-ts/lib/Either.js';
import { createLiveRoutes, createRoomsApi, serve } from '../src/http/index.js';
import { generateRooms, generateUsers } from '../src/fixtures/index.js';
import { createRoomStore } from '../src/store/index.js';

const rooms = generateRooms({ count: Number(process.env['LOAD_ROOMS'] ?? 100_000), seed: 42 });
const users = generateUsers({ seed: 42 });
const withPatches = process.env['LOAD_PATCHES'] === '1';
const store = withPatches ? createRoomStore(rooms) : undefined;
if (store !== undefined && E.isLeft(store)) throw new Error(`store: ${JSON.stringify(store.left)}`);
const built = createRoomsApi({ rooms, users, rateLimit: false });
if (E.isLeft(built)) throw new Error(`api: ${built.left.message}`);
const api = built.right;
const routes = store !== undefined && E.isRight(store) ? createLiveRoutes({ store: store.right, users }) : undefined;
if (routes !== undefined && E.isLeft(routes)) throw new Error(`live routes: ${routes.left.message}`);
const extensions = routes?.right;
const server = await serve(api, { port: 0, host: '127.0.0.1', ...(extensions ? { extensions } : {}) });
const address = server.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
global.gc?.();
const sampleIds = rooms.slice(0, 2000).map((r) => r['_id']);
process.send?.({ kind: 'ready', port, rss: process.memoryUsage().rss, users, sampleIds });
process.on('message', (message: { kind: string }) => {
  if (message.kind === 'rss') {
    global.gc?.();
    process.send?.({ kind: 'rss', rss: process.memoryUsage().rss });
  }
  if (message.kind === 'stop') server.close(() => process.exit(0));
});
