// Every endpoint room-query answers, and lookup by name (CLI `--endpoint`) or route (HTTP).
import type { Endpoint } from './endpoint.js';
import { LIVECHAT_ROOMS } from './livechat-rooms.js';
import { VOIP_ROOMS } from './voip-rooms.js';

export const ENDPOINTS: ReadonlyArray<Endpoint> = Object.freeze([VOIP_ROOMS, LIVECHAT_ROOMS]);

export const endpointNamed = (name: string): Endpoint | undefined => ENDPOINTS.find((e) => e.name === name);

export const endpointAt = (route: string, among: ReadonlyArray<Endpoint> = ENDPOINTS): Endpoint | undefined =>
  among.find((e) => e.route === route);

export { LIVECHAT_ROOMS, VOIP_ROOMS };
