// Which address spends the failed-authentication budget: the socket's, or X-Forwarded-For read from the
// right as far as the trusted proxies go; IPv6 addresses count per /64.
import { describe, expect, it } from 'vitest';
import { clientAddress, clientBudgetKey, UNKNOWN_CLIENT } from '../../src/http/client-address.js';

describe('clientAddress', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('10.0.0.2', { 'x-forwarded-for': '1.2.3.4' }, 0)).toBe('10.0.0.2');
    expect(clientAddress(undefined, {}, 0)).toBe(UNKNOWN_CLIENT);
  });

  it('reads X-Forwarded-For from the right, one entry per trusted proxy', () => {
    const headers = { 'X-Forwarded-For': 'spoofed, 198.51.100.7, 10.0.0.3' };
    expect(clientAddress('10.0.0.1', headers, 1)).toBe('10.0.0.3');
    expect(clientAddress('10.0.0.1', headers, 2)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.1', { 'x-forwarded-for': ['a, b', 'c'] }, 2)).toBe('b');
  });

  it('stops at the leftmost entry when there are fewer than the trusted hops, and at the socket without one', () => {
    expect(clientAddress('10.0.0.1', { 'x-forwarded-for': '198.51.100.7' }, 3)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.1', {}, 1)).toBe('10.0.0.1');
  });
});

describe('clientBudgetKey', () => {
  it('keeps IPv4 addresses and unwraps IPv4-mapped ones', () => {
    expect(clientBudgetKey('192.0.2.1')).toBe('192.0.2.1');
    expect(clientBudgetKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
  });

  it('counts an IPv6 address as its /64, however it is written', () => {
    const key = clientBudgetKey('2001:db8:0:1::1');
    expect(key).toBe('2001:db8:0:1::/64');
    expect(clientBudgetKey('2001:0DB8:0000:0001:ffff:1:2:3')).toBe(key);
    expect(clientBudgetKey('2001:db8:0:1::abcd%eth0')).toBe(key);
    expect(clientBudgetKey('2001:db8:0:2::1')).not.toBe(key);
    expect(clientBudgetKey('::1')).toBe('0:0:0:0::/64');
  });

  it('leaves anything else as it is (it is hashed to a fixed size when stored)', () => {
    expect(clientBudgetKey('unknown')).toBe('unknown');
  });
});
