// The pieces of the generated scan's source that read a room: its fields by plain property access, the
// constants passed by position, and the own-property checks that make a plain read the safe one
// (scan-source.ts assembles the loop from them).
import type { FieldPath } from '../query/field-path.js';

export interface Emitter {
  readonly constants: unknown[];
  /** Functions of the factory the loop calls (an `in` over an array's elements). */
  readonly helpers: string[];
  /** Variables of the loop besides the fresh ones. */
  readonly locals: string[];
  /** `pd` holds the room's plainness (the root AND's plain tests passed and set it). */
  plainKnown: boolean;
  /** Some check finds `pd` on first use: the loop resets it per room. */
  lazy: boolean;
  /** The constants (path steps) Object.prototype must not hold for the prototype shortcut of `owns`. */
  readonly clean: string[];
  readonly fresh: () => string;
}

/** The room is a plain object (prototype Object.prototype, not an array) and the prototype holds none of the steps read. */
export const PLAIN_D = 'Object.getPrototypeOf(d) === PO && !Array.isArray(d)';

export const constant = (e: Emitter, value: unknown): string => {
  e.constants.push(value);
  return `k${e.constants.length - 1}`;
};

const TRAVERSABLE = (x: string): string => `(typeof ${x} === 'object' && ${x} !== null && !Array.isArray(${x}) && !(${x} instanceof Date))`;

// The room fields the endpoints read, written as named property reads (V8 caches those better than
// a keyed read with a constant key). The names come from this table, never from a request: any other
// step is read through a constant.
const FIELD_NAMES = new Set([
  '_id',
  't',
  'ts',
  'v',
  'servedBy',
  'username',
  'queue',
  'tags',
  'direction',
  'open',
  'closedAt',
  'name',
  'fname',
  'departmentId',
  'departmentAncestors',
  'onHold',
  'lm',
  'callStarted',
  'callDuration',
  'status',
  'token',
  'livechatData',
]);

const access = (e: Emitter, step: string): string => {
  for (const name of FIELD_NAMES) if (name === step) return `.${name}`;
  return `[${constant(e, step)}]`;
};

/** An expression reading `path` of `d` by plain property access (null/undefined-safe). */
export const rawRead = (e: Emitter, path: FieldPath): string =>
  `d${path.steps.map((step) => `?.${access(e, step).replace(/^\./, '')}`).join('')}`;

/**
 * An expression: every step of `path` is an own property of a plain object (so the plain read is the
 * safe one). The usual room (prototype Object.prototype, which holds none of the steps: `clean`, checked
 * once per scan) needs no lookup; any other object is checked with Object.hasOwn.
 */
export const owns = (e: Emitter, path: FieldPath): string => {
  const parts: string[] = [];
  let at = 'd';
  path.steps.forEach((step, i) => {
    const key = constant(e, step);
    e.clean.push(key);
    // The room itself: its plainness is found once per room (`pd`: 0 not yet, 1 plain, 2 not), since
    // Object.getPrototypeOf is a call V8 cannot inline on rooms of many shapes; after the root AND's
    // plain tests it is known (`plainKnown`), before them (a nested condition) found on first use.
    let plain: string;
    if (at !== 'd') plain = `(Object.getPrototypeOf(${at}) === PO && !Array.isArray(${at}))`;
    else if (e.plainKnown) plain = '(pd === 1)';
    else {
      e.lazy = true;
      plain = `(pd === 1 || (pd === 0 && (pd = ${PLAIN_D} ? 1 : 2) === 1))`;
    }
    parts.push(`(${plain} || (${TRAVERSABLE(at)} && Object.hasOwn(${at}, ${key})))`);
    if (i < path.steps.length - 1) {
      const next = e.fresh();
      parts.push(`((${next} = ${at}${access(e, step)}), true)`);
      at = next;
    }
  });
  return `(${parts.join(' && ')})`;
};
