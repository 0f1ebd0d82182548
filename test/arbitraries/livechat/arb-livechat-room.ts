// Livechat room arbitraries: valid IOmnichannelRoom documents in every state (open served, queued, on hold,
// closed) and odd documents (missing fields, wrong types, `open: false`, non-'l' rooms, odd livechatData).

import fc from 'fast-check';
import type { Room } from '../../../src/model/room.js';
import {
  LC_AGENT_IDS,
  LC_DATA_KEYS,
  LC_DATA_STRINGS,
  LC_DEPARTMENT_IDS,
  LC_FNAMES,
  LC_INSTANTS,
  LC_ROOM_IDS,
  LC_TAGS,
  LC_UNIT_IDS,
  LC_USERNAMES,
} from './livechat-pools.js';

const plain = { noNullPrototype: true } as const;
const arbInstant: fc.Arbitrary<Date> = fc.constantFrom(...LC_INSTANTS).map((iso) => new Date(iso));

export const arbLivechatServedBy = fc.record(
  { _id: fc.constantFrom<string>(...LC_AGENT_IDS), username: fc.constantFrom<string>(...LC_USERNAMES), ts: arbInstant },
  plain,
);

const arbVisitor = fc.record(
  {
    _id: fc.constantFrom('vis-1', 'vis-2'),
    username: fc.constantFrom('guest-1', 'guest-2'),
    token: fc.constantFrom('tok-1', 'tok-2'),
    status: fc.constantFrom('online', 'offline'),
    name: fc.constantFrom('Visitor', 'visitor'),
    phone: fc.constantFrom('+1555'),
  },
  { requiredKeys: ['_id', 'username', 'token', 'status'], ...plain },
);

/** livechatData: strings mostly, sometimes arrays, numbers, booleans, or a nested object (for dotted keys). */
const arbDataValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom<string>(...LC_DATA_STRINGS), weight: 6 },
  {
    arbitrary: fc.array(fc.oneof(fc.constantFrom<unknown>(...LC_DATA_STRINGS), fc.constantFrom<unknown>(1, null, true)), { maxLength: 3 }),
    weight: 2,
  },
  { arbitrary: fc.constantFrom<unknown>(42, 0, true, null), weight: 1 },
  {
    arbitrary: fc.dictionary(fc.constantFrom('a', 'b'), fc.constantFrom<unknown>(...LC_DATA_STRINGS, 7), { maxKeys: 2, ...plain }),
    weight: 1,
  },
);
export const arbLivechatData: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(fc.constantFrom(...LC_DATA_KEYS), arbDataValue, {
  maxKeys: 3,
  ...plain,
});

const arbRequired = fc.record(
  {
    _id: fc.constantFrom<string>(...LC_ROOM_IDS),
    t: fc.constant('l'),
    ts: arbInstant,
    v: arbVisitor,
    source: fc.record({ type: fc.constantFrom('widget', 'email', 'sms', 'app', 'api', 'other') }, plain),
    msgs: fc.constantFrom(0, 3),
    usersCount: fc.constantFrom(1, 2),
    u: fc.constant({ _id: 'u', username: 'u' }),
  },
  plain,
);

const arbOptional = fc.record(
  {
    fname: fc.constantFrom<string>(...LC_FNAMES),
    tags: fc.subarray([...LC_TAGS]),
    livechatData: arbLivechatData,
    departmentId: fc.constantFrom<string>(...LC_DEPARTMENT_IDS, 'dep-unknown'),
    departmentAncestors: fc.subarray([...LC_UNIT_IDS, 'dep-a']),
    priorityWeight: fc.constantFrom(0, 1, 5),
    lastMessage: fc.record({ msg: fc.constantFrom('hi', 'bye'), ts: arbInstant }, plain),
    queuedAt: arbInstant,
    waitingResponse: fc.boolean(),
    contactId: fc.constantFrom('c1', 'c2'),
  },
  { requiredKeys: [], ...plain },
);

type State = 'served' | 'queued' | 'onHold' | 'closed';
const arbState = fc.constantFrom<State>('served', 'queued', 'onHold', 'closed');

/** The state fields: open while open (closing unsets it), servedBy absent while queued, onHold sometimes false. */
function stateFields(state: State, servedBy: Record<string, unknown>, closedAt: Date, explicitNotOnHold: boolean): Record<string, unknown> {
  const onHold = explicitNotOnHold ? { onHold: false } : {};
  if (state === 'served') return { open: true, servedBy, ...onHold };
  if (state === 'queued') return { open: true, ...onHold };
  if (state === 'onHold') return { open: true, servedBy, onHold: true };
  return { servedBy, closedAt, closer: 'user', closedBy: { _id: servedBy['_id'], username: servedBy['username'] }, ...onHold };
}

/** A valid livechat room (spec §1) in one of the four states. */
export const arbLivechatRoom: fc.Arbitrary<Room> = fc
  .tuple(arbRequired, arbOptional, arbState, arbLivechatServedBy, arbInstant, fc.boolean())
  .map(([required, optional, state, servedBy, closedAt, notOnHold]) => ({
    ...required,
    ...optional,
    ...stateFields(state, servedBy, closedAt, notOnHold),
  }));

const arbOddScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    0,
    1,
    -1,
    1.5,
    NaN,
    Infinity,
    null,
    true,
    false,
    '',
    'l',
    'true',
    'agent-1',
    'alice',
    'dep-a',
    'unit-1',
    'ACME-42',
  ),
  fc.constantFrom(...LC_INSTANTS),
  arbInstant,
  fc.constant(null).map(() => new Date(NaN)),
);
const arbOddValue: fc.Arbitrary<unknown> = fc.oneof(
  arbOddScalar,
  fc.array(arbOddScalar, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', '_id', 'username', 'crm'), arbOddScalar, { maxKeys: 2, ...plain }),
);

const ODD: Record<string, fc.Arbitrary<unknown>> = {
  t: fc.constantFrom<unknown>('v', 'c', 'd', 'L', ['l'], ['v', 'l'], null),
  open: fc.constantFrom<unknown>(false, null, 'true', 0, [true]),
  onHold: fc.constantFrom<unknown>(true, false, 'true', 1, null, [true]),
  servedBy: arbOddValue,
  'servedBy._id': fc.oneof(fc.constant<unknown>(['agent-1', 'agent-2']), arbOddScalar),
  'servedBy.username': fc.oneof(fc.constant<unknown>(['alice']), arbOddScalar),
  departmentId: fc.oneof(fc.constant<unknown>(['dep-a', 'dep-b']), arbOddScalar),
  departmentAncestors: fc.oneof(fc.constantFrom<unknown>('unit-1', ['unit-1', 7], [], ['dep-a']), arbOddScalar),
  livechatData: fc.oneof(fc.constantFrom<unknown>('crm', ['ACME-42'], 5, null), arbOddValue),
  'livechatData.crm': arbOddValue,
  fname: fc.oneof(fc.constant<unknown>(['Mary Ann', 'x']), arbOddScalar),
  ts: arbOddValue,
  closedAt: arbOddValue,
  tags: fc.oneof(fc.constant<unknown>('vip'), arbOddValue),
  department: fc.constant<unknown>({ _id: 'stale', name: 'Stale' }),
};
const ODD_PATHS = Object.keys(ODD);
type OddEdit = { path: string; remove: boolean; value: unknown };
const arbOddEdit: fc.Arbitrary<OddEdit> = fc
  .constantFrom(...ODD_PATHS)
  .chain((path) => fc.record({ path: fc.constant(path), remove: fc.boolean(), value: ODD[path]! }, plain));

function applyEdit(room: Record<string, unknown>, edit: OddEdit): void {
  const dot = edit.path.indexOf('.');
  if (dot < 0) {
    if (edit.remove) delete room[edit.path];
    else room[edit.path] = edit.value;
    return;
  }
  const head = edit.path.slice(0, dot);
  const parent = room[head];
  if (parent === null || typeof parent !== 'object' || Array.isArray(parent) || parent instanceof Date) return;
  const copy: Record<string, unknown> = { ...(parent as Record<string, unknown>) };
  if (edit.remove) delete copy[edit.path.slice(dot + 1)];
  else copy[edit.path.slice(dot + 1)] = edit.value;
  room[head] = copy;
}

/** Not quite a livechat room: 1–4 fields removed or replaced with odd values. */
export const arbOddLivechatRoom: fc.Arbitrary<Room> = fc
  .tuple(arbLivechatRoom, fc.array(arbOddEdit, { minLength: 1, maxLength: 4 }))
  .map(([room, edits]) => {
    const out: Record<string, unknown> = { ...room };
    for (let i = 0; i < edits.length; i++) applyEdit(out, edits[i]!);
    return out;
  });

/** A collection: mostly valid rooms, some odd ones, unique `_id` strings. */
export const arbLivechatRooms = (maxLength = 12): fc.Arbitrary<Room[]> =>
  fc.uniqueArray(fc.oneof({ arbitrary: arbLivechatRoom, weight: 3 }, { arbitrary: arbOddLivechatRoom, weight: 1 }), {
    maxLength,
    selector: (room) => room['_id'],
  });
