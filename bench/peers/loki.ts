// LokiJS with binary indices on the fields the workload filters and sorts on. Loki's queries need
// adapted operators ($containsAny for tags, $between for the date window, a RegExp object for
// roomName); the benchmark checks its answers like everyone's and reports differences.
import Loki from 'lokijs';
import type { Room } from '../../src/index.js';
import type { BenchQuery } from '../workload.js';
import type { Answer } from './hand-loop.js';

export const LOKI_INDICES = ['t', 'servedBy._id', 'v._id', 'queue', 'ts', 'direction'];

export const createLoki = (rooms: ReadonlyArray<Room>): Collection<Room> => {
  const db = new Loki('bench.db');
  // No adaptive indices (they splice on every insert: quadratic for a bulk load); built lazily on first query.
  const coll = db.addCollection<Room>('rooms', { indices: LOKI_INDICES, adaptiveBinaryIndices: false, disableMeta: true, clone: false });
  // Loki writes `$loki` into inserted objects: give it shallow copies, not the shared rooms.
  coll.insert(rooms.map((r) => ({ ...r })));
  for (const field of LOKI_INDICES) coll.ensureIndex(field, true);
  return coll;
};

export const lokiRunner = (coll: Collection<Room>, q: BenchQuery): (() => Answer) => {
  const sort = q.sort.map(([k, d]) => [k, d === -1] as [string, boolean]);
  return () => {
    const rs = coll.chain().find(q.loki as never);
    const total = rs.count();
    return { rooms: rs.compoundsort(sort).offset(q.offset).limit(q.count).data(), total };
  };
};
