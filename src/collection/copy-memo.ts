// The frozen copies of an immutable collection's rooms, made on first return only and handed out again
// after (memory: one pointer per room once used, plus the copies of rooms actually returned). Owned by
// the collection it copies, so no module-level cache keyed by arrays is needed.
import type { Room } from '../model/room.js';

export class CopyMemo {
  private slots: Array<Room | undefined> | undefined;

  /** `copy(p)` memoized per position of `docs` (the owner's rooms). */
  reader(docs: ReadonlyArray<Room>, copy: (room: Room) => Room): (p: number) => Room {
    const slots = (this.slots ??= new Array<Room | undefined>(docs.length));
    return (p) => {
      const hit = slots[p];
      if (hit !== undefined) return hit;
      const made = copy(docs[p] as Room);
      slots[p] = made;
      return made;
    };
  }
}
