// The typed livechat/rooms request: a RoomsQuery plus what only this endpoint's scope reads.
import type { RoomsQuery } from './rooms-query.js';

export interface LivechatQuery extends RoomsQuery {
  /** default mode's `units[]=` (Enterprise Edition): narrows the monitor scope, or filters departmentAncestors. */
  readonly units: ReadonlyArray<string> | undefined;
}
