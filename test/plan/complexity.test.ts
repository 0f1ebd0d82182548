// Complexity through the work counters (never timings): what each indexed plan reads.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { agentsOf, generateRooms, generateUsers } from '../../src/fixtures/index.js';
import {
  compileQuery,
  createRoomCollection,
  DEFAULT_INDEXES,
  explain,
  parseRoomsParams,
  runQueryWithStats,
  scopeQuery,
  type Principal,
  type Room,
} from '../../src/index.js';

const seed = 11;
const agents = agentsOf(generateUsers({ seed, agents: 20 }));
const rooms = generateRooms({ count: 6000, seed, agents });
const collection = createRoomCollection(rooms);
const admin: Principal = { _id: 'admin-x', username: 'admin', roles: ['admin'] };

const compiled = (params: Record<string, unknown>, principal: Principal = admin) => {
  const parsed = parseRoomsParams(params);
  if (E.isLeft(parsed)) throw new Error(JSON.stringify(parsed.left));
  const scoped = scopeQuery(parsed.right, principal);
  if (E.isLeft(scoped)) throw new Error(JSON.stringify(scoped.left));
  return compileQuery(scoped.right);
};

const run = (params: Record<string, unknown>, principal?: Principal) => {
  const c = compiled(params, principal);
  const indexed = runQueryWithStats(c, collection);
  expect(indexed.page).toEqual(runQueryWithStats(c, rooms).page);
  return indexed.stats;
};

const servedBy = (room: Room): unknown => (room['servedBy'] as { _id?: unknown } | undefined)?._id;

describe('indexed plans: work counters', () => {
  it("an agent's query examines no room outside that agent's posting list", () => {
    for (const agent of agents.slice(0, 5)) {
      const own = rooms.filter((r) => servedBy(r) === agent._id).length;
      const principal: Principal = { _id: agent._id, username: agent.username, roles: ['livechat-agent'] };
      for (const params of [
        { agents: [agent._id] },
        { agents: [agent._id], open: 'false', count: '100' },
        { agents: [agent._id], sort: '{"queue":1}' },
      ]) {
        const stats = run(params, principal);
        expect(stats.access).toBe('index');
        expect(stats.docsExamined).toBeLessThanOrEqual(own);
      }
    }
  });

  it('the admin default page examines offset + count rooms (no ties at the page edge here)', () => {
    for (const [offset, count] of [
      [0, 50],
      [100, 25],
      [5000, 50],
    ] as const) {
      const stats = run({ offset: String(offset), count: String(count) });
      expect(stats.ordering).toBe('index-order');
      expect(stats.docsExamined).toBeLessThanOrEqual(count);
      // Walked entries: offset + count, plus a tie run at most.
      expect(stats.indexKeysExamined).toBeLessThanOrEqual(offset + count + 64 + 2 * ((rooms.length + 31) >>> 5));
    }
  });

  it("a visitor's history examines only that visitor's rooms", () => {
    const visitor = (rooms[17]?.['v'] as { _id: string })._id;
    const theirs = rooms.filter((r) => (r['v'] as { _id: string })._id === visitor).length;
    const stats = run({ visitorId: visitor });
    expect(stats.matched).toBe(theirs);
    expect(stats.docsExamined).toBeLessThanOrEqual(theirs);
  });

  it('a fully indexed conjunction counts total without reading rooms beyond the page', () => {
    const stats = run({
      createdAt: JSON.stringify({ start: '2023-03-01T00:00:00Z', end: '2023-05-31T23:59:59Z' }),
      tags: ['vip', 'billing'],
      direction: 'inbound',
    });
    expect(stats.matched).toBeGreaterThan(50);
    expect(stats.docsExamined).toBe(50);
  });

  it('a sort by queue then ts walks queue postings in ts order: only the page is read', () => {
    const stats = run({ sort: '{"queue":1,"ts":-1}', open: 'true' });
    expect(stats.ordering).toBe('index-order');
    expect(stats.docsExamined).toBe(50);
  });

  it('a roomName of 1 to 3 units is one exact gram posting: only the page is read, total from the posting', () => {
    for (const roomName of ['a', 'AN', 'ürg']) {
      const stats = run({ roomName });
      expect(stats.access).toBe('index');
      expect(stats.docsExamined).toBe(Math.min(50, stats.matched));
    }
  });

  it('a longer roomName verifies its trigram intersection on the index, then reads only the page', () => {
    const stats = run({ roomName: 'müller' });
    expect(stats.matched).toBeGreaterThan(50);
    expect(stats.docsExamined).toBe(50);
    // A trigram no name holds: nothing is read at all.
    expect(run({ roomName: 'zzzz' }).docsExamined).toBe(0);
  });

  it('without a substring index, roomName scans every room once', () => {
    const c = compiled({ roomName: 'an' });
    const plain = createRoomCollection(rooms, { indexes: { ...DEFAULT_INDEXES, substrings: [] } });
    const { page, stats } = runQueryWithStats(c, plain);
    expect(page).toEqual(runQueryWithStats(c, rooms).page);
    expect(stats.docsExamined).toBe(rooms.length);
  });

  it('explain shows the chosen plan, the rejected ones and estimated vs actual work', () => {
    const text = explain(compiled({ queue: '8002', open: 'true' }), collection);
    expect(text).toMatch(/^plan: +index: .*queue = "8002"/m);
    expect(text).toMatch(/^estimated: +\d+ documents examined/m);
    expect(text).toMatch(/^actual: +\d+ documents examined, \d+ index keys examined/m);
    expect(text).toMatch(/^rejected: +full scan/m);
    expect(explain(compiled({}))).not.toMatch(/^plan:/m);
    const substring = explain(compiled({ roomName: 'müller' }), collection);
    expect(substring).toMatch(/^plan: +index: .*name contains "müller" \(grams "MÜL" \d+ ∩ .*, verified: ≤ \d+ rows\); exact/m);
    expect(substring).toMatch(/^estimated: +50 documents examined, ≤ \d+ rows match/m);
    expect(substring).toMatch(/^actual: +50 documents examined, \d+ index keys examined, \d+ matched/m);
  });
});
