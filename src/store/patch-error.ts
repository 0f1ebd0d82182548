// Why a patch was refused: the operation's index, its path, a stable code and a readable reason.
// A refused patch changed nothing (apply is atomic).

export type PatchErrorCode =
  | 'not-an-array' // the patch is not a JSON array
  | 'too-many-operations'
  | 'invalid-operation' // not an RFC 6902 operation object (op, path, value / from)
  | 'invalid-pointer' // a malformed JSON Pointer
  | 'unsupported-path' // the document root: address a room, `/<roomId>...`
  | 'unknown-room' // no room with that id (replace / remove / field ops)
  | 'path-unresolvable' // fast-json-patch refused the operation inside the room
  | 'test-failed'
  | 'invalid-value' // not JSON data (functions, cycles, class instances, undefined, non-finite numbers)
  | 'invalid-room' // io-ts: the room the patch produced is not a call room
  | 'id-mismatch'; // the room's `_id` differs from its key in the document

export interface PatchError {
  readonly code: PatchErrorCode;
  /** The index of the failing operation (for an invalid room: the last operation that touched it); null for the whole patch. */
  readonly index: number | null;
  /** The JSON Pointer involved (for an invalid room: the failing field's pointer). */
  readonly path: string | null;
  readonly reason: string;
}

export const patchError = (code: PatchErrorCode, index: number | null, path: string | null, reason: string): PatchError =>
  Object.freeze({ code, index, path, reason });

/** One line for logs and HTTP bodies: `op 3 (/r1/open): test failed: ...`. */
export const formatPatchError = (e: PatchError): string =>
  `${e.index === null ? 'patch' : `op ${e.index}`}${e.path === null ? '' : ` (${e.path})`}: ${e.reason}`;
