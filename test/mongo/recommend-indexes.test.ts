// Each recommended index fits the query toMongoQuery emits for its example request: the fields before
// the sort keys are equalities of the filter (ESR), the sort is the index's remaining keys in order (or
// all reversed), and a partial index's filter is implied by the query's.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseRoomsQueryString, scopeQuery, type Principal } from '../../src/index.js';
import { recommendIndexes, toMongoQuery, type IndexRecommendation, type MongoFilter } from '../../src/mongo/index.js';

const admin: Principal = { _id: 'admin-1', username: 'admin', roles: ['admin'] };
const agent: Principal = { _id: 'agent-1', username: 'alice', roles: ['livechat-agent'] };

const queryFor = (r: IndexRecommendation, mode: 'default' | 'rocketchat') => {
  const principal = r.example.as === 'admin' ? admin : agent;
  const scoped = E.chain((q: Parameters<typeof scopeQuery>[0]) => scopeQuery(q, principal))(
    parseRoomsQueryString(r.example.search.replace('{agent}', agent._id), { mode }),
  );
  if (E.isLeft(scoped)) throw new Error(JSON.stringify(scoped.left));
  return toMongoQuery(scoped.right);
};

/**
 * An equality (or an `$in`: point intervals MongoDB merge-sorts on the following keys) on `path`, at
 * the top level or in a branch of a top-level `$or` (each branch is planned on its own index).
 */
const isEquality = (filter: MongoFilter, path: string): boolean => {
  const value = filter[path];
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return true;
  if (typeof value === 'object' && value !== null && Array.isArray((value as { $in?: unknown }).$in)) return true;
  const branches = filter['$or'];
  return Array.isArray(branches) && branches.some((b) => Object.hasOwn(b as object, path) && isEquality(b as MongoFilter, path));
};

describe.each(['default', 'rocketchat'] as const)('recommendIndexes (%s mode)', (mode) => {
  const indexes = recommendIndexes({ mode });

  it('has unique names and keys that a plain object keeps in order', () => {
    expect(new Set(indexes.map((i) => i.name)).size).toBe(indexes.length);
    for (const i of indexes) for (const k of Object.keys(i.key)) expect(/^\d+$/.test(k)).toBe(false);
  });

  it.each(indexes.map((i) => [i.name, i] as const))('%s serves its example: equality prefix, then the sort', (_name, index) => {
    const q = queryFor(index, mode);
    const keys = Object.entries(index.key);
    const sortStart = keys.length - q.sort.length;
    expect(sortStart).toBeGreaterThanOrEqual(0);
    for (const [path] of keys.slice(0, sortStart))
      expect(isEquality(q.filter, path), `${path} is an equality of ${JSON.stringify(q.filter)}`).toBe(true);
    const tail = keys.slice(sortStart);
    const same = tail.every(([path, dir], i) => q.sort[i]?.[0] === path && q.sort[i]?.[1] === dir);
    const reversed = tail.every(([path, dir], i) => q.sort[i]?.[0] === path && q.sort[i]?.[1] === -dir);
    expect(same || reversed, `${JSON.stringify(index.key)} vs sort ${JSON.stringify(q.sort)}`).toBe(true);
    for (const [path, condition] of Object.entries(index.partialFilterExpression ?? {})) expect(q.filter[path]).toStrictEqual(condition);
  });

  it('ends every index with the tie-break in default mode only', () => {
    for (const i of indexes) expect(Object.keys(i.key).at(-1)).toBe(mode === 'default' ? '_id' : 'ts');
  });
});
