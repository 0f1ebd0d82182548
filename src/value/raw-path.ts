// The optimistic half of a path read: a plain property access (`doc.v._id`), and the check that this
// access read what the safe reader (get-path.ts) would (every step an own property of a plain object).
// The scan tests a condition on the plain read first and runs the check only when the test passes:
// the safe value is either the plain one or missing, so a condition that a missing value fails can
// reject on the plain read alone (compile/optimistic-predicate.ts).
import { isTraversable, type PathReader, type PathSteps } from './get-path.js';

/**
 * The value at `path` by plain property access (prototype keys and odd containers included); missing
 * under null/undefined. May run a getter the safe reader would not (one on a document's prototype).
 */
export const rawPath = (path: PathSteps): PathReader => {
  const steps = path.steps;
  if (steps.length === 1) {
    const [only] = steps as [string];
    return (doc) => (doc as Record<string, unknown> | null | undefined)?.[only];
  }
  if (steps.length === 2) {
    const [first, second] = steps as [string, string];
    return (doc) => ((doc as Record<string, unknown> | null | undefined)?.[first] as Record<string, unknown> | null | undefined)?.[second];
  }
  return (doc) => {
    let value = doc as Record<string, unknown> | null | undefined;
    for (const step of steps) value = value?.[step] as Record<string, unknown> | null | undefined;
    return value;
  };
};

/** True when every step of `path` is an own property of a plain object, so `rawPath` read what `compilePath` reads. */
export const ownPath = (path: PathSteps): ((doc: unknown) => boolean) => {
  const steps = path.steps;
  if (steps.length === 1) {
    const [only] = steps as [string];
    return (doc) => isTraversable(doc) && Object.hasOwn(doc, only);
  }
  if (steps.length === 2) {
    const [first, second] = steps as [string, string];
    return (doc) => {
      if (!isTraversable(doc) || !Object.hasOwn(doc, first)) return false;
      const inner = doc[first];
      return isTraversable(inner) && Object.hasOwn(inner, second);
    };
  }
  return (doc) => {
    let value: unknown = doc;
    for (const step of steps) {
      if (!isTraversable(value) || !Object.hasOwn(value, step)) return false;
      value = value[step];
    }
    return true;
  };
};
