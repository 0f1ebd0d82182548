// Rooms for the mingo oracle: the shared room arbitraries (valid and odd documents), restricted to the
// values MongoDB can store and mingo orders like MongoDB (docs/mongo.md, "Differences"):
// - an invalid Date becomes null (BSON dates are int64 milliseconds; mingo matches an invalid Date
//   against every range);
// - sort keys are drawn only from paths whose value is a scalar in every room (no arrays, no objects,
//   no NaN, no array on the way): MongoDB sorts arrays by their min/max element, we compare them
//   element by element, mingo does neither; mingo orders objects by sorted keys, MongoDB by field order.
import fc from 'fast-check';
import { compareValues, type Room } from '../../src/index.js';
import { arbRooms, pools } from '../arbitraries/index.js';

const { AGENT_IDS } = pools;

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Date);

const storable = (x: unknown): unknown => {
  if (x instanceof Date) return Number.isNaN(x.getTime()) ? null : x;
  if (Array.isArray(x)) return x.map(storable);
  if (isPlainObject(x)) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, storable(v)]));
  return x;
};

/** servedBy shapes the agent scope must refuse although MongoDB equality alone would accept them. */
const SERVED_BY_SHAPES: ReadonlyArray<(agent: string) => unknown> = [
  (agent) => ({ _id: [agent], username: 'alice' }),
  (agent) => ({ _id: [agent, 'agent-2'], username: 'bob' }),
  (agent) => [{ _id: agent, username: 'alice' }],
  (agent) => [{ _id: agent }, 'x'],
  (agent) => ({ _id: agent, username: [agent] }),
];

const arbServedByEdit = fc.record({
  at: fc.nat(),
  agent: fc.constantFrom(...AGENT_IDS),
  shape: fc.nat({ max: SERVED_BY_SHAPES.length - 1 }),
});

export const arbMongoRooms = (maxLength = 12): fc.Arbitrary<Room[]> =>
  fc.tuple(arbRooms(maxLength), fc.array(arbServedByEdit, { maxLength: 2 })).map(([rooms, edits]) => {
    const out = rooms.map((room) => storable(room) as Record<string, unknown>);
    for (const { at, agent, shape } of edits) {
      const room = out[at % Math.max(1, out.length)];
      if (room !== undefined) room['servedBy'] = SERVED_BY_SHAPES[shape]!(agent);
    }
    return out as Room[];
  });

/** Candidate sort paths: no integer-like names (a JS sort object would reorder them, in mingo too). */
export const SORTABLE = [
  'ts',
  'closedAt',
  'queue',
  'name',
  '_id',
  'servedBy.username',
  'servedBy._id',
  'open',
  'direction',
  'callDuration',
  'missing.path',
  'v._id',
  'v.username',
  'callStarted',
  'fname',
  't',
  'tags',
] as const;

const scalarKey = (x: unknown): boolean =>
  x === undefined ||
  x === null ||
  typeof x === 'string' ||
  typeof x === 'boolean' ||
  (typeof x === 'number' && !Number.isNaN(x)) ||
  (x instanceof Date && !Number.isNaN(x.getTime()));

/** True when every room holds a scalar (or nothing) at `path`, reached through plain objects only. */
export const sortsAlike = (rooms: ReadonlyArray<Room>, path: string): boolean =>
  rooms.every((room) => {
    let value: unknown = room;
    for (const step of path.split('.')) {
      if (Array.isArray(value)) return false;
      value = isPlainObject(value) && Object.hasOwn(value, step) ? value[step] : undefined;
    }
    return scalarKey(value);
  });

/** A sort parameter over paths that sort alike in memory, in MongoDB and in mingo for these rooms. */
export const arbSafeSortJson = (rooms: ReadonlyArray<Room>): fc.Arbitrary<string | undefined> => {
  const paths = SORTABLE.filter((p) => sortsAlike(rooms, p));
  const explicit = fc
    .tuple(
      fc.uniqueArray(fc.constantFrom(...paths), { minLength: 1, maxLength: 3 }),
      fc.array(fc.constantFrom(1, -1), { minLength: 3, maxLength: 3 }),
    )
    .map(([keys, dirs]) => JSON.stringify(Object.fromEntries(keys.map((k, i) => [k, dirs[i]]))));
  // No sort parameter means the default `{"ts": -1}`: only where `ts` sorts alike too (an odd room may
  // hold `ts: []`, which MongoDB, mingo and we order three ways).
  return sortsAlike(rooms, 'ts') ? fc.option(explicit, { nil: undefined, freq: 4 }) : explicit;
};

/** The rooms in `_id` order (MongoDB's order among ties is unspecified; this is one it may return). */
export const byId = (rooms: ReadonlyArray<Room>): Room[] => [...rooms].sort((a, b) => compareValues(a['_id'], b['_id']));
