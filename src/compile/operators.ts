// One compiler per filter node kind (mingo's operator tables, exhaustive like kysely's visitors):
// each resolves its path and constants once and returns a closure that does no parsing per document.
import type { FilterFolder } from '../query/fold.js';
import { FieldPath } from '../query/field-path.js';
import { compilePath } from '../value/get-path.js';
import { linearRegexOf } from '../value/linear-regex.js';
import { validTime } from '../value/valid-time.js';

const SERVED_BY_ID = FieldPath.of('servedBy._id');

export type Predicate = (doc: unknown) => boolean;

// MongoDB matches an array field when any element satisfies the condition.
const anyElement = (value: unknown, test: (x: unknown) => boolean): boolean => test(value) || (Array.isArray(value) && value.some(test));

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The substring test on a field's value (upstream's /escape(needle)/i): a string holding the needle
 * case-insensitively, or an array with such a string. The substring index verifies its candidates with it.
 */
export const substringMatcher = (needle: string): ((value: unknown) => boolean) => {
  // A literal needle: escaped, so no user regex and no catastrophic backtracking.
  const pattern = new RegExp(escapeRegExp(needle), 'i');
  const hit = (x: unknown): boolean => typeof x === 'string' && pattern.test(x);
  return (value) => anyElement(value, hit);
};

export const filterOperators: FilterFolder<Predicate> = {
  eq: (node) => {
    const read = compilePath(node.path);
    const wanted = node.value;
    return (doc) => {
      const value = read(doc);
      return value === wanted || (Array.isArray(value) && value.includes(wanted));
    };
  },
  in: (node) => {
    const read = compilePath(node.path);
    const wanted = new Set(node.values);
    const hit = (x: unknown): boolean => typeof x === 'string' && wanted.has(x);
    return (doc) => anyElement(read(doc), hit);
  },
  exists: (node) => {
    const read = compilePath(node.path);
    return node.exists ? (doc) => read(doc) !== undefined : (doc) => read(doc) === undefined;
  },
  range: (node) => {
    const read = compilePath(node.path);
    const lo = node.gte?.getTime() ?? Number.NEGATIVE_INFINITY;
    const hi = node.lte?.getTime() ?? Number.POSITIVE_INFINITY;
    const inRange = (x: unknown): boolean => {
      const t = validTime(x);
      return t >= lo && t <= hi; // false for NaN: non-Dates and invalid Dates never match
    };
    // $gte and $lte are separate conditions: on an array each may be met by a different element.
    const atLeast = (x: unknown): boolean => validTime(x) >= lo;
    const atMost = (x: unknown): boolean => validTime(x) <= hi;
    return (doc) => {
      const value = read(doc);
      if (!Array.isArray(value)) return inRange(value);
      return value.some(atLeast) && value.some(atMost);
    };
  },
  substring: (node) => {
    const read = compilePath(node.path);
    const matches = substringMatcher(node.needle);
    return (doc) => matches(read(doc));
  },
  'served-by': (node) => {
    const read = compilePath(SERVED_BY_ID);
    const agentId = node.agentId;
    return (doc) => read(doc) === agentId;
  },
  true: (node) => {
    const read = compilePath(node.path);
    return (doc) => {
      const value = read(doc);
      return value === true || (Array.isArray(value) && value.includes(true));
    };
  },
  regex: (node) => {
    const read = compilePath(node.path);
    // RE2 (linear time): a caller's pattern can never backtrack catastrophically.
    const pattern = linearRegexOf(node.source);
    const hit = (x: unknown): boolean => typeof x === 'string' && pattern.test(x);
    return (doc) => anyElement(read(doc), hit);
  },
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
