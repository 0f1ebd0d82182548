// Reads the value at a path inside a stored room (for `test`, and the `from` of move / copy).
// Only plain objects and arrays are walked: a path into a Date or a string addresses nothing.

export type ReadResult = { readonly found: true; readonly value: unknown } | { readonly found: false; readonly at: number };

const isContainer = (u: unknown): u is Record<string, unknown> | unknown[] => typeof u === 'object' && u !== null && !(u instanceof Date);

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/** `at`: how many steps resolved before the path failed. */
export const readAt = (root: unknown, steps: ReadonlyArray<string>): ReadResult => {
  let node: unknown = root;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as string;
    if (!isContainer(node)) return { found: false, at: i };
    if (Array.isArray(node)) {
      if (!ARRAY_INDEX.test(step) || Number(step) >= node.length) return { found: false, at: i };
      node = node[Number(step)];
    } else {
      if (!Object.hasOwn(node, step)) return { found: false, at: i };
      node = node[step];
    }
  }
  return { found: true, value: node };
};

/** The steps before the last one all lead to plain objects or arrays (fast-json-patch would write into a Date otherwise). */
export const parentsAreContainers = (root: unknown, steps: ReadonlyArray<string>): boolean => {
  let node: unknown = root;
  for (let i = 0; i < steps.length - 1; i++) {
    if (!isContainer(node)) return false;
    const step = steps[i] as string;
    const next: unknown = Array.isArray(node) ? node[Number(step)] : Object.hasOwn(node, step) ? node[step] : undefined;
    if (next === undefined) return true; // missing: fast-json-patch reports it as unresolvable
    node = next;
  }
  return isContainer(node);
};
