// GET /api/v1/voip/rooms as an endpoint definition: call rooms (`t: 'v'`); admins see all, an agent only
// the rooms it served; pages are returned as projected.
import { scopeQuery } from '../auth/scope-query.js';
import { parseRoomsParams } from '../request/parse-rooms-params.js';
import type { Endpoint } from './endpoint.js';

export const VOIP_ROOMS: Endpoint = Object.freeze<Endpoint>({
  name: 'voip',
  route: '/api/v1/voip/rooms',
  roomType: 'v',
  parse: parseRoomsParams,
  scope: (query, principal, options) => scopeQuery(query, principal, options.permissions),
  decorate: () => undefined,
  mongoTieBreak: (mode) => mode === 'default',
});
