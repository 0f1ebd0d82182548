// Run by generate-memory.test.ts in its own process (`node --expose-gc --import tsx`): streams
// `generate --endpoint all --rooms <N>` through the same generator and encoder `generate` uses, into
// nothing, and prints the heap held (after a full GC) just before the last room is encoded — every piece of
// generation state is alive then — as JSON.
import { roomChunks } from '../../src/cli/write-rooms.js';
import { generatedRooms } from '../../src/cli/run-generate.js';

const count = Number(process.argv[2]);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
let heldBytes = 0;
let bytesOut = 0;
const total = 2 * count;
for (const chunk of roomChunks(generatedRooms({ endpoint: 'all', count, seed: 5 }), 'ndjson', (n) => {
  if (n !== total) return;
  gc();
  gc();
  heldBytes = process.memoryUsage().heapUsed;
}))
  bytesOut += chunk.length;
console.log(JSON.stringify({ count, rooms: total, heldBytes, bytesOut }));
