// Rocket.Chat's rocketchat_room collection as exported by mongoexport → rooms the engine can query.
// Every room type is kept (only `t: 'v'` ever matches); call rooms are checked against the call-room shape.
import * as E from 'fp-ts/lib/Either.js';
import { isCertainlyValidRoom } from '../model/decode-room-fast.js';
import { validateRoom } from '../model/validate-room.js';
import type { Room } from '../model/room.js';
import type { LoadError } from './load-error.js';
import { readExport, type Accept } from './read-export.js';
import type { ExportSource } from './text-source.js';

export interface LoadRoomsOptions {
  /**
   * Check every `t: 'v'` document against the call-room shape (docs/endpoint.md) and refuse the export on the
   * first one that does not fit. Default `true`; `false` loads whatever the collection holds.
   */
  readonly validate?: boolean;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Date);

/**
 * Loads a `mongoexport` of `rocketchat_room`: NDJSON (the default), `--jsonArray` or `--pretty`, Extended
 * JSON v2 relaxed or canonical. Streams document by document; the first bad document is a Left naming
 * its line, and then nothing is returned (all or nothing). Never throws, never rejects.
 *
 * @example
 * import { loadRooms, queryRooms } from 'room-query';
 * const rooms = await loadRooms('rocketchat_room.json');
 * // Right(rooms) or Left({ code: 'invalid-document', line: 12, message: 'rocketchat_room.json line 12 (document 12): /ts: ...' })
 */
export const loadRooms = (source: ExportSource, options: LoadRoomsOptions = {}): Promise<E.Either<LoadError, ReadonlyArray<Room>>> => {
  const validate = options.validate ?? true;
  const seen = new Map<string, number>();
  const accept: Accept<Room> = (doc, { line }) => {
    if (!isRecord(doc)) return E.left({ code: 'invalid-document', message: 'expected a document (a JSON object)' });
    const id = doc['_id'];
    if (typeof id !== 'string')
      return E.left({ code: 'invalid-document', message: `/_id: expected a string (or {"$oid"}), got ${JSON.stringify(id) ?? 'nothing'}` });
    const first = seen.get(id);
    if (first !== undefined) return E.left({ code: 'duplicate-id', message: `_id ${JSON.stringify(id)} already used on line ${first}` });
    seen.set(id, line);
    // The io-ts codec only when the one-pass check is in doubt (it is the one that explains).
    if (validate && doc['t'] === 'v' && !isCertainlyValidRoom(doc)) {
      const checked = validateRoom(doc);
      if (E.isLeft(checked)) return E.left({ code: 'invalid-document', message: `not a call room: ${checked.left.join('; ')}` });
    }
    // The document as exported (not the codec's output): the engine answers what MongoDB would hold.
    return E.right(doc);
  };
  return readExport(source, accept).then(E.map((rooms) => Object.freeze(rooms)));
};
