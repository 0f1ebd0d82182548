// MongoDB's BSON order over JS values, total and deterministic:
// missing = null < numbers (NaN lowest) < strings < objects < arrays < booleans < Dates (invalid lowest).
// Laws (reflexive, antisymmetric, transitive) are property-tested in test/compile/compare-values.property.test.ts.

const enum Rank {
  Null = 0,
  Number = 1,
  String = 2,
  Object = 3,
  Array = 4,
  Boolean = 5,
  Date = 6,
}

export const typeRank = (value: unknown): Rank => {
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return Rank.Number;
    case 'string':
      return Rank.String;
    case 'boolean':
      return Rank.Boolean;
    case 'object':
      if (value === null) return Rank.Null;
      if (value instanceof Date) return Rank.Date;
      return Array.isArray(value) ? Rank.Array : Rank.Object;
    default:
      // undefined, functions, symbols: not storable in MongoDB, ordered like a missing field.
      return Rank.Null;
  }
};

const compareNumbers = (a: number, b: number): number => {
  const aNaN = Number.isNaN(a);
  const bNaN = Number.isNaN(b);
  if (aNaN || bNaN) return aNaN === bNaN ? 0 : aNaN ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
};

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const compareArrays = (a: ReadonlyArray<unknown>, b: ReadonlyArray<unknown>): number => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length === 0 ? 0 : a.length < b.length ? -1 : 1;
};

// BSON compares documents element by element: value type, then field name, then value.
const compareObjects = (a: object, b: object): number => {
  const ea = Object.entries(a);
  const eb = Object.entries(b);
  const n = Math.min(ea.length, eb.length);
  for (let i = 0; i < n; i++) {
    const [ka, va] = ea[i] as [string, unknown];
    const [kb, vb] = eb[i] as [string, unknown];
    const byType = typeRank(va) - typeRank(vb);
    if (byType !== 0) return byType < 0 ? -1 : 1;
    const byKey = compareStrings(ka, kb);
    if (byKey !== 0) return byKey;
    const byValue = compareValues(va, vb);
    if (byValue !== 0) return byValue;
  }
  return ea.length === eb.length ? 0 : ea.length < eb.length ? -1 : 1;
};

/** Total order on any two JS values following MongoDB's sort order. Returns -1, 0 or 1. */
export const compareValues = (a: unknown, b: unknown): number => {
  // Fast paths for the shapes sort keys almost always have.
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (a instanceof Date && b instanceof Date) return compareNumbers(a.getTime(), b.getTime());
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case Rank.Null:
      return 0;
    case Rank.Number:
      return compareNumbers(Number(a), Number(b));
    case Rank.String:
      return compareStrings(a as string, b as string);
    case Rank.Object:
      return compareObjects(a as object, b as object);
    case Rank.Array:
      return compareArrays(a as ReadonlyArray<unknown>, b as ReadonlyArray<unknown>);
    case Rank.Boolean:
      return a === b ? 0 : a ? 1 : -1;
    case Rank.Date:
      return compareNumbers((a as Date).getTime(), (b as Date).getTime());
    default: {
      const never: never = ra;
      return never;
    }
  }
};
