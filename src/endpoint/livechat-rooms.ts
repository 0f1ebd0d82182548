// GET /api/v1/livechat/rooms as an endpoint definition: livechat rooms (`t: 'l'`); voip's permission check
// plus the Enterprise monitor scope; each returned room gets its department; ties always by `_id`.
import { scopeLivechatQuery } from '../auth/livechat/scope-livechat-query.js';
import type { LivechatQuery } from '../query/livechat-query.js';
import { parseLivechatParams } from '../request/livechat/parse-livechat-params.js';
import { attachDepartment, departmentNames } from './attach-departments.js';
import type { Endpoint } from './endpoint.js';

export const LIVECHAT_ROOMS: Endpoint = Object.freeze<Endpoint>({
  name: 'livechat',
  route: '/api/v1/livechat/rooms',
  roomType: 'l',
  parse: parseLivechatParams,
  // Only ever called with this endpoint's own parse output (prepareEndpointQuery chains them).
  scope: (query, principal, options) => scopeLivechatQuery(query as LivechatQuery, principal, options),
  decorate: (options) => {
    const names = departmentNames(options.omnichannel);
    return names.size === 0 ? undefined : (room) => attachDepartment(names, room);
  },
  mongoTieBreak: () => true,
});
