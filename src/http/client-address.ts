// Who is on the other end, for the failed-authentication budget: the connection's peer address, or with
// `trustProxy` hops the address the nearest trusted proxy recorded in X-Forwarded-For. Entries a client
// writes itself sit further left and are never read, so they cannot pick the budget they spend.

import { isIPv4, isIPv6 } from 'node:net';
import { type RequestHeaders } from './read-header.js';

/** The budget's key when the adapter gave no address (a bare `handle(req)`): all such requests share one. */
export const UNKNOWN_CLIENT = 'unknown';

const forwardedFor = (headers: RequestHeaders): string[] => {
  const entries: string[] = [];
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== 'x-forwarded-for') continue;
    const raw = headers[key];
    for (const value of typeof raw === 'string' ? [raw] : (raw ?? [])) entries.push(...value.split(','));
  }
  return entries.map((e) => e.trim()).filter((e) => e !== '');
};

/**
 * The client's address: `remoteAddress` with `trustProxy` 0; otherwise, counting from the socket, the
 * X-Forwarded-For entry `trustProxy` hops back (the leftmost one when there are fewer entries).
 */
export const clientAddress = (remoteAddress: string | undefined, headers: RequestHeaders, trustProxy: number): string => {
  const socket = remoteAddress === undefined || remoteAddress === '' ? UNKNOWN_CLIENT : remoteAddress;
  if (trustProxy <= 0) return socket;
  const hops = [socket, ...forwardedFor(headers).reverse()];
  return hops[Math.min(trustProxy, hops.length - 1)] ?? socket;
};

const hextets = (address: string): ReadonlyArray<string> => {
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0');
  return [...left, ...(tail === undefined ? [] : zeros), ...right].map((h) => h.replace(/^0+(?=.)/, '').toLowerCase());
};

/**
 * The budget an address spends: an IPv4 address (also IPv4-mapped IPv6) is itself; an IPv6 address
 * counts as its /64 network, since one host is usually given a whole /64 and could rotate through it.
 */
export const clientBudgetKey = (address: string): string => {
  const plain = address.replace(/%.*$/, ''); // zone index (fe80::1%eth0)
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain)?.[1];
  if (mapped !== undefined && isIPv4(mapped)) return mapped;
  if (!isIPv6(plain) || plain.includes('.')) return plain;
  return `${hextets(plain).slice(0, 4).join(':')}::/64`;
};
