// mingo (MongoDB's query language in JS) and sift (its filters) + Array.prototype.sort.
import { Query } from 'mingo';
import siftModule from 'sift';
import type { Room } from '../../src/index.js';
import type { BenchQuery, Sort } from '../workload.js';
import type { Answer } from './hand-loop.js';

// sift is CommonJS: under NodeNext its default import is `module.exports`, whose `default` is sift.
type Sift = (filter: unknown) => (doc: unknown) => boolean;
const sift: Sift = ((siftModule as unknown as { default?: Sift }).default ?? siftModule) as Sift;

const sortDoc = (sort: Sort): Record<string, 1 | -1> => Object.fromEntries(sort);

export const mingoRunner = (q: BenchQuery): ((rooms: ReadonlyArray<Room>) => Answer) => {
  const query = new Query(q.mongo as never);
  const all = new Query({});
  return (rooms) => {
    const matched = query.find(rooms as Room[]).all();
    const page = all.find(matched).sort(sortDoc(q.sort)).skip(q.offset).limit(q.count).all() as Room[];
    return { rooms: page, total: matched.length };
  };
};

const read = (doc: unknown, steps: ReadonlyArray<string>): unknown => {
  let v: unknown = doc;
  for (const s of steps) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined;
  return v;
};

/** A generic comparator for sift's matches: missing < numbers < strings < Dates, per key direction. */
const genericCompare = (sort: Sort) => {
  const keys = sort.map(([path, dir]) => ({ steps: path.split('.'), dir }));
  const rank = (v: unknown): number =>
    v === undefined || v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : v instanceof Date ? 6 : 3;
  return (a: Room, b: Room): number => {
    for (const { steps, dir } of keys) {
      const x = read(a, steps);
      const y = read(b, steps);
      const rx = rank(x);
      const ry = rank(y);
      let c = rx - ry;
      if (c === 0 && rx !== 0) {
        const vx = x instanceof Date ? x.getTime() : (x as string | number);
        const vy = y instanceof Date ? y.getTime() : (y as string | number);
        c = vx < vy ? -1 : vx > vy ? 1 : 0;
      }
      if (c !== 0) return c < 0 ? -dir : dir;
    }
    return 0;
  };
};

export const siftRunner = (q: BenchQuery): ((rooms: ReadonlyArray<Room>) => Answer) => {
  const test = sift(q.mongo) as (r: Room) => boolean;
  const compare = genericCompare(q.sort);
  return (rooms) => {
    const matched = rooms.filter(test);
    matched.sort(compare);
    return { rooms: matched.slice(q.offset, q.offset + q.count), total: matched.length };
  };
};
