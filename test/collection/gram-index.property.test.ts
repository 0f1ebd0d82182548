// The substring index (collection/gram-index.ts) answers exactly as the scan: random names over an
// alphabet of case-folding traps (ß, ſ, the Kelvin sign, dotted/dotless i, final sigma, astral
// characters as surrogate pairs, regex metacharacters), as strings, arrays or wrong types, × needles
// cut from those names with their case changed, 1- and 2-unit needles and needles longer than every
// name. Checked: the matcher's folding, the postings ⊇ matches (= matches when exact), every plan's
// answer = the array scan's, and compaction (merge) = a rebuild, gram by gram.
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileQuery, parseRoomsParams, scopeQuery, type Room } from '../../src/index.js';
import { escapeRegExp } from '../../src/compile/operators.js';
import { foldCase } from '../../src/compile/fold-case.js';
import { forEachGramOfValue } from '../../src/collection/gram-codes.js';
import { gramIndexParts, type GramIndex } from '../../src/collection/gram-index.js';
import { mergeView } from '../../src/collection/derived/merge-collection.js';
import { OverlayLog, OverlayView } from '../../src/collection/derived/overlay.js';
import { forEachAsc, intersectAll } from '../../src/collection/rank-set.js';
import { createRoomCollection, positionAt, type CollectionIndexes } from '../../src/collection/room-collection.js';
import { runQueryWithStats } from '../../src/exec/run-query.js';
import { planQuery } from '../../src/plan/plan.js';
import { oracleConfig } from '../support/oracle-config.js';
import { arbCase, arbName, arbText } from '../support/gram-arbitraries.js';

const roomsOf = (names: ReadonlyArray<unknown>): Room[] =>
  names.map((name, i) => {
    const room: Record<string, unknown> = { _id: `r${i % 23}`, t: 'v', ts: new Date(Date.UTC(2024, 0, 1 + (i % 5))) };
    if (name !== undefined) room['name'] = name;
    return room;
  });

const admin = { _id: 'admin-1', username: 'admin', roles: ['admin'] };
const compiledFor = (needle: string, extra: Record<string, unknown> = {}) => {
  const q = E.chain((p: Parameters<typeof scopeQuery>[0]) => scopeQuery(p, admin))(parseRoomsParams({ roomName: needle, ...extra }));
  if (E.isLeft(q)) throw new Error(JSON.stringify(q.left));
  return compileQuery(q.right);
};

const matcher = (needle: string) => {
  const re = new RegExp(escapeRegExp(needle), 'i');
  const hit = (x: unknown): boolean => typeof x === 'string' && re.test(x);
  return (v: unknown): boolean => hit(v) || (Array.isArray(v) && v.some(hit));
};

const SPECS: ReadonlyArray<CollectionIndexes> = [
  { substrings: ['name'], orders: ['ts'] },
  { substrings: ['name'] }, // no primary order: ranks are positions
];

const seen = { exact: 0, verified: 0, empty: 0, indexPlans: 0, bitmaps: 0 };

describe('substring index ≡ scan', () => {
  it('folds exactly as the case-insensitive matcher', () =>
    fc.assert(
      fc.property(arbText(8), arbText(3), (name, needle) => {
        expect(foldCase(name).includes(foldCase(needle))).toBe(new RegExp(escapeRegExp(needle), 'i').test(name));
      }),
      oracleConfig(2000),
    ));

  it('postings hold every match (only matches when exact), and every plan answers as the scan', () => {
    fc.assert(
      fc.property(
        arbCase,
        fc.constantFrom({}, { sort: '{"name":1}' }, { count: '2', offset: '1' }, { sort: '{"ts":1}', count: '3' }),
        ([names, needle], extra) => {
          const rooms = roomsOf(names);
          const matches = matcher(needle);
          for (const indexes of SPECS) {
            const collection = createRoomCollection(rooms, { indexes });
            const found = collection.grams.get('name')!.lookup(needle)!;
            const set = intersectAll(
              found.postings.map((p) => p.set),
              collection.size,
              { keys: 0 },
            );
            const inSet = new Set<number>();
            forEachAsc(set, 0, collection.size, (r) => inSet.add(positionAt(collection, r)) !== undefined);
            rooms.forEach((room, p) => {
              if (matches(room['name'])) expect(inSet.has(p)).toBe(true);
              else if (found.exact) expect(inSet.has(p)).toBe(false);
            });
            if (set.kind === 'bitmap') seen.bitmaps++;
            if (inSet.size === 0) seen.empty++;
            else if (found.exact) seen.exact++;
            else seen.verified++;
            const compiled = compiledFor(needle, extra);
            const expected = runQueryWithStats(compiled, rooms).page;
            const plan = planQuery(compiled, collection);
            if (plan.chosen.kind === 'index') seen.indexPlans++;
            for (const alternative of plan.alternatives) {
              expect(runQueryWithStats(compiled, collection, { plan: alternative }).page).toEqual(expected);
            }
          }
        },
      ),
      oracleConfig(400),
    );
    for (const [name, count] of Object.entries(seen)) expect(count, name).toBeGreaterThan(5);
  });

  it('past 1024 distinct letters (large gram codes) answers as the scan too', () => {
    const han = (i: number): string => String.fromCharCode(0x4e00 + ((i * 7919) % 2000));
    const rooms = roomsOf(Array.from({ length: 900 }, (_, i) => `${han(i)}${han(i + 1)}${han(i * 3)}x${han(i + 5)}`));
    const collection = createRoomCollection(rooms, { indexes: SPECS[0]! });
    for (const needle of [
      han(4),
      `${han(10)}${han(11)}`,
      `${han(7)}${han(8)}${han(21)}`,
      `${han(30)}${han(31)}${han(90)}X`,
      `x${han(17)}`,
    ]) {
      const compiled = compiledFor(needle);
      const expected = runQueryWithStats(compiled, rooms).page;
      expect(expected.total).toBeGreaterThan(0);
      for (const plan of planQuery(compiled, collection).alternatives)
        expect(runQueryWithStats(compiled, collection, { plan }).page).toEqual(expected);
    }
  });

  it('compaction (merge) gives the postings a rebuild gives', () =>
    fc.assert(
      fc.property(
        fc.array(arbName, { maxLength: 80 }),
        fc.array(fc.tuple(fc.nat(), arbName, fc.boolean()), { maxLength: 40 }),
        (names, ops) => {
          const rooms = roomsOf(names).map((r, i) => ({ ...r, _id: `r${i}` }));
          const base = createRoomCollection(rooms, { indexes: SPECS[0]! });
          const log = new OverlayLog(base);
          const live = [...rooms];
          let added = 0;
          for (const [pick, name, remove] of ops) {
            if (live.length === 0 || pick % 4 === 0) {
              const room = { _id: `n${added++}`, t: 'v', ts: new Date(Date.UTC(2024, 0, 1 + (pick % 7))), name };
              live.push(room);
              log.append({ id: room._id, before: undefined, after: room });
              continue;
            }
            const j = pick % live.length;
            const before = live[j]!;
            if (remove) {
              live.splice(j, 1);
              log.append({ id: before['_id'] as string, before, after: undefined });
            } else {
              const after = { ...before, name };
              live[j] = after;
              log.append({ id: before['_id'] as string, before, after });
            }
          }
          const view = new OverlayView(log, log.length);
          const merged = mergeView(view, SPECS[0]!)!;
          const rebuilt = createRoomCollection(view.docs(), { indexes: SPECS[0]! });
          expect(merged.docs).toEqual(rebuilt.docs);
          expect(postingsOf(merged.grams.get('name')!)).toEqual(postingsOf(rebuilt.grams.get('name')!));
          const a = merged.grams.get('name')!;
          const b = rebuilt.grams.get('name')!;
          expect([a.gramCount, a.entries]).toEqual([b.gramCount, b.entries]);
          expect(a.values).toEqual(b.values);
          // Every gram of the current names has its posting (no gram lost by the merge).
          for (const room of view.docs()) forEachGramOfValue(room['name'], (code) => expect(postingsOf(a).has(code)).toBe(true));
        },
      ),
      oracleConfig(300),
    ));
});

/** Gram code → its posting's ranks and representation, empty postings left out. */
const postingsOf = (index: GramIndex): Map<number, string> => {
  const { ids, offsets, ranks, dense } = gramIndexParts(index)!;
  const out = new Map<number, string>();
  for (const [code, id] of ids) {
    const bitmap = dense.get(id);
    const list: number[] = [];
    if (bitmap !== undefined) forEachAsc(bitmap, 0, 2 ** 30, (r) => list.push(r) > 0);
    else list.push(...ranks.subarray(offsets[id], offsets[id + 1]));
    if (list.length > 0) out.set(code, `${bitmap === undefined ? 'list' : 'bitmap'} ${list.join(',')}`);
  }
  return out;
};
