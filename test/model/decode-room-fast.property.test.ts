// The store's one-pass decode (model/decode-room-fast.ts) may only take rooms the codec takes, and must
// give what `frozenCopy(validateRoom(x).right)` gives: same values, same key order (the bytes sent over
// HTTP follow it), Dates fresh and frozen, everything deep-frozen, the input never kept nor frozen.
// Inputs: valid rooms as objects, as JSON (string dates), with EJSON dates, with one field knocked out
// of shape (missing, undefined, wrong type, invalid date, sparse or mixed arrays, `__proto__` keys,
// null prototypes, symbols, class instances in unknown fields).
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frozenCopy } from '../../src/value/freeze-copy.js';
import { decodeRoomFast, isCertainlyValidRoom } from '../../src/model/decode-room-fast.js';
import { validateRoom } from '../../src/model/validate-room.js';
import { arbOddRoom, arbRoom } from '../arbitraries/index.js';
import { oracleConfig } from '../support/oracle-config.js';

const FIELDS = [
  '_id',
  't',
  'name',
  'ts',
  'v',
  'direction',
  'queue',
  'callStarted',
  'open',
  'closedAt',
  'closer',
  'closedBy',
  'servedBy',
  'tags',
  'callDuration',
  'fname',
  'lm',
  'extra',
  'v.name',
  'v.lastMessageTs',
  'v.token',
  'servedBy.ts',
  'servedBy._id',
  'closedBy.username',
] as const;
const ODD_VALUES: ReadonlyArray<() => unknown> = [
  () => undefined,
  () => null,
  () => 5,
  () => Number.NaN,
  () => 'x',
  () => 'inbound',
  () => true,
  () => 'v',
  () => '2022-01-01T00:00:00.000Z',
  () => ({ $date: 1_600_000_000_000 }),
  () => ({ $date: { $numberLong: '1600000000000' } }),
  () => ({ $date: 'nope' }),
  () => new Date(Number.NaN),
  () => new Date(5),
  () => ['a', 'b'],
  () => ['a', 3],
  () => [, 'a'],
  () => [],
  () => ({ _id: 'a', username: 'b' }),
  () => ({ _id: 'a', username: 'b', ts: '2022-01-01T00:00:00.000Z', more: [1, { x: new Date(7) }] }),
  () => JSON.parse('{"__proto__": {"x": 1}}'),
  () => Object.create(null),
  () => new Map(),
  () => ({ [Symbol('s')]: 1 }),
];

const setPath = (room: Record<string, unknown>, path: string, value: unknown, remove: boolean): Record<string, unknown> => {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const out = { ...room };
  if (tail === undefined) {
    if (remove) delete out[head];
    else out[head] = value;
    return out;
  }
  const inner = out[head];
  if (typeof inner !== 'object' || inner === null) return out;
  out[head] = setPath(inner as Record<string, unknown>, tail, value, remove);
  return out;
};

const arbInput: fc.Arbitrary<unknown> = fc.oneof(
  arbRoom,
  arbOddRoom,
  arbRoom.map((room) => JSON.parse(JSON.stringify(room))),
  arbRoom.map((room) => ({ ...room, ts: { $date: (room['ts'] as Date).getTime() } })),
  fc
    .tuple(arbRoom, fc.constantFrom(...FIELDS), fc.nat({ max: ODD_VALUES.length - 1 }), fc.boolean())
    .map(([room, path, k, remove]) => setPath(room, path, (ODD_VALUES[k] as () => unknown)(), remove)),
  arbRoom.map((room) => Object.assign(Object.create(null), room)),
  arbRoom.map((room) => ({ ...room, [Symbol('s')]: 1 })),
);

/** Values and key order, recursively (toEqual ignores key order). */
const shape = (x: unknown): unknown => {
  if (x instanceof Date) return ['Date', x.getTime(), Object.isFrozen(x)];
  if (Array.isArray(x)) return ['Array', Object.isFrozen(x), x.length, ...x.map(shape)];
  if (typeof x === 'object' && x !== null) {
    if (Object.getPrototypeOf(x) !== Object.prototype && Object.getPrototypeOf(x) !== null) return ['instance', x];
    return ['Object', Object.isFrozen(x), Object.keys(x).map((k) => [k, shape((x as Record<string, unknown>)[k])])];
  }
  return Number.isNaN(x) ? 'NaN' : x;
};

describe('decodeRoomFast', () => {
  it('takes only valid rooms, and gives exactly frozenCopy(validateRoom(x))', () => {
    let fast = 0;
    let slow = 0;
    fc.assert(
      fc.property(arbInput, (input) => {
        const before = JSON.stringify(input);
        const got = decodeRoomFast(input);
        const decoded = validateRoom(input);
        if (got === undefined) {
          slow++;
          return;
        }
        fast++;
        expect(E.isRight(decoded)).toBe(true);
        if (E.isLeft(decoded)) return;
        expect(shape(got)).toEqual(shape(frozenCopy(decoded.right)));
        expect(got).not.toBe(input);
        expect(JSON.stringify(input)).toBe(before);
        if (typeof input === 'object' && input !== null) expect(Object.isFrozen(input)).toBe(false);
      }),
      oracleConfig(3000),
    );
    expect(fast).toBeGreaterThan(500);
    expect(slow).toBeGreaterThan(300);
  });

  it('isCertainlyValidRoom: true only for rooms the codec takes, never touching the input, and as often as the decode', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const before = JSON.stringify(input);
        const checked = isCertainlyValidRoom(input);
        expect(checked).toBe(decodeRoomFast(input) !== undefined);
        if (checked) expect(E.isRight(validateRoom(input))).toBe(true);
        expect(JSON.stringify(input)).toBe(before);
        if (typeof input === 'object' && input !== null) expect(Object.isFrozen(input)).toBe(false);
      }),
      oracleConfig(3000),
    );
  });
});
