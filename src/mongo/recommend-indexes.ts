// The MongoDB indexes that serve GET /api/v1/voip/rooms, each with the request shape it serves.
//
// Why these: MongoDB serves a find with a sort from one index when the index holds the equality
// fields first, then the sort keys in order (ESR: Equality, Sort, Range). Every query here has the
// equality `t: 'v'` and sorts by `ts` desc (then `_id` asc in default mode, the tie-break), and a
// createdAt range is a range on the sort key itself, so `{t, <equality>, ts: -1, _id: 1}` answers a
// page by reading offset+count index entries instead of sorting all matches in memory. Residual
// filters (tags, direction, closedAt, roomName) are checked on the documents the index walk fetches.
// Not indexed on purpose: roomName (an unanchored case-insensitive regex cannot bound an index scan).
import type { Mode } from '../options.js';
import type { MongoFilter } from './mongo-query.js';

export interface IndexRecommendation {
  /** Index name, for `createIndex(key, { name, partialFilterExpression })`. */
  readonly name: string;
  /** The key pattern, fields in order (no integer-like names, so a plain object keeps the order). */
  readonly key: Readonly<Record<string, 1 | -1>>;
  /** Only documents matching this are indexed (MongoDB partial index). */
  readonly partialFilterExpression?: MongoFilter;
  /** The request shape it serves, in words. */
  readonly serves: string;
  /** A request (query string) of that shape, with who sends it. */
  readonly example: { readonly search: string; readonly as: 'admin' | 'agent' };
  /** `essential`: every deployment needs it; `workload`: create it if that filter is used a lot. */
  readonly priority: 'essential' | 'workload';
}

export interface RecommendIndexesOptions {
  /** rocketchat mode sorts without the `_id` tie-break, so the indexes end at `ts`. Default `default`. */
  readonly mode?: Mode;
}

/**
 * Index specs for the endpoint's workload.
 * @example
 * import { recommendIndexes } from 'room-query/mongo';
 * for (const { key, name, partialFilterExpression } of recommendIndexes()) {
 *   await db.collection('rocketchat_room').createIndex(key, { name, ...(partialFilterExpression && { partialFilterExpression }) });
 * }
 */
export const recommendIndexes = (options: RecommendIndexesOptions = {}): ReadonlyArray<IndexRecommendation> => {
  const order: Record<string, 1 | -1> = options.mode === 'rocketchat' ? { ts: -1 } : { ts: -1, _id: 1 };
  const list: IndexRecommendation[] = [
    {
      name: 'voip_ts',
      key: { t: 1, ...order },
      serves:
        'every listing newest first: the admin page, createdAt ranges, and the residual filters (tags, direction, closedAt, roomName, open=false)',
      example: { search: 'createdAt={"start":"2023-01-01T00:00:00Z"}&direction=inbound', as: 'admin' },
      priority: 'essential',
    },
    {
      name: 'voip_agent_ts',
      key: { t: 1, 'servedBy._id': 1, ...order },
      serves: "an agent's own rooms (the permission scope: servedBy._id equality), newest first",
      example: { search: 'agents[]={agent}', as: 'agent' },
      priority: 'essential',
    },
    {
      name: 'voip_open_ts',
      key: order,
      partialFilterExpression: { t: 'v', open: { $exists: true } },
      serves: 'open calls (open=true), newest first: a small index holding open call rooms only',
      example: { search: 'open=true', as: 'admin' },
      priority: 'essential',
    },
    {
      name: 'voip_visitor_ts',
      key: { t: 1, 'v._id': 1, ...order },
      serves: "one caller's history (visitorId), newest first",
      example: { search: 'visitorId=vis-1', as: 'admin' },
      priority: 'workload',
    },
    {
      name: 'voip_queue_ts',
      key: { t: 1, queue: 1, ...order },
      serves: 'one queue (queue=8001), newest first',
      example: { search: 'queue=8001', as: 'admin' },
      priority: 'workload',
    },
    {
      name: 'voip_agent_username_ts',
      key: { t: 1, 'servedBy.username': 1, ...order },
      serves:
        "an admin's agents filter: with voip_agent_ts, each branch of its $or (servedBy._id / servedBy.username) has an index, so MongoDB can merge two index scans instead of filtering every call room",
      example: { search: 'agents[]=alice', as: 'admin' },
      priority: 'workload',
    },
  ];
  return Object.freeze(list.map((r) => Object.freeze(r)));
};
