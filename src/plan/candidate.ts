// What the planner knows of one condition's index access: a set of ranks holding every match.
import type { RankSet, SetWork } from '../collection/rank-set.js';

export interface Candidate {
  /** What the candidate reads, for explain: `servedBy._id = "a" (list 523)`. */
  readonly label: string;
  /** Upper bound of the set's size (exact once built). */
  readonly size: number;
  /** Index entries that building the set reads. */
  readonly buildCost: number;
  readonly exact: boolean;
  readonly build: (work: SetWork) => RankSet;
}
