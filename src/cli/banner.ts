// What `room-query serve` prints on start: the demo users with their tokens, then ready-to-paste
// curl lines for both endpoints (voip: an admin page, an agent's own rooms, a filtered and sorted query;
// livechat: queued chats, an agent's open chats, a monitor's view of its units).

import type { DemoUser } from '../fixtures/index.js';
import { LIVECHAT_ROOMS_ROUTE, ROOMS_ROUTE } from '../http/index.js';

export interface BannerOptions {
  readonly users: ReadonlyArray<DemoUser>;
  /** e.g. `http://127.0.0.1:3000` */
  readonly baseUrl: string;
  readonly rooms: number;
  readonly seed: number;
  readonly mode: string;
  /** The queue the filtered example asks for. */
  readonly queue: string;
}

const roleOf = (user: DemoUser): string => user.roles.filter((r) => r !== 'user').join(',') || 'user';

const pad = (s: string, n: number): string => s.padEnd(n);

/** Shell single-quoting (ids and tokens are URL-safe, but names and JSON are not). */
const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

const curl = (baseUrl: string, user: DemoUser, params: ReadonlyArray<string>, route: string = ROOMS_ROUTE): string =>
  [
    params.length === 0 ? 'curl -s' : 'curl -sG',
    q(`${baseUrl}${route}`),
    `-H ${q(`X-User-Id: ${user._id}`)}`,
    `-H ${q(`X-Auth-Token: ${user.token}`)}`,
    ...params.map((p) => `--data-urlencode ${q(p)}`),
  ].join(' ');

/** The lines to print, without trailing newlines. */
export const bannerLines = (options: BannerOptions): ReadonlyArray<string> => {
  const { users, baseUrl } = options;
  const admin = users.find((u) => u.roles.includes('admin'));
  const manager = users.find((u) => u.roles.includes('livechat-manager')) ?? admin;
  const agent = users.find((u) => u.roles.includes('livechat-agent'));
  const lines = [
    `room-query: ${options.rooms} rooms, seed ${options.seed}, mode ${options.mode}`,
    '',
    'demo users:',
    `  ${pad('role', 18)}${pad('_id', 19)}${pad('username', 13)}token`,
    ...users.map((u) => `  ${pad(roleOf(u), 18)}${pad(u._id, 19)}${pad(u.username, 13)}${u.token}`),
    '',
    'try:',
  ];
  if (admin !== undefined) lines.push('# admin: the default page (newest 50 rooms)', curl(baseUrl, admin, []));
  if (agent !== undefined) {
    lines.push(`# ${agent.username}: only the rooms it served`, curl(baseUrl, agent, [`agents[]=${agent._id}`]));
  }
  if (manager !== undefined) {
    lines.push(
      `# ${manager.username}: open calls in queue ${options.queue}, oldest first`,
      curl(baseUrl, manager, ['open=true', `queue=${options.queue}`, 'sort={"ts":1}', 'count=10']),
    );
  }
  const monitor = users.find((u) => u.roles.includes('livechat-monitor'));
  lines.push('', `livechat (${LIVECHAT_ROOMS_ROUTE}):`);
  if (admin !== undefined)
    lines.push('# admin: queued chats, oldest first', curl(baseUrl, admin, ['queued=true', 'sort={"ts":1}'], LIVECHAT_ROOMS_ROUTE));
  if (agent !== undefined) {
    lines.push(`# ${agent.username}: its open chats`, curl(baseUrl, agent, [`agents[]=${agent._id}`, 'open=true'], LIVECHAT_ROOMS_ROUTE));
  }
  if (monitor !== undefined) {
    lines.push(
      `# ${monitor.username}: chats of its units only (Enterprise scope), gold plans`,
      curl(baseUrl, monitor, ['customFields={"plan":"^gold"}', 'count=5'], LIVECHAT_ROOMS_ROUTE),
    );
  }
  return lines;
};

/** With `--users <file>`: the users' tokens are their Rocket.Chat logins, so the curl line has placeholders. */
export const loadedUsersBannerLines = (options: {
  readonly users: ReadonlyArray<{ readonly _id: string; readonly username: string; readonly roles: ReadonlyArray<string> }>;
  readonly baseUrl: string;
  readonly rooms: number;
  readonly mode: string;
}): ReadonlyArray<string> => [
  `room-query: ${options.rooms} rooms, ${options.users.length} users from file, mode ${options.mode}`,
  '',
  'users log in with their Rocket.Chat login tokens (X-User-Id + X-Auth-Token), e.g.:',
  `curl -s ${q(`${options.baseUrl}${ROOMS_ROUTE}?count=5`)} -H 'X-User-Id: <user _id>' -H 'X-Auth-Token: <login token>'`,
];

/** The newest open room: the first row of the stream line's page, so the patch line's change shows there. */
const newestOpenRoom = (rooms: ReadonlyArray<{ readonly [field: string]: unknown }>): string | undefined => {
  let best: { id: string; ts: number } | undefined;
  for (const room of rooms) {
    const ts = room['ts'] instanceof Date ? room['ts'].getTime() : Number.NaN;
    if (!('open' in room) || typeof room['_id'] !== 'string' || Number.isNaN(ts)) continue;
    if (best === undefined || ts > best.ts) best = { id: room['_id'], ts };
  }
  return best?.id;
};

/** `serve --live`: ready curl lines for the extension routes, both streams (the admin's; placeholders with loaded users). */
export const liveBannerLines = (options: {
  readonly baseUrl: string;
  readonly admin: { readonly _id: string; readonly token: string } | undefined;
  readonly rooms: ReadonlyArray<{ readonly [field: string]: unknown }>;
}): ReadonlyArray<string> => {
  const { baseUrl } = options;
  const id = options.admin?._id ?? '<admin _id>';
  const token = options.admin?.token ?? '<login token>';
  const room = newestOpenRoom(options.rooms) ?? '<room _id>';
  const auth = `-H ${q(`X-User-Id: ${id}`)} -H ${q(`X-Auth-Token: ${token}`)}`;
  return [
    'room-query extensions (--live):',
    '# the newest open calls, followed live (Server-Sent Events: a page, then JSON Patch events; Ctrl-C stops)',
    `curl -sN ${q(`${baseUrl}${ROOMS_ROUTE}.stream?open=true&count=5`)} ${auth}`,
    '# livechat: the queued chats, followed live (each with its department, as GET livechat/rooms returns them)',
    `curl -sN ${q(`${baseUrl}${LIVECHAT_ROOMS_ROUTE}.stream?queued=true&count=5`)} ${auth}`,
    '# admin only: tag a room (a JSON Patch); the stream above and GET rooms show the change',
    `curl -s -X POST ${q(`${baseUrl}${ROOMS_ROUTE}.patch`)} ${auth} -H 'Content-Type: application/json' --data ${q(JSON.stringify([{ op: 'add', path: `/${room}/tags`, value: ['vip'] }]))}`,
  ];
};
