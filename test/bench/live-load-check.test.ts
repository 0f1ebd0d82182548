// The live load run's correctness check (bench/live/load/), at small scale and in one process: subscribers
// on mixed queries rebuild their pages from their events only, a patch stream goes through rooms.patch, and
// the check must find every page equal to a fresh GET, ids only growing, every event matched with the patch
// that made it — and must notice a page that lost an event, and ids out of order. No timing is asserted.
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeStreamFrom } from '../../bench/live/change-stream.js';
import { checkSubscribers, settled } from '../../bench/live/load/check.js';
import { sendPatches } from '../../bench/live/load/patcher.js';
import { specOf } from '../../bench/live/load/queries.js';
import { startLoadServer, type LoadServer } from '../../bench/live/load/start-server.js';
import { createParseCache, newSubscriber, open, receive, type Subscriber } from '../../bench/live/load/subscriber.js';

describe('the live load harness (20 subscribers, 1,000 rooms, 200 patches)', () => {
  let server: LoadServer;
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  let subscribers: Subscriber[];
  let run: Awaited<ReturnType<typeof sendPatches>>;

  beforeAll(async () => {
    server = await startLoadServer(1000);
    const admin = server.users.find((u) => u.roles.includes('admin'))!;
    const agents = server.users.filter((u) => u.roles.includes('livechat-agent'));
    // Spread over the whole mix: i = 0, 7, 14, … covers every kind of query (i mod 10) at several offsets.
    subscribers = Array.from({ length: 20 }, (_, k) => newSubscriber(specOf(k * 7, admin, agents)));
    const parse = createParseCache();
    await Promise.all(subscribers.map((s) => open(s, server.port, agent, parse)));
    const patches = changeStreamFrom(server.seed, agents, 200, 'load');
    run = await sendPatches(server.port, admin, patches, Number.POSITIVE_INFINITY);
    await settled(subscribers, 100);
  });
  afterAll(async () => {
    agent.destroy();
    await server.close();
  });

  it('sends every patch and shares views between equal queries', () => {
    expect(run.failed).toBe(0);
    expect(run.sentAt.size).toBe(200);
    expect(server.live.hub.stats.subscribers).toBe(20);
    expect(server.live.hub.stats.views).toBeLessThanOrEqual(20);
  });

  it('finds no lost or out-of-order event: every page rebuilt from its events equals a fresh GET', async () => {
    const result = await checkSubscribers(subscribers, server.port, agent, run.sentAt);
    expect(result).toMatchObject({ subscribers: 20, outOfOrder: 0, mismatchedPages: 0, closedByServer: 0, eventsWithoutPatch: 0 });
    expect(result.events).toBeGreaterThan(100);
    expect(result.latencies).toHaveLength(result.events);
    // Every kind of page saw changes (new calls reach admin pages, answers reach agents' pages).
    expect(subscribers.filter((s) => s.patches > 0).length).toBeGreaterThanOrEqual(10);
  });

  it('notices a page that missed an event, and an event not sent by the patcher', async () => {
    const victim = subscribers.find((s) => s.patches > 0 && (s.page?.rooms.length ?? 0) > 0)!;
    const page = victim.page!;
    const saved = page.rooms;
    victim.page = { ...page, rooms: saved.slice(1) };
    const sentAt = new Map(run.sentAt);
    sentAt.delete(victim.receipts[0]!);
    try {
      const result = await checkSubscribers(subscribers, server.port, agent, sentAt);
      expect(result.mismatchedPages).toBe(1);
      expect(result.eventsWithoutPatch).toBeGreaterThanOrEqual(1);
    } finally {
      victim.page = page;
    }
  });

  it('counts ids that do not grow, across chunk boundaries', () => {
    const s = newSubscriber(subscribers[0]!.spec);
    const parse = createParseCache();
    receive(s, 'retry: 2000\n\nevent: page\nid: 5\ndata: {"rooms":[],"count":0,"offset":0,"total":0}\n\nevent: pa', 1, parse);
    receive(s, 'tch\nid: 7\ndata: [{"op":"replace","path":"/total","value":1}]\n\n: keep-alive\n\n', 2, parse);
    receive(s, 'event: patch\nid: 6\ndata: [{"op":"replace","path":"/total","value":2}]\n\n', 3, parse);
    expect(s).toMatchObject({ lastId: 7, outOfOrder: 1, patches: 2, receipts: [7, 2, 6, 3], page: { total: 2 } });
  });
});
