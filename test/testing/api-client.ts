// Rocket.Chat's own REST client (@rocket.chat/api-client) pointed at a fixture server: what a service built on
// the official client sends, shared by the voip and livechat client tests.
import { createRequire } from 'node:module';
import type { DemoUsername, FixtureServer } from '../../src/testing/index.js';

// The client is CommonJS; createRequire loads it from these ESM tests as a service would.
const require = createRequire(import.meta.url);
const { RestClient } = require('@rocket.chat/api-client') as typeof import('@rocket.chat/api-client');

export type Page = { rooms: Array<Record<string, unknown>>; count: number; offset: number; total: number; success: boolean };
export type Params = Record<string, string | number | ReadonlyArray<string>>;

const clientAs = (server: FixtureServer<DemoUsername>, user?: DemoUsername) => {
  const client = new RestClient({ baseUrl: server.url });
  if (user !== undefined) client.setCredentials(server.users[user].headers);
  return client;
};

/** A GET of one rooms route (`/v1/voip/rooms`, `/v1/livechat/rooms`): the client's typings know both. */
export const roomsVia =
  (server: () => FixtureServer<DemoUsername>, route: string) =>
  (user: DemoUsername | undefined, params: Params): Promise<Page> =>
    (clientAs(server(), user) as unknown as { get: (e: string, p: Params) => Promise<Page> }).get(route, params);

/** The client rejects with the fetch Response on a non-2xx answer. */
export const failure = async (p: Promise<unknown>): Promise<{ status: number; body: unknown }> => {
  const rejected = await p.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (r: unknown) => r as Response,
  );
  return { status: rejected.status, body: await rejected.json() };
};
