// A seeded stream of realistic call-center patches over generated rooms: each new call is answered,
// closed and tagged a few steps later, and old rooms get tagged (off every first page).
import type { Room } from '../../src/index.js';

/** What the stream needs to know about the rooms (small enough to send to another process). */
export interface StreamSeed {
  /** A room as JSON, the shape of every new call. */
  readonly template: Record<string, unknown>;
  /** The newest `ts` (epoch ms): new calls come after it. */
  readonly newest: number;
  /** Ids of existing rooms to tag. */
  readonly ids: ReadonlyArray<string>;
}

export const streamSeed = (rooms: ReadonlyArray<Room>, maxIds = rooms.length): StreamSeed => {
  const template = JSON.parse(JSON.stringify(rooms[0])) as Record<string, unknown>;
  for (const k of ['servedBy', 'closedAt', 'closedBy', 'closer', 'callDuration', 'tags']) delete template[k];
  let newest = 0;
  for (const r of rooms) newest = Math.max(newest, (r['ts'] as Date).getTime());
  const step = Math.max(1, Math.floor(rooms.length / maxIds));
  const ids: string[] = [];
  for (let i = 0; i < rooms.length && ids.length < maxIds; i += step) ids.push(rooms[i]!['_id'] as string);
  return { template, newest, ids };
};

export const changeStreamFrom = (
  seedOf: StreamSeed,
  agents: ReadonlyArray<{ _id: string; username: string }>,
  count: number,
  prefix = 'live',
): unknown[][] => {
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const { template, newest, ids } = seedOf;
  const out: unknown[][] = [];
  for (let k = 0; out.length < count; k++) {
    const id = `${prefix}-${k}`;
    const ts = new Date(newest + (k + 1) * 1000).toISOString();
    out.push([{ op: 'add', path: `/${id}`, value: { ...template, _id: id, ts, callStarted: ts, open: true } }]); // new call
    const a = agents[rand(agents.length)] as { _id: string; username: string };
    if (k >= 1) out.push([{ op: 'add', path: `/${prefix}-${k - 1}/servedBy`, value: { _id: a._id, username: a.username, ts } }]); // answer
    if (k >= 2)
      out.push([
        { op: 'remove', path: `/${prefix}-${k - 2}/open` },
        { op: 'add', path: `/${prefix}-${k - 2}/closedAt`, value: ts },
      ]); // close
    if (k >= 3) out.push([{ op: 'add', path: `/${prefix}-${k - 3}/tags`, value: ['vip'] }]); // tag
    const old = ids[rand(ids.length)] as string;
    out.push([{ op: 'add', path: `/${old}/tags`, value: ['billing'] }]); // tag an old room (off every first page)
  }
  return out.slice(0, count);
};

export const changeStream = (
  rooms: ReadonlyArray<Room>,
  agents: ReadonlyArray<{ _id: string; username: string }>,
  count: number,
): unknown[][] => changeStreamFrom(streamSeed(rooms), agents, count);
