// Child process of bench/ingest/run-ingest.ts: one end-to-end load of a mongoexport file, alone in its process
// so its peak RSS is its own. `loadRooms(path)` (streamed document by document) → `createRoomCollection`
// (what `serve` builds: ready to answer) → peak RSS so far; then, as the yardstick in the same process,
// `createRoomCollection` over the same rooms again (best of 2). Sends the figures to the parent.
import * as E from 'fp-ts/lib/Either.js';
import { createRoomCollection } from '../../src/index.js';
import { loadRooms } from '../../src/load/index.js';

const path = process.argv[2] ?? '';
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

gc();
const t0 = performance.now();
const loaded = await loadRooms(path);
if (E.isLeft(loaded)) throw new Error(loaded.left.message);
const t1 = performance.now();
let ready: unknown = createRoomCollection(loaded.right);
const t2 = performance.now();
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
gc();
const heapBytes = process.memoryUsage().heapUsed;
ready = undefined;
const yardstick: number[] = [];
for (let k = 0; k < 2; k++) {
  gc();
  const s = performance.now();
  ready = createRoomCollection(loaded.right);
  yardstick.push(performance.now() - s);
  ready = undefined;
}
process.send?.({
  kind: 'done',
  rooms: loaded.right.length,
  loadMs: t1 - t0,
  buildMs: t2 - t1,
  peakRssBytes,
  heapBytes,
  collectionMs: Math.min(...yardstick),
});
void ready;
