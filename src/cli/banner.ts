// What `room-query serve` prints on start: the demo users with their tokens, then ready-to-paste
// curl lines (an admin page, an agent's own rooms, a filtered and sorted query).

import type { DemoUser } from '../fixtures/index.js';
import { ROOMS_ROUTE } from '../http/index.js';

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

const curl = (baseUrl: string, user: DemoUser, params: ReadonlyArray<string>): string =>
  [
    params.length === 0 ? 'curl -s' : 'curl -sG',
    q(`${baseUrl}${ROOMS_ROUTE}`),
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
