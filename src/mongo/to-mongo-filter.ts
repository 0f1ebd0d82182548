// Filter AST → MongoDB query document, through the same exhaustive fold as compileFilter, so the
// in-memory predicate and the MongoDB query cannot drift: a new node kind fails to compile here too.
//
// How it works: every node becomes a small query document; an AND merges its children's keys into one
// document (upstream's flat shape, docs/endpoint.md) and moves a child to `$and` only when its key is already taken.
import type { FilterNode } from '../query/filter-node.js';
import { foldFilter } from '../query/fold.js';
import type { MongoFilter } from './mongo-query.js';

/**
 * The needle as a regex source that means the same literal text in JavaScript and in MongoDB's PCRE:
 * metacharacters escaped (as upstream's escapeRegExp), NUL written `\x00` (the driver refuses a
 * pattern holding a NUL byte; both engines read `\x00` as NUL).
 */
export const escapeNeedle = (needle: string): string => needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\0/g, '\\x00');

/** A caller's regex source for the driver: a raw NUL becomes `\x00` (the driver refuses NUL bytes). */
const driverSafeSource = (source: string): string => {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\\' && i + 1 < source.length) {
      const next = source[i + 1] as string;
      out += next === '\0' ? '\\x00' : ch + next;
      i++;
    } else out += ch === '\0' ? '\\x00' : ch;
  }
  return out;
};

const dateCopy = (d: Date): Date => new Date(d.getTime());

const andOf = (parts: ReadonlyArray<MongoFilter>): MongoFilter => {
  const merged: Record<string, unknown> = {};
  const rest: MongoFilter[] = [];
  for (const part of parts) {
    const keys = Object.keys(part);
    if (keys.some((k) => Object.hasOwn(merged, k) || k === '$and')) rest.push(part);
    else for (const k of keys) Object.defineProperty(merged, k, { value: part[k], enumerable: true, writable: true, configurable: true });
  }
  if (rest.length > 0) merged['$and'] = rest;
  return merged;
};

// Keys are set with defineProperty-like semantics (object literals with computed keys), so a path
// named "__proto__" stays an own key; paths come from the AST, never from a document.
const field = (path: string, condition: unknown): MongoFilter => Object.fromEntries([[path, condition]]);

/**
 * The MongoDB query document for a filter AST.
 * @example
 * toMongoFilter(AndNode.create([EqNode.create('t', 'v'), SubstringNode.create('name', 'a.b')]))
 * // { t: 'v', name: /a\.b/i }
 */
export const toMongoFilter: (node: FilterNode) => MongoFilter = foldFilter<MongoFilter>({
  eq: (n) => field(n.path.dotted, n.value),
  in: (n) => field(n.path.dotted, { $in: [...n.values] }),
  exists: (n) => field(n.path.dotted, { $exists: n.exists }),
  range: (n) => {
    // No bound at all still means "a Date" in memory (only Dates compare): say so explicitly.
    if (n.gte === undefined && n.lte === undefined) return field(n.path.dotted, { $type: 'date' });
    return field(n.path.dotted, {
      ...(n.gte === undefined ? {} : { $gte: dateCopy(n.gte) }),
      ...(n.lte === undefined ? {} : { $lte: dateCopy(n.lte) }),
    });
  },
  substring: (n) => field(n.path.dotted, new RegExp(escapeNeedle(n.needle), 'i')),
  // The permission scope is strict (a string equal to the agent id, not an array holding it, not
  // reached through an array of servedBy objects): MongoDB equality alone would traverse arrays,
  // so two guards exclude those shapes. Equality first, so the index on servedBy._id still serves it.
  'served-by': (n) => ({
    'servedBy._id': n.agentId,
    'servedBy._id.0': { $exists: false },
    'servedBy.0': { $exists: false },
  }),
  true: (n) => field(n.path.dotted, true),
  // RE2 reads a pattern as MongoDB's PCRE does in everything RE2 accepts (docs/livechat.md).
  regex: (n) => field(n.path.dotted, { $regex: driverSafeSource(n.source), $options: 'i' }),
  none: (n) => field(n.path.dotted, { $in: [] }),
  not: (n, go) => (n.child.kind === 'true' ? field(n.child.path.dotted, { $ne: true }) : { $nor: [go(n.child)] }),
  and: (n, go) => andOf(n.children.map(go)),
  or: (n, go) => ({ $or: n.children.map(go) }),
});
