// customFields patterns never take super-linear time: catastrophic patterns on long values are answered
// with RE2 steps (ExecStats.regexSteps) bounded by the characters of the values they read; the same
// patterns would backtrack exponentially on JavaScript's engine.

import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scopeLivechatQuery } from '../../src/auth/livechat/scope-livechat-query.js';
import { compileQuery } from '../../src/compile/compile-query.js';
import { createRoomCollection } from '../../src/collection/room-collection.js';
import { runQueryWithStats } from '../../src/exec/run-query.js';
import type { Room } from '../../src/model/room.js';
import { parseLivechatParams } from '../../src/request/livechat/parse-livechat-params.js';
import { compileLinearRegex } from '../../src/value/linear-regex.js';
import { fuzzParams, FUZZ_RUNS } from '../fuzz/fuzz-config.js';

const admin = { _id: 'admin', username: 'admin', roles: ['admin'] };

const CATASTROPHIC = ['(a+)+$', '(a|aa)+$', '(a*)*b', '(.*a){12}', '^(a|a?)+$', '(\\w+\\s?)+$', '([a-z]+)*!', '(a|b|ab)*c'];

const arbValue = fc.oneof(
  fc.integer({ min: 0, max: 5000 }).map((n) => `${'a'.repeat(n)}!`),
  fc.integer({ min: 0, max: 3000 }).map((n) => 'ab'.repeat(n)),
  fc.string({ maxLength: 50 }),
  fc.array(
    fc.integer({ min: 0, max: 2000 }).map((n) => `${'a'.repeat(n)}x`),
    { maxLength: 3 },
  ),
  fc.constantFrom<unknown>(undefined, 5, null, { nested: 'aaaa' }),
);

const arbRooms: fc.Arbitrary<ReadonlyArray<Room>> = fc.array(fc.tuple(arbValue, arbValue), { maxLength: 12 }).map((values) =>
  values.map(([plan, other], i): Room => ({
    _id: `r${i}`,
    t: 'l',
    ts: new Date(Date.UTC(2024, 0, 1) + i),
    livechatData: { plan, other },
  })),
);

/** Characters of the strings at livechatData.<key> (array elements included), plus one per string: the bound. */
const charsAt = (rooms: ReadonlyArray<Room>, key: string): number =>
  rooms.reduce((acc, room) => {
    const value = (room['livechatData'] as Record<string, unknown>)[key];
    const strings = Array.isArray(value) ? value : [value];
    return acc + strings.reduce<number>((a, s) => (typeof s === 'string' ? a + s.length + 1 : a), 0);
  }, 0);

describe('customFields regexes run in linear time', () => {
  it('catastrophic patterns: regexSteps ≤ the characters read, on an array and on a collection', () => {
    fc.assert(
      fc.property(
        arbRooms,
        fc.subarray(CATASTROPHIC, { minLength: 1, maxLength: 2 }),
        fc.constantFrom('default', 'rocketchat') as fc.Arbitrary<'default' | 'rocketchat'>,
        (rooms, patterns, mode) => {
          const keys = ['plan', 'other'].slice(0, patterns.length);
          const customFields = JSON.stringify(Object.fromEntries(keys.map((k, i) => [k, patterns[i]])));
          const parsed = parseLivechatParams({ customFields }, { mode });
          expect(E.isRight(parsed)).toBe(true);
          if (E.isLeft(parsed)) return;
          const scoped = scopeLivechatQuery(parsed.right, admin);
          if (E.isLeft(scoped)) throw new Error('admin is never refused');
          const compiled = compileQuery(scoped.right);
          const bound = keys.reduce((acc, k) => acc + charsAt(rooms, k), 0);
          for (const source of [rooms, createRoomCollection(rooms)]) {
            const { stats } = runQueryWithStats(compiled, source);
            expect(stats.regexSteps ?? 0).toBeLessThanOrEqual(bound);
          }
        },
      ),
      fuzzParams(FUZZ_RUNS),
    );
  });

  it('a 100,000-character value against (a+)+$ is one linear pass', () => {
    const long = `${'a'.repeat(100_000)}!`;
    const compiled = compileLinearRegex('(a+)+$');
    expect(E.isRight(compiled) && compiled.right.test(long)).toBe(false);
    const parsed = parseLivechatParams({ customFields: '{"plan":"(a+)+$"}' });
    if (E.isLeft(parsed)) throw new Error('valid');
    const scoped = scopeLivechatQuery(parsed.right, admin);
    if (E.isLeft(scoped)) throw new Error('admin');
    const { page, stats } = runQueryWithStats(compileQuery(scoped.right), [
      { _id: 'r', t: 'l', ts: new Date(0), livechatData: { plan: long } },
    ]);
    expect(page.total).toBe(0);
    expect(stats.regexSteps).toBe(long.length + 1);
  });

  it.each([
    ['(a)\\1', 'not-linear'],
    ['(?=a)', 'not-linear'],
    ['(?!a)', 'not-linear'],
    ['(?<=a)b', 'not-linear'],
    ['(?<!a)b', 'not-linear'],
    ['(?<n>a)\\k<n>', 'not-linear'],
    ['(', 'invalid'],
    ['a**', 'invalid'],
    ['[b-a]', 'invalid'],
  ])('%s is refused (%s)', (source, kind) => {
    const compiled = compileLinearRegex(source);
    expect(E.isLeft(compiled) && compiled.left.kind).toBe(kind);
  });

  it('refusals carry V8 own message for invalid patterns', () => {
    const compiled = compileLinearRegex('(');
    expect(compiled).toEqual(E.left({ kind: 'invalid', message: 'Invalid regular expression: /(/i: Unterminated group' }));
  });

  it.each([
    ['^gold', 'Gold plan', true],
    ['gold$', 'GOLD', true],
    ['\\\\k<n>', '\\k<n>', true],
    ['a.c', 'ABC', true],
    ['^$', '', true],
    ['x', 'abc', false],
  ])('/%s/i on %j → %s', (source, input, expected) => {
    const compiled = compileLinearRegex(source);
    expect(E.isRight(compiled) && compiled.right.test(input)).toBe(expected);
  });
});
