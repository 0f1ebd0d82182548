// Reference order and paging for livechat/rooms, as voip's (docs/semantics-differences.md "Paging", "Order"):
// requested keys then `_id` ascending (both modes, per the contract), rocketchat-mode parseInt quirks.

import type { Room } from '../../../src/model/room.js';
import { referenceCompare } from '../reference-compare.js';
import type { SortSpec } from '../reference-json-params.js';
import { valueAt } from '../reference-path.js';
import type { Mode } from '../reference-schema.js';

export interface LivechatPaging {
  defaultCount: number;
  maxCount: number;
  allowInfiniteCount: boolean;
}

function compareRooms(a: Room, b: Room, sort: SortSpec): number {
  let hasId = false;
  for (let i = 0; i < sort.length; i++) {
    const key = sort[i]!;
    if (key.path === '_id') hasId = true;
    const c = referenceCompare(valueAt(a, key.path), valueAt(b, key.path));
    if (c !== 0) return c * key.direction;
  }
  if (hasId) return 0;
  return referenceCompare(valueAt(a, '_id'), valueAt(b, '_id'));
}

/** Insertion sort: obviously stable, and n is small in tests. */
export function referenceSortRooms(rooms: ReadonlyArray<Room>, sort: SortSpec): Room[] {
  const out: Room[] = [];
  for (let i = 0; i < rooms.length; i++) {
    const room = rooms[i]!;
    let at = out.length;
    while (at > 0 && compareRooms(out[at - 1]!, room, sort) > 0) at--;
    out.splice(at, 0, room);
  }
  return out;
}

/** Upstream's `parseInt(String(n))`; NaN for non-finite numbers; -0 becomes 0. */
function parseIntLike(n: number): number {
  return parseInt(String(n), 10) + 0;
}

/** The offset used (and echoed): default mode's is already a checked integer; rocketchat truncates, non-finite → 0. */
export function referenceOffset(offset: number | undefined, mode: Mode): number {
  if (offset === undefined) return 0;
  if (mode === 'default') return offset;
  const n = parseIntLike(offset);
  return Number.isNaN(n) ? 0 : n;
}

/** How many rooms a page holds (Infinity for all). */
export function referencePageSize(count: number | undefined, mode: Mode, paging: Partial<LivechatPaging> | undefined): number {
  const defaultCount = paging?.defaultCount ?? 50;
  const maxCount = paging?.maxCount ?? 100;
  const allowInfinite = paging?.allowInfiniteCount ?? mode === 'rocketchat';
  let size: number = count ?? defaultCount;
  if (count !== undefined && mode === 'rocketchat') {
    const n = parseIntLike(count);
    // Non-finite: the default; negative: MongoDB limit(-n) returns n documents.
    size = Number.isNaN(n) ? defaultCount : Math.abs(n);
  }
  if (size === 0) size = allowInfinite ? Infinity : defaultCount;
  if (size !== Infinity && size > maxCount) size = maxCount;
  return size;
}
