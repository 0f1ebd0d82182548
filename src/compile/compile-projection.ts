// Projection → a function from a stored room to the returned room (a fresh deep-frozen object).
// The never-returned fields (joinCode, members, importIds, e2e) are dropped in every case.
import type { FieldPath } from '../query/field-path.js';
import type { Projection } from '../query/projection.js';
import type { Room } from '../model/room.js';
import { frozenCopy, frozenCopyWithout } from '../value/freeze-copy.js';
import { compilePath, isTraversable } from '../value/get-path.js';

export type Projector = (room: Room) => Room;

const withoutHidden = (room: Room, hidden: ReadonlySet<string>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(room).filter(([key]) => !hidden.has(key)));

// Writes `value` at `steps` into `target`, creating the objects along the way (own data properties only).
const setPath = (target: Record<string, unknown>, steps: ReadonlyArray<string>, value: unknown): void => {
  let node = target;
  steps.forEach((step, i) => {
    if (i === steps.length - 1) {
      Object.defineProperty(node, step, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const next = Object.hasOwn(node, step) ? node[step] : undefined;
    const child = isTraversable(next) ? next : {};
    if (child !== next) Object.defineProperty(node, step, { value: child, enumerable: true, writable: true, configurable: true });
    node = child;
  });
};

// Removes the value at `steps` from a structure we own (a fresh copy).
const unsetPath = (target: Record<string, unknown>, steps: ReadonlyArray<string>): Record<string, unknown> => {
  const [head, ...rest] = steps as [string, ...string[]];
  if (!Object.hasOwn(target, head)) return target;
  if (rest.length === 0) {
    const { [head]: _removed, ...kept } = target;
    return kept;
  }
  const child = target[head];
  return isTraversable(child) ? { ...target, [head]: unsetPath(child, rest) } : target;
};

const includeProjector = (paths: ReadonlyArray<FieldPath>, includeId: boolean, hidden: ReadonlySet<string>): Projector => {
  const readers = paths.filter((p) => !hidden.has(p.steps[0] ?? '')).map((p) => ({ steps: p.steps, read: compilePath(p) }));
  return (room) => {
    const out: Record<string, unknown> = {};
    if (includeId && Object.hasOwn(room, '_id')) out['_id'] = room['_id'];
    for (const { steps, read } of readers) {
      const value = read(room);
      if (value !== undefined) setPath(out, steps, value);
    }
    return frozenCopy(out) as Room;
  };
};

const excludeProjector =
  (paths: ReadonlyArray<FieldPath>, hidden: ReadonlySet<string>): Projector =>
  (room) =>
    frozenCopy(paths.reduce((acc, p) => unsetPath(acc, p.steps), withoutHidden(room, hidden))) as Room;

export const compileProjection = (projection: Projection): Projector => {
  const hidden = new Set(projection.hidden);
  switch (projection.kind) {
    case 'all':
      return (room) => frozenCopyWithout(room, hidden) as Room;
    case 'include':
      return includeProjector(projection.paths, projection.includeId, hidden);
    case 'exclude':
      return excludeProjector(projection.paths, hidden);
    default: {
      const never: never = projection;
      return never;
    }
  }
};
