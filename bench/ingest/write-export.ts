// A mongoexport-like file of generated call rooms for the ingest benchmark: NDJSON, Extended JSON v2
// relaxed (dates as {"$date": ISO}), as `mongoexport --collection rocketchat_room` writes it, with two
// canonical touches so the loader's wrapper paths are exercised: every 10th room's `_id` is an ObjectId
// ({"$oid"}) and its `callDuration` a {"$numberLong"}. Streams room by room (the `generate` CLI is not used).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import * as E from 'fp-ts/lib/Either.js';
import { generateRoomsIterable } from '../../src/fixtures/index.js';
import { toEjson } from '../../src/load/index.js';

/** The 24-hex ObjectId text of room `i` (unique per index). */
const objectIdOf = (i: number): string => `65${i.toString(16).padStart(22, '0')}`;

/** One exported line of room `i`. */
export const exportLine = (room: Readonly<Record<string, unknown>>, i: number): string => {
  const json = toEjson(room);
  if (E.isLeft(json)) throw new Error(json.left);
  const doc = json.right as Record<string, unknown>;
  if (i % 10 === 9) {
    doc['_id'] = { $oid: objectIdOf(i) };
    if (typeof doc['callDuration'] === 'number') doc['callDuration'] = { $numberLong: String(doc['callDuration']) };
  }
  return `${JSON.stringify(doc)}\n`;
};

/** Writes `count` rooms (seed 1) to `path`; resolves to the bytes written. */
export const writeRoomsExport = async (path: string, count: number, seed = 1): Promise<number> => {
  const out = createWriteStream(path);
  let bytes = 0;
  let i = 0;
  for (const room of generateRoomsIterable({ count, seed })) {
    const line = exportLine(room, i++);
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
};
