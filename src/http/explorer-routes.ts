// The explorer page and the room-query EXTENSION routes it uses, mounted by `serve` (upstream has none):
//   GET /, /explorer/<file>                   the page's built files (see static-assets.ts)
//   GET /api/v1/room-query.demo-users         the demo users with their tokens, only when the server runs on
//                                             generated demo users (404 otherwise: real tokens never leave)
//   GET /api/v1/voip/rooms.explain?<params>   admin only: the plan of that request (explain-route.ts);
//   GET /api/v1/livechat/rooms.explain?<params>  the same for livechat/rooms
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as E from 'fp-ts/lib/Either.js';
import type { RoomCollection } from '../collection/collection.js';
import { ApiErrors, type ConfigError } from '../errors.js';
import type { QueryOptions } from '../options.js';
import { createAuthenticator, type ApiUser, type Authenticate } from './authenticate.js';
import { answerExplain, endpointExplainedAt } from './explain-route.js';
import { queryOptionsOf } from './query-options-of.js';
import type { RouteExtension } from './serve.js';
import { splitUrl } from './split-url.js';
import { sendJson } from './send-json.js';
import { readStaticAssets } from './static-assets.js';
import type { Json } from '../value/to-json-value.js';

export const DEMO_USERS_ROUTE = '/api/v1/room-query.demo-users';
/** Where the page's script and style are served from (index.html is served at `/`). */
export const ASSETS_PREFIX = '/explorer/';

/** A demo user as the page lists it: one click signs in with its id and token. */
export interface ExplorerDemoUser {
  readonly _id: string;
  readonly username: string;
  readonly name?: string;
  readonly roles: ReadonlyArray<string>;
  readonly token: string;
}

export interface ExplorerRoutesOptions extends QueryOptions {
  /** The folder `npm run build` writes the page to (dist/explorer). */
  readonly assetsDir: string;
  readonly users: ReadonlyArray<ApiUser>;
  /** Only for generated demo users: the page offers one-click sign-in as each. */
  readonly demoUsers?: ReadonlyArray<ExplorerDemoUser>;
  /** The rooms the explain route plans over, read per request. */
  readonly collection: () => RoomCollection;
}

/**
 * The routes, or Left when `users` do not make an authenticator (a duplicate `_id`, a malformed hash).
 * @example
 * const explorer = createExplorerRoutes({ assetsDir: 'dist/explorer', users, demoUsers: users, collection: () => rooms });
 * if (E.isRight(explorer)) await serve(api, { port: 3000, host: '127.0.0.1', extensions: explorer.right });
 */
export const createExplorerRoutes = (options: ExplorerRoutesOptions): E.Either<ConfigError, RouteExtension> =>
  E.map((authenticate: Authenticate) => explorerRoutes(options, authenticate))(createAuthenticator(options.users));

const explorerRoutes = (options: ExplorerRoutesOptions, authenticate: Authenticate): RouteExtension => {
  const assets = readStaticAssets(options.assetsDir);
  const queryOptions = queryOptionsOf(options);
  const demoUsers: Json | undefined = options.demoUsers?.map((u) => ({
    _id: u._id,
    username: u.username,
    name: u.name ?? u.username,
    roles: [...u.roles],
    token: u.token,
  }));

  const assetOf = (path: string): string | undefined => {
    if (path === '/' || path === '/index.html') return 'index.html';
    if (!path.startsWith(ASSETS_PREFIX)) return undefined;
    const name = path.slice(ASSETS_PREFIX.length);
    return assets.has(name) && name !== 'index.html' ? name : undefined;
  };

  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? '/';
    const { path } = splitUrl(url);
    const asset = assetOf(path);
    const explained = endpointExplainedAt(path);
    const known = asset !== undefined || path === '/' || path === DEMO_USERS_ROUTE || explained !== undefined;
    if (!known) return false;
    req.resume();
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      sendJson(res, 405, ApiErrors.methodNotAllowed().body, { allow: 'GET, HEAD' });
      return true;
    }
    if (path === DEMO_USERS_ROUTE) {
      if (demoUsers === undefined) sendJson(res, 404, ApiErrors.notFound().body);
      else sendJson(res, 200, { success: true, users: demoUsers }, { 'x-room-query-extension': '1' });
      return true;
    }
    if (explained !== undefined) {
      const answer = answerExplain({ method, url, headers: req.headers }, authenticate, options.collection, queryOptions, explained);
      sendJson(res, answer.status, answer.body, answer.headers);
      return true;
    }
    const file = asset === undefined ? undefined : assets.get(asset);
    if (file === undefined) {
      const text = 'The explorer page is not built: run `npm run build`.\n';
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
      return true;
    }
    res.writeHead(200, file.headers);
    res.end(method === 'HEAD' ? undefined : file.body);
    return true;
  };

  return { handle, close: () => undefined };
};
