// The load run's mix of subscriptions: 40% admin pages (counts 10–100, offsets 0–1000, newest or oldest
// first, some open calls only), 40% agents' own pages (all 50 agents, count 50 or 25), 20% filtered pages
// (a queue's open or closed calls, either order). Subscribers of the same query share a view on the server.
import type { SubscriberSpec, LoadUser } from './subscriber.js';

const OLDEST_FIRST = `sort=${encodeURIComponent('{"ts":1}')}`;

/** Subscriber i's query. */
export const specOf = (i: number, admin: LoadUser, agents: ReadonlyArray<LoadUser>): SubscriberSpec => {
  const k = i % 10;
  const j = Math.floor(i / 10);
  if (k < 4) {
    const count = [10, 25, 50, 100][k] as number;
    const offset = [0, 0, 0, 50, 200, 1000][j % 6] as number;
    const params = [`count=${count}`, `offset=${offset}`];
    if (k === 1) params.push('open=true');
    if (j % 12 >= 6) params.push(OLDEST_FIRST);
    return { user: admin, params: params.join('&') };
  }
  if (k < 8) {
    const agent = agents[(j + k * 7) % agents.length] as LoadUser & { _id: string };
    return { user: agent, params: `count=${k < 6 ? 50 : 25}&agents[]=${agent._id}` };
  }
  const params = [`count=50`, `open=${k === 8}`, `queue=800${1 + (j % 5)}`];
  if (j % 10 >= 5) params.push(OLDEST_FIRST);
  return { user: admin, params: params.join('&') };
};
