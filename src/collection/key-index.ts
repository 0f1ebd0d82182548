// Equality and presence indexes over ranks (positions in the collection's primary order).
// Equality: string value → the ranks of the documents holding it, directly or as an array element
// (multi-key, like MongoDB's: `tags`), which is exactly what the engine's `eq`/`in` match — wanted
// values are always strings, so other values are never indexed. Presence: the ranks where the path
// holds any value (`open` is present while a call is open).
import { compilePath } from '../compile/get-path.js';
import type { Room } from '../model/room.js';
import type { FieldPath } from '../query/field-path.js';
import { fromSortedRanks, setBytes, type RankSet } from './rank-set.js';

export interface KeyIndex {
  readonly kind: 'key';
  readonly path: FieldPath;
  readonly postings: ReadonlyMap<string, RankSet>;
}

export interface PresenceIndex {
  readonly kind: 'presence';
  readonly path: FieldPath;
  readonly present: RankSet;
}

/** `docAt(r)`: the document at rank r. */
export const buildKeyIndex = (n: number, docAt: (r: number) => Room, path: FieldPath): KeyIndex => {
  const read = compilePath(path);
  const lists = new Map<string, number[]>();
  const add = (key: string, r: number): void => {
    const list = lists.get(key);
    if (list === undefined) lists.set(key, [r]);
    else if (list[list.length - 1] !== r) list.push(r);
  };
  for (let r = 0; r < n; r++) {
    const v = read(docAt(r));
    if (typeof v === 'string') add(v, r);
    // `add` skips a rank already last in the list, so a value repeated in one array counts once.
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') add(x, r);
  }
  const postings = new Map<string, RankSet>();
  for (const [key, ranks] of lists) postings.set(key, fromSortedRanks(ranks, n));
  return { kind: 'key', path, postings };
};

export const buildPresenceIndex = (n: number, docAt: (r: number) => Room, path: FieldPath): PresenceIndex => {
  const read = compilePath(path);
  const ranks: number[] = [];
  for (let r = 0; r < n; r++) if (read(docAt(r)) !== undefined) ranks.push(r);
  return { kind: 'presence', path, present: fromSortedRanks(ranks, n) };
};

export const keyIndexBytes = (index: KeyIndex): number => {
  let bytes = 0;
  for (const [key, set] of index.postings) bytes += setBytes(set) + 2 * key.length + 120; // key string + map entry + typed array header
  return bytes;
};
