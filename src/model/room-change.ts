// The one shape of a room's change, shared by the store (what a patch changed), derived collections
// (what their overlay folds in) and live queries (what they re-rank).
import type { Room } from './room.js';

/** One room's change: `before` undefined = added, `after` undefined = removed. */
export interface RoomChange {
  readonly id: string;
  readonly before: Room | undefined;
  readonly after: Room | undefined;
}
