// The overlay of a derived collection (derived-collection.ts): what changed since an immutable base
// collection, kept small and cheap to extend, so a store version is queryable through the base's
// indexes without rebuilding them.
//
// Layout. An `OverlayLog` is an append-only log of changes over ONE base, shared by the derived
// collections of successive versions; each of them is an `OverlayView` = (log, upTo), which sees only
// the log's first `upTo` changes. So a version's view never changes after later appends (old
// snapshots stay valid), and extending the newest view costs O(1) per change (two hash-map operations)
// plus, for a room of the base changed for the first time, one O(log n) binary search in the base's
// primary order to find its position (its tombstone). Deriving from a view that is not the log's head
// (an older version queried after a newer one was derived) forks: a copy of its prefix, O(upTo).
//
// What a view answers (all lazily, once per view, O(tombstones + delta)):
// - tombstones: base positions whose room was removed or changed at or before `upTo`;
// - delta: the current value of every room changed since the base (removed rooms excluded), each with
//   a "virtual position" baseSize + slot, slot = order of the room's first change. The view's docs are
//   the base's docs minus tombstones (base order), then the delta (slot order); virtual positions are
//   increasing in that order, so comparing them ties exactly as positions in the docs array would.
import { compareValues } from '../../value/compare-values.js';
import type { Room } from '../../model/room.js';
import type { RoomChange } from '../../model/room-change.js';
import { compareIds } from '../order.js';
import type { Exclusion, Overlay, OverlayDelta } from '../collection.js';
import { CopyMemo } from '../copy-memo.js';
import type { IndexedCollection } from '../room-collection.js';
import { lowerBound } from '../rank-set.js';

export interface History {
  /** Order of the room's first change in this log. */
  readonly slot: number;
  /** The base position its first change tombstoned, or -1 (a room the base did not hold). */
  readonly basePos: number;
  /** Sequence numbers of the room's changes, ascending. */
  readonly seqs: number[];
  /** The room after each of those changes (undefined: removed). */
  readonly rooms: Array<Room | undefined>;
}

/** The append-only change log over one base (shared by successive views; never rewritten, only appended). */
export class OverlayLog {
  private readonly changes: RoomChange[] = [];
  /** Base position → sequence number of the change that tombstoned it. */
  readonly tombSeq = new Map<number, number>();
  /** Room id → its history since the base (insertion order = slot order). */
  readonly delta = new Map<string, History>();
  /** Fallback id → base positions, built on first need (base without a primary order, or a lookup miss). */
  private byId: Map<string, number[]> | undefined;
  /** Base-position lookups done (binary searches + fallback lookups), for tests. */
  lookups = 0;

  constructor(readonly base: IndexedCollection) {}

  get length(): number {
    return this.changes.length;
  }

  append(change: RoomChange): void {
    const seq = this.changes.length;
    this.changes.push(change);
    const history = this.delta.get(change.id);
    if (history !== undefined) {
      history.seqs.push(seq);
      history.rooms.push(change.after);
      return;
    }
    // First change of this room since the base: the base holds its `before` (if any), tombstone it.
    let basePos = -1;
    if (change.before !== undefined) {
      const p = this.basePositionOf(change.id, change.before);
      if (p >= 0 && !this.tombSeq.has(p)) basePos = p;
    }
    this.firstChange(change, seq, basePos);
  }

  /** The change numbered `seq` (0-based, < length). */
  changeAt(seq: number): RoomChange {
    return this.changes[seq] as RoomChange;
  }

  /**
   * Appends a change whose room's base position is already known (-1: a room the base does not hold):
   * no lookup. Used to move a log's tail onto a merged base (merge-job.ts), where positions are remapped.
   */
  appendKnown(change: RoomChange, basePos: number): void {
    const seq = this.changes.length;
    this.changes.push(change);
    const history = this.delta.get(change.id);
    if (history !== undefined) {
      history.seqs.push(seq);
      history.rooms.push(change.after);
      return;
    }
    this.firstChange(change, seq, basePos);
  }

  /** Records a room's first change, `basePos` its base position (tombstoned here) or -1. */
  private firstChange(change: RoomChange, seq: number, basePos: number): void {
    if (basePos >= 0) this.tombSeq.set(basePos, seq);
    this.delta.set(change.id, { slot: this.delta.size, basePos, seqs: [seq], rooms: [change.after] });
  }

  /** A new log over the same base holding this log's first `upTo` changes. */
  fork(upTo: number): OverlayLog {
    const log = new OverlayLog(this.base);
    log.byId = this.byId;
    for (let i = 0; i < upTo; i++) log.append(this.changes[i] as RoomChange);
    return log;
  }

  /**
   * A new log over the same base with one change per changed room (its base room → its current value):
   * the same head state, without the history. Bounds a log whose few rooms change again and again.
   */
  squash(): OverlayLog {
    const log = new OverlayLog(this.base);
    log.byId = this.byId;
    const docs = this.base.docs;
    for (const [id, history] of this.delta) {
      const before = history.basePos >= 0 ? (docs[history.basePos] as Room) : undefined;
      // Its base position is known: no lookup (a binary search over cold base rooms each, at 1M).
      const change: RoomChange = { id, before, after: history.rooms[history.rooms.length - 1] };
      log.changes.push(change);
      log.firstChange(change, log.changes.length - 1, history.basePos);
    }
    return log;
  }

  /**
   * The base position holding `room` (by identity; else the first untombstoned position with its `_id`), or -1.
   * With a primary order: a binary search on (value, _id), O(log n).
   */
  private basePositionOf(id: string, room: Room): number {
    this.lookups++;
    const { base } = this;
    const docs = base.docs;
    const primary = base.primary;
    if (primary !== undefined) {
      const { order, read } = primary;
      const value = read(room);
      const roomId = room['_id'];
      const cmp = (i: number): number => {
        const doc = docs[order[i] as number] as Room;
        return compareValues(read(doc), value) || compareIds(doc['_id'], roomId);
      };
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cmp(mid) < 0) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < order.length && cmp(i) === 0; i++) if (docs[order[i] as number] === room) return order[i] as number;
    }
    if (this.byId === undefined) {
      const byId = new Map<string, number[]>();
      for (let p = 0; p < docs.length; p++) {
        const key = (docs[p] as Room)['_id'];
        if (typeof key !== 'string') continue;
        const list = byId.get(key);
        if (list === undefined) byId.set(key, [p]);
        else list.push(p);
      }
      this.byId = byId;
    }
    const candidates = this.byId.get(id) ?? [];
    for (const p of candidates) if (docs[p] === room) return p;
    for (const p of candidates) if (!this.tombSeq.has(p)) return p;
    return -1;
  }

  /** The room's value after the changes before `upTo` (`found: false`: the log has no change of it by then). */
  valueAt(history: History, upTo: number): { found: boolean; room: Room | undefined } {
    const { seqs } = history;
    if ((seqs[0] as number) >= upTo) return { found: false, room: undefined };
    if ((seqs[seqs.length - 1] as number) < upTo) return { found: true, room: history.rooms[seqs.length - 1] };
    return { found: true, room: history.rooms[lowerBound(seqs, upTo) - 1] };
  }
}

/** The overlay as of one version: the log's first `upTo` changes. Immutable once made. */
export class OverlayView implements Overlay {
  private tombs: Exclusion | undefined;
  private deltaCache: OverlayDelta | undefined;
  private docsCache: ReadonlyArray<Room> | undefined;

  constructor(
    readonly log: OverlayLog,
    readonly upTo: number,
  ) {}

  get base(): IndexedCollection {
    return this.log.base;
  }

  /** No later change was appended to the log: deriving from this view appends in place. */
  get isHead(): boolean {
    return this.log.length === this.upTo;
  }

  /** Base positions removed or replaced as of this view. */
  tombstones(): Exclusion {
    if (this.tombs !== undefined) return this.tombs;
    const { tombSeq } = this.log;
    const upTo = this.upTo;
    const found: number[] = [];
    for (const [p, seq] of tombSeq) if (seq < upTo) found.push(p);
    // A native numeric sort (no comparator calls): every query of a new version pays it.
    const positions = Array.from(Int32Array.from(found).sort());
    const has = (p: number): boolean => {
      const seq = tombSeq.get(p);
      return seq !== undefined && seq < upTo;
    };
    this.tombs = { has, positions };
    return this.tombs;
  }

  /** Current rooms changed since the base (removed ones left out), with their virtual positions (ascending). */
  delta(): OverlayDelta {
    if (this.deltaCache !== undefined) return this.deltaCache;
    const docs: Room[] = [];
    const positions: number[] = [];
    const n = this.log.base.size;
    for (const history of this.log.delta.values()) {
      const { found, room } = this.log.valueAt(history, this.upTo);
      if (!found || room === undefined) continue;
      docs.push(room);
      positions.push(n + history.slot);
    }
    this.deltaCache = { docs: Object.freeze(docs), positions: Int32Array.from(positions), copies: new CopyMemo() };
    return this.deltaCache;
  }

  /** The view's rooms: base minus tombstones (base order), then the delta. O(n), made on first use only. */
  docs(): ReadonlyArray<Room> {
    if (this.docsCache !== undefined) return this.docsCache;
    const { has } = this.tombstones();
    const baseDocs = this.log.base.docs;
    const out: Room[] = [];
    for (let p = 0; p < baseDocs.length; p++) if (!has(p)) out.push(baseDocs[p] as Room);
    for (const room of this.delta().docs) out.push(room);
    this.docsCache = Object.freeze(out);
    return this.docsCache;
  }
}
