// Patch arbitraries for the store and live tests: realistic call-center changes (answer, hold, close,
// tag, new call, delete) over the shared pools, interleaved with invalid operations of every kind.
import fc from 'fast-check';
import { arbRoom } from '../arbitraries/index.js';
import { AGENT_IDS, INSTANTS, QUEUES, ROOM_IDS, TAGS, USERNAMES } from '../arbitraries/pools.js';

const plain = { noNullPrototype: true } as const;
const esc = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
/** Mostly rooms that exist, sometimes any pool id (new rooms, unknown rooms). */
const arbIdFrom = (ids: ReadonlyArray<string>): fc.Arbitrary<string> =>
  ids.length === 0
    ? fc.constantFrom(...ROOM_IDS)
    : fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 4 }, { arbitrary: fc.constantFrom(...ROOM_IDS), weight: 1 });
const at = (id: string, ...rest: string[]): string => ['', esc(id), ...rest].join('/');

/** An op that is valid when its room exists (and the RFC preconditions hold). */
const arbValidOp = (ids: ReadonlyArray<string>): fc.Arbitrary<unknown> =>
  arbIdFrom(ids).chain((id) =>
    fc.oneof(
      fc.constant({ op: 'remove', path: at(id, 'open') }),
      fc.constant({ op: 'add', path: at(id, 'open'), value: true }),
      fc.constantFrom(...INSTANTS).map((iso) => ({ op: 'replace', path: at(id, 'ts'), value: iso })),
      fc.constantFrom(...INSTANTS).map((iso) => ({ op: 'add', path: at(id, 'closedAt'), value: iso })),
      fc
        .record({ _id: fc.constantFrom(...AGENT_IDS), username: fc.constantFrom(...USERNAMES) }, plain)
        .map((servedBy) => ({ op: 'add', path: at(id, 'servedBy'), value: servedBy })),
      fc.constant({ op: 'remove', path: at(id, 'servedBy') }),
      fc.constantFrom(...QUEUES).map((q) => ({ op: 'replace', path: at(id, 'queue'), value: q })),
      fc.subarray([...TAGS]).map((tags) => ({ op: 'add', path: at(id, 'tags'), value: tags })),
      fc.constantFrom(...TAGS).map((tag) => ({ op: 'add', path: at(id, 'tags', '-'), value: tag })),
      fc.constant({ op: 'remove', path: at(id, 'tags', '0') }),
      arbRoom.map((room) => ({ op: 'add', path: at(id), value: JSON.parse(JSON.stringify({ ...room, _id: id })) })),
      fc.constant({ op: 'remove', path: at(id) }),
      fc.constantFrom('Call 1', 'call 2', 'x/y').map((name) => ({ op: 'replace', path: at(id, 'name'), value: name })),
      fc.constantFrom(...QUEUES).map((q) => ({ op: 'test', path: at(id, 'queue'), value: q })),
      fc.constant({ op: 'move', from: at(id, 'closedAt'), path: at(id, '_updatedAt') }),
      fc.constant({ op: 'copy', from: at(id, 'ts'), path: at(id, 'closedAt') }),
    ),
  );

/** An op that is always refused. */
const arbInvalidOp = (ids: ReadonlyArray<string>): fc.Arbitrary<unknown> =>
  arbIdFrom(ids).chain((id) =>
    fc.constantFrom<unknown>(
      { op: 'replace', path: at(id, 't'), value: 'x' },
      { op: 'add', path: at(id, 'open'), value: false },
      { op: 'add', path: at(id, 'ts'), value: 'not a date' },
      { op: 'remove', path: at('no-such-room', 'open') },
      { op: 'bogus', path: at(id) },
      { op: 'add', path: 'no-slash', value: 1 },
      { op: 'replace', path: '', value: {} },
      { op: 'add', path: at('fresh'), value: { _id: 'other' } },
      { op: 'add', path: at(id, 'missing', 'deep'), value: 1 },
      { op: 'test', path: at(id, 't'), value: 'l' },
      { op: 'add', path: at(id, 'x') },
      { op: 'add', path: at(id, 'x'), value: Number.NaN },
      'not an op',
    ),
  );

/** 1–3 operations on mostly existing rooms; one in four patches carries an invalid operation somewhere. */
export const arbPatch = (ids: ReadonlyArray<string> = []): fc.Arbitrary<unknown[]> =>
  fc.oneof(
    { arbitrary: fc.array(arbValidOp(ids), { minLength: 1, maxLength: 3 }), weight: 3 },
    {
      arbitrary: fc.tuple(fc.array(arbValidOp(ids), { maxLength: 2 }), arbInvalidOp(ids), fc.nat()).map(([ops, bad, k]) => {
        const out = [...ops];
        out.splice(k % (ops.length + 1), 0, bad);
        return out;
      }),
      weight: 1,
    },
  );

/** Valid call rooms with unique ids, as JSON (dates as ISO strings, the way patches carry them). */
export const arbStoreRooms = (maxLength = 15): fc.Arbitrary<Array<Record<string, unknown>>> =>
  fc
    .uniqueArray(arbRoom, { maxLength, selector: (r) => r['_id'] })
    .map((rooms) => JSON.parse(JSON.stringify(rooms)) as Array<Record<string, unknown>>);

/** Initial rooms and a sequence of patches aimed at them. */
export const arbHistory = (maxRooms = 15, maxPatches = 12): fc.Arbitrary<{ rooms: Array<Record<string, unknown>>; patches: unknown[][] }> =>
  arbStoreRooms(maxRooms).chain((rooms) =>
    fc.array(arbPatch(rooms.map((r) => r['_id'] as string)), { maxLength: maxPatches }).map((patches) => ({ rooms, patches })),
  );
