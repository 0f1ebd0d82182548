// Shared setup of the explorer's browser tests: the page built with esbuild into a temporary folder (so a
// fresh clone needs no prior build), `serve` started in-process on an ephemeral port, headless Chromium.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { chromium, type Browser } from 'playwright-core';
import { buildExplorer } from '../../scripts/build-explorer.js';
import type { ServeCommand } from '../../src/cli/commands.js';
import { DEFAULT_RATE_LIMIT } from '../../src/cli/option-values.js';
import { runServe } from '../../src/cli/run-serve.js';
import { generateUsers, type DemoUser } from '../../src/fixtures/generate-users.js';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const SEED = 7;
export const ROOMS = 400;
export const users: ReadonlyArray<DemoUser> = generateUsers({ seed: SEED });
export const byName = (username: string): DemoUser => {
  const u = users.find((x) => x.username === username);
  if (u === undefined) throw new Error(`no demo user ${username}`);
  return u;
};

/** Builds the page once into a temporary folder; returns it and its cleanup. */
export const buildPage = async (): Promise<{ dir: string; remove: () => Promise<void> }> => {
  const dir = await mkdtemp(join(tmpdir(), 'room-query-explorer-'));
  await buildExplorer(dir);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
};

export interface RunningServer {
  readonly base: string;
  readonly close: () => Promise<void>;
  /** The API's own answer, asked from node with `user`'s headers. */
  readonly api: (
    user: DemoUser,
    query: string,
  ) => Promise<{ status: number; text: string; body: { total: number; rooms: Array<{ _id: string }> } }>;
}

export const startServer = async (
  explorerDir: string,
  options: { live: boolean; rateLimit?: ServeCommand['rateLimit'] },
): Promise<RunningServer> => {
  const command: ServeCommand = {
    kind: 'serve',
    rooms: { kind: 'generate', count: ROOMS },
    seed: SEED,
    mode: 'default',
    port: 0,
    host: '127.0.0.1',
    // What `npm start` runs with: 600 calls a minute per user, 10 failed authentications per address and route.
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    log: false,
    watch: false,
    live: options.live,
    explorerDir,
  };
  const started = await runServe(command, { out: () => undefined, err: () => undefined });
  if (E.isLeft(started)) throw new Error(started.left);
  const server: Server = started.right;
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
    api: async (user, query) => {
      const res = await fetch(`${base}/api/v1/voip/rooms${query === '' ? '' : `?${query}`}`, {
        headers: { 'X-User-Id': user._id, 'X-Auth-Token': user.token },
      });
      const text = await res.text();
      return { status: res.status, text, body: JSON.parse(text) as { total: number; rooms: Array<{ _id: string }> } };
    },
  };
};

export const launchChromium = (): Promise<Browser> => {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (as .ci/run does), or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
};
