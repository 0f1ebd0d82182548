// Query-string splitting the way Rocket.Chat's server does it.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { splitQueryString } from '../../src/index.js';

describe('splitQueryString', () => {
  it.each([
    ['agents[]=a&agents[]=b', { agents: ['a', 'b'] }],
    ['agents=a&agents=b', { agents: ['a', 'b'] }],
    ['agents[0]=a&agents[1]=b', { agents: ['a', 'b'] }],
    ['?roomName=Jos%C3%A9%20M', { roomName: 'José M' }],
    ['roomName=a+b', { roomName: 'a b' }],
    ['sort=%7B%22ts%22%3A-1%7D', { sort: '{"ts":-1}' }],
    // qs drops keys that would shadow Object.prototype (allowPrototypes: false).
    ['__proto__[x]=1&constructor=2&count=1', { count: '1' }],
  ])('%s', (search, expected) => {
    expect(splitQueryString(search)).toEqual(E.right(expected));
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});
