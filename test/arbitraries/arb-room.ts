// Room arbitraries: valid call rooms (spec §1) and odd documents (missing fields, wrong types,
// other room types), all from the shared pools so filters match and sort keys tie.

import fc from 'fast-check';
import type { Room } from '../../src/model/room.js';
import { AGENT_IDS, INSTANTS, NAMES, QUEUES, ROOM_IDS, TAGS, USERNAMES, VISITOR_IDS } from './pools.js';

const plain = { noNullPrototype: true } as const;

/** A fresh Date from the shared instants (fresh so no two rooms share a mutable object). */
export const arbInstant: fc.Arbitrary<Date> = fc.constantFrom(...INSTANTS).map((iso) => new Date(iso));

const arbVisitor = fc.record(
  {
    _id: fc.constantFrom(...VISITOR_IDS),
    username: fc.constantFrom('guest-1', 'guest-2'),
    token: fc.constantFrom('tok-1', 'tok-2'),
    status: fc.constantFrom('online', 'offline'),
    name: fc.constantFrom('Visitor One', 'visitor two'),
    phone: fc.constantFrom('+15550001', '+15550002'),
    lastMessageTs: arbInstant,
  },
  { requiredKeys: ['_id', 'username', 'token', 'status'], ...plain },
);

export const arbServedBy = fc.record(
  { _id: fc.constantFrom(...AGENT_IDS), username: fc.constantFrom(...USERNAMES), ts: arbInstant },
  plain,
);

const arbRequired = fc.record(
  {
    _id: fc.constantFrom(...ROOM_IDS),
    t: fc.constant('v'),
    name: fc.constantFrom(...NAMES),
    ts: arbInstant,
    v: arbVisitor,
    direction: fc.constantFrom('inbound', 'outbound'),
    queue: fc.constantFrom(...QUEUES),
    callStarted: arbInstant,
  },
  plain,
);

const arbOptional = fc.record(
  {
    open: fc.constant(true),
    closedAt: arbInstant,
    closer: fc.constantFrom('user', 'visitor'),
    closedBy: fc.record({ _id: fc.constantFrom(...AGENT_IDS), username: fc.constantFrom(...USERNAMES) }, plain),
    servedBy: arbServedBy,
    tags: fc.subarray([...TAGS]),
    callUniqueId: fc.constantFrom('uid-1', 'uid-2'),
    callDuration: fc.constantFrom(0, 1000, 65000),
    callWaitingTime: fc.constantFrom(0, 500),
    callTotalHoldTime: fc.constantFrom(0, 200),
    departmentId: fc.constantFrom('dep-1', 'dep-2'),
    fname: fc.constantFrom('Call 1', 'Other'),
    lastMessage: fc.record({ msg: fc.constantFrom('hi', 'bye'), ts: arbInstant }, plain),
    customFields: fc.record({ crm: fc.constantFrom('x', 'y') }, plain),
    _updatedAt: arbInstant,
    usersCount: fc.constantFrom(1, 2),
    msgs: fc.constantFrom(0, 3),
    // Never returned, but present in stored documents: the engine must drop them.
    joinCode: fc.constant('secret'),
    members: fc.constant(['agent-1']),
    importIds: fc.constant(['imp-1']),
    e2e: fc.constant({ key: 'k' }),
  },
  { requiredKeys: [], ...plain },
);

/** A valid call room as the spec describes it. */
export const arbRoom: fc.Arbitrary<Room> = fc.tuple(arbRequired, arbOptional).map(([required, optional]) => ({ ...required, ...optional }));

const arbOddScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 1.5, 100, NaN, Infinity, -Infinity),
  fc.constantFrom<string>('', 'v', 'q1', 'vip', 'agent-1', 'alice', 'vis-1', 'Call 1', ...INSTANTS),
  fc.constantFrom(null, true, false),
  arbInstant,
  fc.constant(null).map(() => new Date(NaN)),
);

const arbOddObject: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(fc.constantFrom('a', 'b', '_id', 'username'), arbOddScalar, {
  maxKeys: 3,
  ...plain,
});

/** Odd values for paths under servedBy / v: no arrays of objects there, and never arrays of arrays. */
const arbOddUnderPerson: fc.Arbitrary<unknown> = fc.oneof(arbOddScalar, fc.array(arbOddScalar, { maxLength: 3 }), arbOddObject);

const arbOddAnywhere: fc.Arbitrary<unknown> = fc.oneof(
  arbOddScalar,
  fc.array(fc.oneof(arbOddScalar, arbOddObject), { maxLength: 3 }),
  arbOddObject,
);

const ODD_PATHS = [
  'name',
  'ts',
  'closedAt',
  'queue',
  'direction',
  'tags',
  'callDuration',
  'open',
  't',
  'servedBy',
  'v',
  'servedBy._id',
  'servedBy.username',
  'v._id',
] as const;

type OddEdit = { path: (typeof ODD_PATHS)[number]; remove: boolean; value: unknown };

const arbOddEdit: fc.Arbitrary<OddEdit> = fc.constantFrom(...ODD_PATHS).chain((path) => {
  const underPerson = path.startsWith('servedBy') || path.startsWith('v');
  let value: fc.Arbitrary<unknown> = underPerson ? arbOddUnderPerson : arbOddAnywhere;
  if (path === 't') value = fc.oneof(fc.constantFrom('l', 'c', 'd', 'V', ['v']), arbOddScalar);
  if (path === 'open') value = fc.oneof(fc.constantFrom(false, null, 'true', 0), arbOddScalar);
  if (path === 'servedBy._id' || path === 'servedBy.username') {
    value = fc.oneof(fc.constant(['agent-1', 'agent-2']), fc.constant(['alice']), arbOddUnderPerson);
  }
  return fc.record({ path: fc.constant(path), remove: fc.boolean(), value }, plain);
});

function applyEdit(room: Record<string, unknown>, edit: OddEdit): void {
  const dot = edit.path.indexOf('.');
  if (dot < 0) {
    if (edit.remove) delete room[edit.path];
    else room[edit.path] = edit.value;
    return;
  }
  const head = edit.path.slice(0, dot);
  const tail = edit.path.slice(dot + 1);
  const parent = room[head];
  // Only edit inside a person object that is still a plain object (an earlier edit may have replaced it).
  if (parent === null || typeof parent !== 'object' || Array.isArray(parent) || parent instanceof Date) return;
  const copy: Record<string, unknown> = { ...(parent as Record<string, unknown>) };
  if (edit.remove) delete copy[tail];
  else copy[tail] = edit.value;
  room[head] = copy;
}

/** A document that is not quite a call room: missing fields, wrong types, other `t`, `open: false`... */
export const arbOddRoom: fc.Arbitrary<Room> = fc
  .tuple(arbRoom, fc.array(arbOddEdit, { minLength: 1, maxLength: 4 }))
  .map(([room, edits]) => {
    const out: Record<string, unknown> = { ...room };
    for (let i = 0; i < edits.length; i++) applyEdit(out, edits[i]!);
    return out;
  });

/** A collection: mostly valid rooms, some odd ones, unique `_id` strings. */
export const arbRooms = (maxLength = 12): fc.Arbitrary<Room[]> =>
  fc.uniqueArray(fc.oneof({ arbitrary: arbRoom, weight: 3 }, { arbitrary: arbOddRoom, weight: 1 }), {
    maxLength,
    selector: (room) => room['_id'],
  });
