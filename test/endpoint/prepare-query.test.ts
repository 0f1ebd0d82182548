// prepareQuery is the one parse → scope composition; explainRooms takes queryRooms' arguments.
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { describe, expect, it } from 'vitest';
import {
  compileQuery,
  createRoomCollection,
  explain,
  explainRooms,
  parseRoomsParams,
  prepareEndpointQuery,
  prepareQuery,
  queryRooms,
  runQuery,
  scopeQuery,
  splitQueryString,
  VOIP_ROOMS,
  type Principal,
} from '../../src/index.js';
import { alice, manager, sampleRooms } from '../support/fixture-rooms.js';

const byHand = (params: string, who: Principal, mode: 'default' | 'rocketchat' = 'default') =>
  pipe(
    splitQueryString(params),
    E.chain((raw) => parseRoomsParams(raw, { mode })),
    E.chain((query) => scopeQuery(query, who)),
  );

const cases: ReadonlyArray<[string, Principal]> = [
  ['open=true&count=2', manager],
  ['agents[]=agent-alice', alice],
  ['', alice],
  ['count=abc', manager],
  ['createdAt={"start":"nope"}', alice],
  ['sort={"ts":-1}&fields={"name":1}', manager],
];

describe('prepareQuery', () => {
  it.each(cases)('%s: the same scoped query or error as parse → scope by hand', (params, who) => {
    for (const mode of ['default', 'rocketchat'] as const) {
      expect(prepareQuery(params, who, { mode })).toEqual(byHand(params, who, mode));
      expect(prepareEndpointQuery(VOIP_ROOMS, params, who, { mode })).toEqual(byHand(params, who, mode));
    }
  });
  it('accepts an already-split object', () => {
    expect(prepareQuery({ open: 'true' }, manager)).toEqual(byHand('open=true', manager));
  });
  it('queryRooms is prepareQuery → compileQuery → runQuery', () => {
    for (const [params, who] of cases) {
      expect(queryRooms(sampleRooms, params, who)).toEqual(
        pipe(
          prepareQuery(params, who),
          E.map((s) => runQuery(compileQuery(s), sampleRooms)),
        ),
      );
    }
  });
});

describe('explainRooms', () => {
  it('describes what queryRooms runs, with the plan over a collection', () => {
    const collection = createRoomCollection(sampleRooms);
    const scoped = prepareQuery('open=true', manager);
    if (E.isLeft(scoped)) throw new Error('unexpected');
    expect(explainRooms(collection, 'open=true', manager)).toEqual(E.right(explain(compileQuery(scoped.right), collection)));
    expect(explainRooms(sampleRooms, 'open=true', manager)).toEqual(E.right(explain(compileQuery(scoped.right))));
  });
  it('answers the same 403 as queryRooms', () => {
    expect(explainRooms(sampleRooms, '', alice)).toEqual(queryRooms(sampleRooms, '', alice));
  });
});
