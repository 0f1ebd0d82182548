// Rooms → Extended JSON v2 relaxed NDJSON, one document per line: what mongoexport writes by default
// and `mongoimport --collection rocketchat_room` reads. Honours backpressure; never throws.
import * as E from 'fp-ts/lib/Either.js';
import type { Room } from '../model/room.js';
import { toEjson } from './ejson.js';
import { loadError, type LoadError } from './load-error.js';

/** A writable the lines go to (a file stream, process.stdout, a socket...). */
export interface LineSink {
  write(chunk: string): boolean;
  once(event: 'drain' | 'error', listener: (...args: unknown[]) => void): unknown;
  removeListener(event: 'drain' | 'error', listener: (...args: unknown[]) => void): unknown;
}

/** Resolves on 'drain' or 'error' (the error itself is caught by writeEjson's own listener). */
const drained = (sink: LineSink): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      sink.removeListener('drain', done);
      sink.removeListener('error', done);
      resolve();
    };
    sink.once('drain', done);
    sink.once('error', done);
  });

/**
 * One room as a line of Extended JSON v2 relaxed (with the trailing newline).
 * @example
 * formatEjsonLine({ _id: 'r1', t: 'v', ts: new Date('2021-07-09T20:12:19.795Z') })
 * // Right('{"_id":"r1","t":"v","ts":{"$date":"2021-07-09T20:12:19.795Z"}}\n')
 */
export const formatEjsonLine = (room: Room): E.Either<string, string> =>
  E.map((json: unknown) => `${JSON.stringify(json)}\n`)(toEjson(room));

/**
 * Writes `rooms` (an array, a generator such as generateRoomsIterable, or an async iterable) to `sink`,
 * one line per room, waiting for 'drain' when the sink is full. Resolves to the number of rooms
 * written, or a LoadError naming the room (1-based, as `line`) that could not be written. Does not
 * end the sink.
 *
 * @example
 * import { createWriteStream } from 'node:fs';
 * import { generateRoomsIterable, writeEjson } from 'room-query';
 * await writeEjson(generateRoomsIterable({ count: 1_000_000, seed: 42 }), createWriteStream('rooms.json'));
 * // then: mongoimport --db rocketchat --collection rocketchat_room --file rooms.json
 */
export const writeEjson = async (
  rooms: Iterable<Room> | AsyncIterable<Room>,
  sink: LineSink,
  name = 'output',
): Promise<E.Either<LoadError, number>> => {
  let failed: unknown;
  const onError = (error: unknown): void => {
    failed = error;
  };
  sink.once('error', onError);
  let n = 0;
  try {
    for await (const room of rooms) {
      n++;
      const line = formatEjsonLine(room);
      if (E.isLeft(line)) return E.left(loadError('invalid-ejson', name, { line: n, document: n }, line.left));
      if (failed !== undefined) break;
      if (!sink.write(line.right)) await drained(sink);
      if (failed !== undefined) break;
    }
  } catch (error) {
    failed = error;
  } finally {
    sink.removeListener('error', onError);
  }
  if (failed !== undefined) {
    return E.left(loadError('write-failed', name, undefined, `cannot write: ${failed instanceof Error ? failed.message : String(failed)}`));
  }
  return E.right(n);
};
