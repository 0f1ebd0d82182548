// One compiler per filter node kind (mingo's operator tables, exhaustive like kysely's visitors):
// each resolves its path and constants once and returns a closure that does no parsing per document.
// A leaf condition is a path plus a test on the value read there (`leafTest`), shared with the scan's
// optimistic predicate (optimistic-predicate.ts), so both judge a value by the very same code.
import type { FilterFolder } from '../query/fold.js';
import { FieldPath } from '../query/field-path.js';
import type { FilterNode } from '../query/filter-node.js';
import { compilePath } from '../value/get-path.js';
import { linearRegexOf } from '../value/linear-regex.js';
import { validTime } from '../value/valid-time.js';
import { holdsTrue } from '../value/holds-true.js';

const SERVED_BY_ID = FieldPath.of('servedBy._id');

export type Predicate = (doc: unknown) => boolean;
export type ValueTest = (value: unknown) => boolean;

// MongoDB matches an array field when any element satisfies the condition.
const anyElement = (value: unknown, test: (x: unknown) => boolean): boolean => test(value) || (Array.isArray(value) && value.some(test));

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The substring test on a field's value (upstream's /escape(needle)/i): a string holding the needle
 * case-insensitively, or an array with such a string. The substring index verifies its candidates with it.
 */
export const substringMatcher = (needle: string): ValueTest => {
  // A literal needle: escaped, so no user regex and no catastrophic backtracking.
  const pattern = new RegExp(escapeRegExp(needle), 'i');
  const hit = (x: unknown): boolean => typeof x === 'string' && pattern.test(x);
  return (value) => anyElement(value, hit);
};

const rangeTest = (gte: Date | undefined, lte: Date | undefined): ValueTest => {
  const lo = gte?.getTime() ?? Number.NEGATIVE_INFINITY;
  const hi = lte?.getTime() ?? Number.POSITIVE_INFINITY;
  // $gte and $lte are separate conditions: on an array each may be met by a different element.
  const atLeast = (x: unknown): boolean => validTime(x) >= lo;
  const atMost = (x: unknown): boolean => validTime(x) <= hi;
  return (value) => {
    if (!Array.isArray(value)) {
      const t = validTime(value);
      return t >= lo && t <= hi; // false for NaN: non-Dates and invalid Dates never match
    }
    return value.some(atLeast) && value.some(atMost);
  };
};

/** A leaf condition as the path it reads and the test on the value there; undefined for the other kinds. */
export const leafTest = (node: FilterNode): { readonly path: FieldPath; readonly test: ValueTest } | undefined => {
  switch (node.kind) {
    case 'eq': {
      const wanted = node.value;
      return { path: node.path, test: (value) => value === wanted || (Array.isArray(value) && value.includes(wanted)) };
    }
    case 'in': {
      const wanted = new Set(node.values);
      const hit = (x: unknown): boolean => typeof x === 'string' && wanted.has(x);
      return { path: node.path, test: (value) => anyElement(value, hit) };
    }
    case 'exists':
      return { path: node.path, test: node.exists ? (value) => value !== undefined : (value) => value === undefined };
    case 'range':
      return { path: node.path, test: rangeTest(node.gte, node.lte) };
    case 'substring':
      return { path: node.path, test: substringMatcher(node.needle) };
    case 'served-by': {
      const agentId = node.agentId;
      return { path: SERVED_BY_ID, test: (value) => value === agentId };
    }
    case 'true':
      return { path: node.path, test: holdsTrue };
    case 'regex': {
      // RE2 (linear time): a caller's pattern can never backtrack catastrophically.
      const pattern = linearRegexOf(node.source);
      const hit = (x: unknown): boolean => typeof x === 'string' && pattern.test(x);
      return { path: node.path, test: (value) => anyElement(value, hit) };
    }
    case 'none':
    case 'not':
    case 'and':
    case 'or':
      return undefined;
    default: {
      const never: never = node;
      return never;
    }
  }
};

const leaf = (node: FilterNode): Predicate => {
  const { path, test } = leafTest(node) as NonNullable<ReturnType<typeof leafTest>>;
  const read = compilePath(path);
  return (doc) => test(read(doc));
};

export const filterOperators: FilterFolder<Predicate> = {
  eq: leaf,
  in: leaf,
  exists: leaf,
  range: leaf,
  substring: leaf,
  'served-by': leaf,
  true: leaf,
  regex: leaf,
  none: () => () => false,
  not: (node, recurse) => {
    const child = recurse(node.child);
    return (doc) => !child(doc);
  },
  and: (node, recurse) => {
    const parts = node.children.map(recurse);
    if (parts.length === 1) return parts[0] as Predicate;
    return (doc) => {
      for (const part of parts) if (!part(doc)) return false;
      return true;
    };
  },
  or: (node, recurse) => {
    const parts = node.children.map(recurse);
    return (doc) => {
      for (const part of parts) if (part(doc)) return true;
      return false;
    };
  },
};

export { escapeRegExp };
