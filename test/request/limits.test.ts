// Input limits: clear 400s instead of unbounded work or silent truncation.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, parseRoomsParams, parseRoomsQueryString } from '../../src/index.js';

const errorOf = (r: E.Either<{ body: unknown }, unknown>): unknown => (E.isLeft(r) ? r.left.body : 'no error');

describe('request limits', () => {
  it('too many list items', () => {
    const agents = Array.from({ length: DEFAULT_LIMITS.maxListLength + 1 }, (_, i) => `a${i}`);
    expect(errorOf(parseRoomsParams({ agents }))).toMatchObject({
      error: `must NOT have more than ${DEFAULT_LIMITS.maxListLength} items [invalid-params]`,
    });
    const search = agents.map((a) => `agents[]=${a}`).join('&');
    expect(errorOf(parseRoomsQueryString(search))).toMatchObject({
      error: `must NOT have more than ${DEFAULT_LIMITS.maxListLength} items [invalid-params]`,
    });
  });
  it('too long a parameter', () => {
    expect(errorOf(parseRoomsParams({ sort: `{"${'x'.repeat(9000)}":1}` }))).toMatchObject({
      error: 'must NOT have more than 8192 characters [invalid-params]',
    });
  });
  it('too many parameters is an error, not a truncation', () => {
    const search = Array.from({ length: 3000 }, () => 'count=1').join('&');
    expect(E.isLeft(parseRoomsQueryString(search))).toBe(true);
  });
  it('limits are configurable', () => {
    expect(E.isRight(parseRoomsParams({ agents: ['a', 'b', 'c'] }, { limits: { maxListLength: 3 } }))).toBe(true);
    expect(E.isLeft(parseRoomsParams({ agents: ['a', 'b', 'c'] }, { limits: { maxListLength: 2 } }))).toBe(true);
  });
});
