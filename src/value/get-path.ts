// Compiles a field path into a reader. Only own properties of plain objects are traversed, so
// `__proto__`/`constructor` paths read nothing and odd documents (strings, arrays, null) read as missing.

export type PathReader = (doc: unknown) => unknown;

const isTraversable = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const readStep = (value: unknown, step: string): unknown => (isTraversable(value) && Object.hasOwn(value, step) ? value[step] : undefined);

/** Anything with parsed path steps (a query's FieldPath is one). */
export interface PathSteps {
  readonly steps: ReadonlyArray<string>;
}

export const compilePath = (path: PathSteps): PathReader => {
  const steps = path.steps;
  if (steps.length === 1) {
    const [only] = steps as [string];
    return (doc) => readStep(doc, only);
  }
  if (steps.length === 2) {
    const [first, second] = steps as [string, string];
    return (doc) => readStep(readStep(doc, first), second);
  }
  return (doc) => {
    let value: unknown = doc;
    for (const step of steps) {
      value = readStep(value, step);
      if (value === undefined) return undefined;
    }
    return value;
  };
};

export { isTraversable };
