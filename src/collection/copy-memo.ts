// The frozen copies of an immutable collection's rooms, made on first return only and handed out again
// after (memory: one pointer per room once used, plus the copies of rooms actually returned), one set per
// projection: the default one and a few others (a dashboard asks with the same `fields` every time).
// Owned by the collection it copies, so no module-level cache keyed by arrays is needed. Handing out the
// same object again also lets the HTTP layer reuse the room's JSON (http/page-json.ts).
import type { Room } from '../model/room.js';

/** Projections other than the default one memoized per collection; later ones are copied each time. */
const MAX_PROJECTIONS = 4;

export class CopyMemo {
  private readonly slots = new Map<string, Array<Room | undefined>>();

  /**
   * `copy(p)` memoized per position of `docs` (the owner's rooms) and per projection `key` ('' for the
   * default projection; the key must determine `copy`).
   */
  reader(docs: ReadonlyArray<Room>, copy: (room: Room) => Room, key = ''): (p: number) => Room {
    let slots = this.slots.get(key);
    if (slots === undefined) {
      if (key !== '' && this.slots.size >= MAX_PROJECTIONS + (this.slots.has('') ? 1 : 0)) return (p) => copy(docs[p] as Room);
      slots = new Array<Room | undefined>(docs.length);
      this.slots.set(key, slots);
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
