// customFields on re2js: catastrophic-on-V8 patterns answer on long values, and the places where re2's reading
// of an accepted pattern differs from V8's (case folding, `.`, `\s`, `\Q…\E`, `\z`, `\p{…}`) are pinned down.

import { describe, expect, it } from 'vitest';
import type { Room } from '../../../src/model/room.js';
import { ADMIN } from './livechat-fixtures.js';
import { referenceLivechatRooms } from './reference-livechat-rooms.js';

const room = (id: string, crm: unknown): Room => ({ _id: id, t: 'l', ts: new Date(0), livechatData: { crm } });
const matches = (pattern: string, value: unknown): unknown => {
  const result = referenceLivechatRooms([room('r', value)], { customFields: JSON.stringify({ crm: pattern }) }, ADMIN, { mode: 'default' });
  return result.ok ? result.page.total === 1 : result.body;
};

describe('customFields on re2js', () => {
  const long = 'a'.repeat(5000) + '!';
  it.each([
    ['(a+)+$', long, false],
    ['(a+)+!', long, true],
    ['^(a|a)*$', long, false],
    ['(a|aa)+$', long, false],
    ['(x+x+)+y', 'x'.repeat(5000), false],
    ['^(a*)*b$', long, false],
  ])('catastrophic-on-V8 %s on a 5001-character value answers (%#)', (pattern, value, expected) => {
    expect(matches(pattern, value)).toBe(expected);
  });

  it.each([
    // [pattern, value, re2 answer (ours), V8 answer (upstream)]
    ['s', 'ſ', true, false], // re2 folds U+017F with s; V8's non-unicode /i does not map non-ASCII to ASCII
    ['k', '\u212A', true, false], // Kelvin sign
    ['ß', 'ẞ', true, false],
    ['.', '\r', true, false], // re2's `.` excludes only \n
    ['^\\s$', '\u00A0', false, true], // re2's \s is ASCII
    ['\\Qa.b\\E', 'a.b', true, false], // quoting in re2, literal "Qa.bE" in V8
    ['a\\z', 'a', true, false], // end of text in re2, literal z in V8
    ['^\\p{L}$', 'é', true, false], // a Unicode class in re2, literal "p{L}" in V8
    ['^\\w$', 'ſ', true, false], // re2 folds classes under (?i) too
    ['^[a-z]$', '\u212A', true, false],
    ['^.$', '😀', true, false], // re2 reads code points, V8 (no u flag) code units
  ])('%s on %j: re2 says %s (V8 would say %s)', (pattern, value, re2, v8) => {
    expect(new RegExp(pattern, 'i').test(value)).toBe(v8);
    expect(matches(pattern, value)).toBe(re2);
  });

  it.each([
    ['accents fold both ways', 'café', 'CAFÉ', true],
    ['Turkish dotted I does not fold to i', 'i', 'İ', false],
    ['final sigma folds with sigma', 'σ', 'ς', true],
    ['unanchored', 'cme', 'ACME-42', true],
    ['arrays: any string element', 'gold', ['x', 1, 'GOLD'], true],
    ['numbers never match', '4', 42, false],
    ['booleans never match', 'true', true, false],
    ['objects never match', '.', { a: 'x' }, false],
  ])('%s', (_name, pattern, value, expected) => {
    expect(matches(pattern, value)).toBe(expected);
  });

  it('a dotted key reaches into nested objects, not through arrays (paths read as in the voip reference)', () => {
    const rooms: Room[] = [
      { _id: 'n1', t: 'l', livechatData: { nested: { a: 'yes' } } },
      { _id: 'n2', t: 'l', livechatData: { nested: [{ a: 'yes' }] } },
      { _id: 'n3', t: 'l', livechatData: { 'nested.a': 'yes' } },
    ];
    const result = referenceLivechatRooms(rooms, { customFields: '{"nested.a":"y"}' }, ADMIN, { mode: 'rocketchat' });
    expect(result.ok && result.page.rooms.map((r) => r['_id'])).toEqual(['n1']);
  });
});
