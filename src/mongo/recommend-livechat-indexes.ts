// The MongoDB indexes that serve GET /api/v1/livechat/rooms (ESR: equalities, then the sort `ts` desc
// and the `_id` tie-break). customFields regexes and the roomName substring are residual: an unanchored
// case-insensitive pattern cannot bound an index scan.
import type { IndexRecommendation } from './recommend-indexes.js';

/**
 * Index specs for livechat/rooms' workload.
 * @example
 * for (const { key, name, partialFilterExpression } of recommendLivechatIndexes()) {
 *   await db.collection('rocketchat_room').createIndex(key, { name, ...(partialFilterExpression && { partialFilterExpression }) });
 * }
 */
export const recommendLivechatIndexes = (): ReadonlyArray<IndexRecommendation> => {
  const order = { ts: -1, _id: 1 } as const;
  const list: IndexRecommendation[] = [
    {
      name: 'livechat_ts',
      key: { t: 1, ...order },
      serves:
        'every listing newest first (Current Chats), createdAt ranges, and the residual filters (roomName, customFields, tags, closedAt)',
      example: { search: 'createdAt={"start":"2023-01-01T00:00:00Z"}', as: 'admin' },
      priority: 'essential',
    },
    {
      name: 'livechat_agent_ts',
      key: { t: 1, 'servedBy._id': 1, ...order },
      serves: "an agent's own rooms (the permission scope), newest first",
      example: { search: 'agents[]={agent}', as: 'agent' },
      priority: 'essential',
    },
    {
      name: 'livechat_open_ts',
      key: order,
      partialFilterExpression: { t: 'l', open: { $exists: true } },
      serves: 'open, queued and on-hold rooms (open=true, queued=true, onhold=true), newest first: only open rooms are indexed',
      example: { search: 'queued=true', as: 'admin' },
      priority: 'essential',
    },
    {
      name: 'livechat_department_ts',
      key: { t: 1, departmentId: 1, ...order },
      serves: 'one department or a list of them (departmentId), and the monitor scope (departmentId in its departments)',
      example: { search: 'departmentId=sales', as: 'admin' },
      priority: 'workload',
    },
    {
      name: 'livechat_units_ts',
      key: { t: 1, departmentAncestors: 1, ...order },
      serves: "a monitor's units (Enterprise scope) and units[]=, newest first",
      example: { search: 'units[]=north', as: 'admin' },
      priority: 'workload',
    },
  ];
  return Object.freeze(list.map((r) => Object.freeze(r)));
};
