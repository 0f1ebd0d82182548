// The fast path (store/fast-patch.ts) answers exactly as the general path: the same random histories of
// mostly single-field patches (valid and invalid, shallow and one level down, no-ops, required fields,
// unknown fields, prototype keys, Dates as strings) go through a store with the fast path and one with
// `fastPath: false`; results (versions, `changed`, error values), events, every version's rooms (key order
// and Dates included) and snapshots must agree, and old versions must stay deep-frozen and unchanged.
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoomStore, type RoomStore, type StoreChange, type StoreVersion } from '../../src/store/index.js';
import { AGENT_IDS, INSTANTS, QUEUES, TAGS, USERNAMES } from '../arbitraries/pools.js';
import { oracleConfig } from '../support/oracle-config.js';
import { arbPatch, arbStoreRooms } from './arb-patch.js';
import { expectDeepFrozen } from '../support/expect-deep-frozen.js';

const plain = { noNullPrototype: true } as const;

/** Values of every kind a field may receive (right and wrong types, Dates as strings / EJSON / Date). */
const arbValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...INSTANTS, ...QUEUES, ...TAGS, true, false, null, 0, -0, 1.5, 'not a date', 'v', 'inbound', 'outbound', 'x'),
  fc.constantFrom(...INSTANTS).map((iso) => ({ $date: iso })),
  fc.constantFrom(...INSTANTS).map((iso) => new Date(iso)),
  fc.record({ _id: fc.constantFrom(...AGENT_IDS), username: fc.constantFrom(...USERNAMES) }, plain),
  fc.record({ _id: fc.constantFrom(...AGENT_IDS), username: fc.constantFrom(...USERNAMES), ts: fc.constantFrom(...INSTANTS) }, plain),
  fc.record(
    { _id: fc.constant('vis-1'), username: fc.constant('u'), token: fc.constant('t'), status: fc.constant('online') },
    { ...plain, requiredKeys: ['_id', 'username'] },
  ),
  fc.subarray([...TAGS]),
  fc.constantFrom<unknown>(Number.NaN, { a: { b: [1, 'x'] } }, [1, 2]),
);

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
  'lm',
  'fname',
  'custom',
  'toString',
  '__proto__',
  'constructor',
  '',
] as const;
const SUBS = ['_id', 'username', 'ts', 'name', 'lastMessageTs', 'token', 'status', 'x', '0', '-', '__proto__', 'prototype'] as const;

/** Mostly one add / replace / remove of a field (or a field's key) of an existing room; sometimes a few. */
const arbFieldOp = (ids: ReadonlyArray<string>): fc.Arbitrary<unknown> =>
  fc
    .record({
      op: fc.constantFrom('add', 'replace', 'remove', 'replace', 'add'),
      id:
        ids.length === 0
          ? fc.constant('r01')
          : fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 9 }, { arbitrary: fc.constant('nope'), weight: 1 }),
      field: fc.constantFrom(...FIELDS),
      sub: fc.option(fc.constantFrom(...SUBS), { freq: 3 }),
      value: arbValue,
    })
    .map(({ op, id, field, sub, value }) => {
      const path = sub === null ? `/${id}/${field}` : `/${id}/${field}/${sub}`;
      return op === 'remove' ? { op, path } : { op, path, value };
    });

/** Ops that fit their field (mostly valid): what the fast path is for. */
const arbFittingOp = (ids: ReadonlyArray<string>): fc.Arbitrary<unknown> =>
  fc
    .tuple(
      ids.length === 0 ? fc.constant('r01') : fc.constantFrom(...ids),
      fc.constantFrom('add', 'replace'),
      fc.oneof(
        fc.tuple(
          fc.constantFrom(
            'queue',
            'name',
            'closer',
            'fname',
            'departmentId',
            'v/name',
            'v/status',
            'servedBy/username',
            'custom',
            'custom/x',
          ),
          fc.constantFrom<unknown>(...QUEUES),
        ),
        fc.tuple(
          fc.constantFrom('ts', 'closedAt', 'callStarted', 'lm', '_updatedAt', 'servedBy/ts', 'v/lastMessageTs', 'callEndedAt'),
          fc.constantFrom<unknown>(...INSTANTS),
        ),
        fc.tuple(fc.constantFrom('callDuration', 'callWaitingTime', 'custom'), fc.constantFrom<unknown>(0, -0, 12, 3.5)),
        fc.tuple(fc.constantFrom('open'), fc.constant<unknown>(true)),
        fc.tuple(fc.constantFrom('tags'), fc.subarray([...TAGS]) as fc.Arbitrary<unknown>),
        fc.tuple(
          fc.constantFrom('servedBy', 'closedBy'),
          fc.record({ _id: fc.constantFrom(...AGENT_IDS), username: fc.constantFrom(...USERNAMES) }, plain) as fc.Arbitrary<unknown>,
        ),
        fc.tuple(
          fc.constantFrom('open', 'closedAt', 'servedBy', 'tags', 'servedBy/ts', 'v/name', 'custom', 'lm', 'callDuration'),
          fc.constant<unknown>(undefined),
        ),
      ),
    )
    .map(([id, op, [field, value]]) =>
      value === undefined ? { op: 'remove', path: `/${id}/${field}` } : { op, path: `/${id}/${field}`, value },
    );

/** The stored value of a field, put back (a no-op for immer: no version). */
const arbSameValue = (rooms: ReadonlyArray<Record<string, unknown>>): fc.Arbitrary<unknown> =>
  fc
    .constantFrom(...(rooms.length === 0 ? [{ _id: 'r01', queue: 'q1' }] : rooms))
    .chain((room) =>
      fc
        .constantFrom(...Object.keys(room))
        .map((field) => ({ op: 'replace', path: `/${room['_id'] as string}/${field}`, value: room[field] })),
    );

// (Rooms with an own "__proto__" key are refused by validateRoom, so they never reach either path.)
const arbFastHistory = arbStoreRooms(8).chain((rooms) => {
  const ids = rooms.map((r) => r['_id'] as string);
  const patch = fc.oneof(
    { arbitrary: fc.array(arbFittingOp(ids), { minLength: 1, maxLength: 1 }), weight: 8 },
    { arbitrary: fc.array(fc.oneof(arbFittingOp(ids), arbFieldOp(ids)), { minLength: 2, maxLength: 4 }), weight: 4 },
    { arbitrary: fc.array(arbFieldOp(ids), { minLength: 1, maxLength: 1 }), weight: 4 },
    { arbitrary: arbSameValue(rooms).map((op) => [op]), weight: 1 },
    { arbitrary: arbPatch(ids), weight: 2 },
  );
  return fc.array(patch, { maxLength: 15 }).map((patches) => ({ rooms, patches }));
});

const storeOf = (rooms: unknown, fastPath: boolean): RoomStore => {
  const s = createRoomStore(rooms, { fastPath });
  if (E.isLeft(s)) throw new Error(JSON.stringify(s.left));
  return s.right;
};

/** Rooms with their key order and value kinds (Date vs string) spelled out. */
const shape = (x: unknown): unknown => {
  if (x instanceof Date) return { date: x.toISOString() };
  if (Array.isArray(x)) return x.map(shape);
  if (typeof x === 'object' && x !== null) {
    return {
      proto: Object.getPrototypeOf(x) === Object.prototype,
      entries: Object.keys(x).map((k) => [k, shape((x as Record<string, unknown>)[k])]),
    };
  }
  return Object.is(x, -0) ? '-0' : x;
};

describe('fast path', () => {
  it('gives the general path’s results, errors, events, versions and snapshots', () =>
    fc.assert(
      fc.property(arbFastHistory, ({ rooms, patches }) => {
        const fast = storeOf(rooms, true);
        const slow = storeOf(rooms, false);
        const heard: { fast: StoreChange[]; slow: StoreChange[] } = { fast: [], slow: [] };
        fast.subscribe((c) => heard.fast.push(c));
        slow.subscribe((c) => heard.slow.push(c));
        const taken: Array<{ version: StoreVersion; copy: unknown }> = [];
        for (const patch of patches) {
          const a = fast.apply(structuredClone(patch));
          const b = slow.apply(structuredClone(patch));
          expect(a).toEqual(b);
          expect(fast.version).toBe(slow.version);
          expect(shape(fast.current().rooms())).toEqual(shape(slow.current().rooms()));
          expect(shape(fast.snapshot().docs)).toEqual(shape(slow.snapshot().docs));
          taken.push({ version: fast.current(), copy: shape(fast.current().rooms()) });
        }
        expect(shape(heard.fast)).toEqual(shape(heard.slow));
        for (const { version, copy } of taken) {
          expect(shape(version.rooms())).toEqual(copy);
          expectDeepFrozen(version.rooms());
        }
      }),
      oracleConfig(300),
    ));

  it('takes the common single-field patch (the caller’s value is copied, the old room untouched)', () => {
    const store = storeOf(
      [
        {
          _id: 'r1',
          t: 'v',
          name: 'n',
          ts: INSTANTS[0],
          v: { _id: 'vis-1', username: 'u', token: 't', status: 's' },
          direction: 'inbound',
          queue: 'q1',
          callStarted: INSTANTS[0],
          open: true,
        },
      ],
      true,
    );
    const before = store.get('r1');
    const servedBy = { _id: 'agent-1', username: 'alice', ts: INSTANTS[1] };
    expect(
      store.apply([
        { op: 'add', path: '/r1/servedBy', value: servedBy },
        { op: 'remove', path: '/r1/open' },
        { op: 'add', path: '/r1/v/name', value: 'Vi' },
      ]),
    ).toEqual(E.right({ version: 1, changed: ['r1'] }));
    servedBy.username = 'mallory';
    const after = store.get('r1') as Record<string, unknown>;
    expect(after['servedBy']).toEqual({ _id: 'agent-1', username: 'alice', ts: new Date(INSTANTS[1]) });
    expect(Object.keys(after)).toEqual(['_id', 't', 'name', 'ts', 'v', 'direction', 'queue', 'callStarted', 'servedBy']);
    expect((after['v'] as Record<string, unknown>)['name']).toBe('Vi');
    expect(before).toMatchObject({ open: true });
    expect((before as Record<string, unknown>)['servedBy']).toBeUndefined();
    expectDeepFrozen(after);
    expect(store.apply([{ op: 'replace', path: '/r1/queue', value: 'q1' }])).toEqual(E.right({ version: 1, changed: [] }));
    expect(store.apply([{ op: 'remove', path: '/r1/queue' }])).toMatchObject(E.left({ code: 'invalid-room', index: 0, path: '/r1/queue' }));
  });
});
