// The one dispatch over collection kinds: an indexed collection runs its plan; a derived one runs the
// plan over its base and layers its overlay (exec-overlay.ts).
import type { CompiledQuery } from '../compile/compile-query.js';
import type { RoomCollection } from '../collection/collection.js';
import type { PlanNode } from '../plan/plan.js';
import { execOverlay } from './exec-overlay.js';
import { execIndexed } from './exec-plan.js';
import type { RoomsPageWithStats } from './scan.js';

/** Runs `plan` (one of `planQuery(compiled, c)`'s) over `c`. */
export const execPlan = (compiled: CompiledQuery, c: RoomCollection, plan: PlanNode): RoomsPageWithStats => {
  switch (c.kind) {
    case 'indexed':
      return execIndexed(compiled, c, plan);
    case 'derived':
      return execOverlay(compiled, c, plan);
    default: {
      const never: never = c;
      return never;
    }
  }
};
