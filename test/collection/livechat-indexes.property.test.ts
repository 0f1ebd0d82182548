// livechat's indexes answer exactly as the scan: roomName over `fname`'s substring index (the same
// case-folding traps and metacharacters as voip's `name`), and the flag indexes of `onHold` and `open`
// (onhold=true, open=true's onHold ≠ true, queued's open: true), with the planner choosing them.
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scopeLivechatQuery } from '../../src/auth/livechat/scope-livechat-query.js';
import { escapeRegExp } from '../../src/compile/operators.js';
import { compileQuery } from '../../src/compile/compile-query.js';
import { forEachAsc, intersectAll } from '../../src/collection/rank-set.js';
import { createRoomCollection, LIVECHAT_INDEXES, positionAt } from '../../src/collection/room-collection.js';
import { runQueryWithStats } from '../../src/exec/run-query.js';
import type { Room } from '../../src/model/room.js';
import { planQuery } from '../../src/plan/plan.js';
import { parseLivechatParams } from '../../src/request/livechat/parse-livechat-params.js';
import { arbCase } from '../support/gram-arbitraries.js';
import { oracleConfig } from '../support/oracle-config.js';

const admin = { _id: 'admin-1', username: 'admin', roles: ['admin'] };

const compiledFor = (params: Record<string, unknown>) => {
  const scoped = E.chain((q: Parameters<typeof scopeLivechatQuery>[0]) => scopeLivechatQuery(q, admin, {}))(
    parseLivechatParams(params, {}),
  );
  if (E.isLeft(scoped)) throw new Error(JSON.stringify(scoped.left));
  return compileQuery(scoped.right);
};

const flagValue = fc.constantFrom<unknown>(undefined, true, false, 'true', 1, null, [true], [false, true], []);

/** Livechat rooms with the generated names as `fname`, and odd `onHold` / `open` / `servedBy` values. */
const roomsOf = (names: ReadonlyArray<unknown>, flags: ReadonlyArray<readonly [unknown, unknown, boolean]>): Room[] =>
  names.map((fname, i) => {
    const room: Record<string, unknown> = { _id: `r${i % 23}`, t: i % 7 === 0 ? 'v' : 'l', ts: new Date(Date.UTC(2024, 0, 1 + (i % 5))) };
    if (fname !== undefined) room['fname'] = fname;
    const [onHold, open, served] = flags[i % Math.max(1, flags.length)] ?? [undefined, undefined, false];
    if (onHold !== undefined) room['onHold'] = onHold;
    if (open !== undefined) room['open'] = open;
    if (served) room['servedBy'] = { _id: 'a1', username: 'agent' };
    return room;
  });

const matcher = (needle: string) => {
  const re = new RegExp(escapeRegExp(needle), 'i');
  const hit = (x: unknown): boolean => typeof x === 'string' && re.test(x);
  return (v: unknown): boolean => hit(v) || (Array.isArray(v) && v.some(hit));
};

const STATUS = [{}, { onhold: 'true' }, { open: 'true' }, { open: 'false' }, { queued: 'true' }, { onhold: 'true', open: 'true' }];
const EXTRA = [{}, { sort: '{"fname":1}' }, { count: '2', offset: '1' }, { sort: '{"ts":1}', count: '3' }];

const VERIFIED_NAMES: unknown[] = ['Maria Gonzalez', 'GONZALO Ruiz', 'ana gonzález', 'Zog Onz', undefined, ['Gonzaga', 5]];
const VERIFIED_EXAMPLES = STATUS.map(
  (status, i) =>
    [
      [VERIFIED_NAMES, i % 2 === 0 ? 'gonz' : 'ONZAL'],
      [
        [true, undefined, true],
        [undefined, true, false],
      ],
      status,
      EXTRA[i % EXTRA.length] as (typeof EXTRA)[number],
    ] as [[unknown[], string], Array<[unknown, unknown, boolean]>, (typeof STATUS)[number], (typeof EXTRA)[number]],
);

describe('livechat indexes ≡ scan', () => {
  it('fname postings hold every match (only matches when exact); every plan of roomName × status answers as the scan', () => {
    const seen = { fnamePlans: 0, flagPlans: 0, exact: 0, verified: 0 };
    fc.assert(
      fc.property(
        arbCase,
        fc.array(fc.tuple(flagValue, flagValue, fc.boolean()), { minLength: 1, maxLength: 7 }),
        fc.constantFrom(...STATUS),
        fc.constantFrom(...EXTRA),
        ([names, needle], flags, status, extra) => {
          const rooms = roomsOf(names, flags);
          const collection = createRoomCollection(rooms, { indexes: LIVECHAT_INDEXES });
          const found = collection.grams.get('fname')!.lookup(needle)!;
          const set = intersectAll(
            found.postings.map((p) => p.set),
            collection.size,
            { keys: 0 },
          );
          const inSet = new Set<number>();
          forEachAsc(set, 0, collection.size, (r) => inSet.add(positionAt(collection, r)) !== undefined);
          const matches = matcher(needle);
          rooms.forEach((room, p) => {
            if (matches(room['fname'])) expect(inSet.has(p)).toBe(true);
            else if (found.exact) expect(inSet.has(p)).toBe(false);
          });
          if (found.exact) seen.exact++;
          else seen.verified++;
          const compiled = compiledFor({ roomName: needle, ...status, ...extra });
          const expected = runQueryWithStats(compiled, rooms).page;
          const plan = planQuery(compiled, collection);
          for (const alternative of plan.alternatives) {
            if (alternative.kind === 'index' && JSON.stringify(alternative).includes('fname contains')) seen.fnamePlans++;
            if (alternative.kind === 'index' && JSON.stringify(alternative).includes('onHold is true')) seen.flagPlans++;
            expect(runQueryWithStats(compiled, collection, { plan: alternative }).page).toEqual(expected);
          }
        },
      ),
      // Needles longer than three units whose trigrams all occur (verified, not exact) are rare among random ones:
      // these examples run every time, so the count below never depends on the seed.
      { ...oracleConfig(400), examples: VERIFIED_EXAMPLES },
    );
    for (const [name, count] of Object.entries(seen)) expect(count, name).toBeGreaterThan(5);
  });

  it('the planner answers a selective fname needle and onhold through the indexes, and explain names them', () => {
    const rooms: Room[] = Array.from({ length: 4000 }, (_, i) => ({
      _id: `r${i}`,
      t: 'l',
      ts: new Date(Date.UTC(2024, 0, 1, 0, i)),
      fname: i % 500 === 0 ? `Zyx Gonzalez ${i}` : `Visitor ${i}`,
      open: true,
      servedBy: i % 3 === 0 ? undefined : { _id: 'a1', username: 'agent' },
      ...(i % 400 === 0 ? { onHold: true } : {}),
    }));
    const collection = createRoomCollection(rooms, { indexes: LIVECHAT_INDEXES });
    for (const params of [{ roomName: 'gonzalez' }, { onhold: 'true' }, { roomName: 'zyx', open: 'true' }]) {
      const compiled = compiledFor(params);
      const plan = planQuery(compiled, collection);
      expect(plan.chosen.kind, JSON.stringify(params)).toBe('index');
      const label = JSON.stringify(plan.chosen);
      expect(label).toMatch('roomName' in params ? /fname contains/ : /onHold is true/);
      const { page, stats } = runQueryWithStats(compiled, collection);
      expect(page).toEqual(runQueryWithStats(compiled, rooms).page);
      expect(stats.docsExamined).toBeLessThan(rooms.length / 10);
    }
  });
});
