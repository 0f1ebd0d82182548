// Rooms → text chunks of a JSON array, NDJSON or EJSON lines, lazily: with a lazy source (generateRoomsIterable)
// rooms are never all held in memory, as `stream.pipeline` pulls chunks only as the file drains.

import * as E from 'fp-ts/lib/Either.js';
import type { Room } from '../index.js';
import { formatEjsonLine } from '../load/index.js';
import type { FileFormat } from './commands.js';

/** Rooms are grouped into chunks of about this many characters per write. */
const CHUNK = 1 << 16;

const ejsonLine = (room: Room): string => {
  const line = formatEjsonLine(room);
  if (E.isLeft(line)) throw new Error(`room ${JSON.stringify(room['_id'])}: ${line.left}`); // ends the pipeline with this reason
  return line.right;
};

const line = (room: Room, format: FileFormat): string => (format === 'ejson' ? ejsonLine(room) : `${JSON.stringify(room)}\n`);

/**
 * The file's text, in chunks; `onRoom(n)` is told after each `n`-th room is encoded.
 * json/ndjson: Dates become ISO strings (JSON.stringify); ejson: `{"$date": …}`, as mongoexport writes.
 */
export function* roomChunks(rooms: Iterable<Room>, format: FileFormat, onRoom: (n: number) => void = () => undefined): Generator<string> {
  const array = format === 'json';
  let chunk = array ? '[' : '';
  let n = 0;
  for (const room of rooms) {
    chunk += array ? `${n === 0 ? '\n' : ',\n'}${JSON.stringify(room)}` : line(room, format);
    n += 1;
    onRoom(n);
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (array) chunk += n === 0 ? ']\n' : '\n]\n';
  if (chunk !== '') yield chunk;
}
