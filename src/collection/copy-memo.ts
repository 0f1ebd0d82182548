// The frozen copies of an immutable collection's rooms, made on first return only and handed out again
// after (memory: one pointer per room once used, plus the copies of rooms actually returned). Owned by
// the collection it copies, so no module-level cache keyed by arrays is needed.
import type { Room } from '../model/room.js';

export class CopyMemo {
  // One set of copies per never-returned field list (voip's and livechat's copies of a room differ).
  private readonly slots = new Map<ReadonlyArray<string>, Array<Room | undefined>>();

  /** `copy(p)` memoized per position of `docs` (the owner's rooms) and per `hidden` list (by identity). */
  reader(docs: ReadonlyArray<Room>, copy: (room: Room) => Room, hidden: ReadonlyArray<string>): (p: number) => Room {
    let slots = this.slots.get(hidden);
    if (slots === undefined) {
      slots = new Array<Room | undefined>(docs.length);
      this.slots.set(hidden, slots);
    }
    const memo = slots;
    return (p) => {
      const hit = memo[p];
      if (hit !== undefined) return hit;
      const made = copy(docs[p] as Room);
      memo[p] = made;
      return made;
    };
  }
}
