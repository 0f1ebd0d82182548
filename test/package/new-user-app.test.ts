// The new user's scenario, end to end, against the packed tarball installed into an empty project:
// a TypeScript service (type-checked with strict settings, then run) over 50k rooms with typed results,
// a live query, a vitest suite and a jest suite against the fixture server, and CommonJS `require()` of
// every entry in package.json `exports` (so it follows whatever entries the package has).
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAppWithPackage, packTarball, ROOT, TSX, type Packed } from './pack.js';

let packed: Packed;
let app = '';

const run = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [...args], {
    cwd: app,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });

const SERVICE = `// A node:http service over 50k rooms, as a user writes it: no casts, no fp-ts import.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fieldsParam, queryRooms, type VoipRoom } from 'room-query';
import { generateRooms, generateUsers } from 'room-query/fixtures';
import { createRoomsApi, toNodeListener } from 'room-query/http';

const rooms = generateRooms({ count: 50_000, seed: 11 });
const users = generateUsers({ seed: 11 });
const admin = users[0]!;

const page = queryRooms(rooms, 'open=true&count=3', admin);
if (page._tag === 'Left') throw new Error(JSON.stringify(page.left.body));
const newest: VoipRoom | undefined = page.right.rooms[0];
const queues: string[] = page.right.rooms.map((room) => room.queue);
const slim = queryRooms(rooms, { fields: fieldsParam(['name']), count: '2' }, admin);
const names: string[] = slim._tag === 'Right' ? slim.right.rooms.map((room) => room.name) : [];

const api = createRoomsApi({ rooms, users });
if (api._tag === 'Left') throw new Error(api.left.message);
const server = createServer(toNodeListener(api.right));
await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
const { port } = server.address() as AddressInfo;
const get = async (search: string) => {
  const res = await fetch(\`http://127.0.0.1:\${port}/api/v1/voip/rooms?\${search}\`, { headers: { 'X-User-Id': admin._id, 'X-Auth-Token': admin.token } });
  return { status: res.status, body: (await res.json()) as { total?: number; error?: string } };
};
const ok = await get('count=5');
const typo = await get('agent=x');
console.log(\`service: \${ok.status} total \${ok.body.total}; newest open \${newest?.t}; \${queues.length} queues; \${names.length} names\`);
console.log(\`typo: \${typo.status} \${typo.body.error}\`);
server.close();
`;

const LIVE = `// A live query over a store, following the page with applyPagePatch.
import { generateRooms, generateUsers } from 'room-query/fixtures';
import { createRoomStore } from 'room-query/store';
import { applyPagePatch, liveRooms, type LivePage } from 'room-query/live';

const [admin] = generateUsers({ seed: 11 });
const store = createRoomStore(generateRooms({ count: 500, seed: 11 }));
if (store._tag === 'Left') throw new Error(store.left.reason);
let page: LivePage | undefined;
let patches = 0;
const live = liveRooms(store.right, 'open=true&count=5', admin!, {}, (event) => {
  if (event.kind === 'page') page = event.page;
  else {
    patches += 1;
    page = applyPagePatch(page!, event.patch);
  }
});
if (live._tag === 'Left') throw new Error(JSON.stringify(live.left.body));
const before = page!.total;
const first = page!.rooms[0] as { _id: string };
const closed = store.right.apply([{ op: 'remove', path: \`/\${first._id}/open\` }]);
console.log(\`live: \${closed._tag} \${before} -> \${page!.total} after \${patches} patch; same as re-read: \${JSON.stringify(page) === JSON.stringify(live.right.page())}\`);
live.right.close();
`;

const TSCONFIG = {
  compilerOptions: {
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    target: 'ES2022',
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: false,
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules/@types')],
  },
  include: ['service.ts', 'live.ts'],
};

const VITEST_SUITE = `// The app's own vitest suite against the fixture server (vitest globals: the app has no vitest install here).
import { startFixtureServer, type FixtureServer } from 'room-query/testing';

let server: FixtureServer;
beforeAll(async () => { server = await startFixtureServer({ rooms: 200, seed: 7 }); });
afterAll(() => server.close());

it('pages as admin, scopes an agent, refuses an agent asking for all', async () => {
  const page = (await (await fetch(\`\${server.roomsUrl}?count=5\`, { headers: server.users.admin.headers })).json()) as { count: number; total: number };
  expect(page).toMatchObject({ count: 5, total: 200 });
  const alice = server.users['agent.alice'];
  const own = await fetch(\`\${server.roomsUrl}?agents[]=\${alice._id}\`, { headers: alice.headers });
  expect(own.status).toBe(200);
  expect((await fetch(\`\${server.roomsUrl}?count=5\`, { headers: alice.headers })).status).toBe(403);
});
`;

const JEST_SUITE = `// The app's jest suite against the fixture server. On Node < 24.9 jest loads ES modules only in its ESM
// mode (NODE_OPTIONS=--experimental-vm-modules); from Node 24.9 it can require() them as well.
import { startFixtureServer } from 'room-query/testing';

let server;
beforeAll(async () => { server = await startFixtureServer({ rooms: 100, seed: 3 }); });
afterAll(() => server.close());

test('admin gets the newest rooms first', async () => {
  const res = await fetch(\`\${server.roomsUrl}?count=3\`, { headers: server.users.admin.headers });
  const page = await res.json();
  expect(res.status).toBe(200);
  expect(page.count).toBe(3);
  expect(page.rooms.map((r) => r.ts)).toEqual([...page.rooms.map((r) => r.ts)].sort().reverse());
});
`;

const REQUIRE_ALL = `// CommonJS: require() every entry the package exports (Node >= 20.19 loads ES modules through require).
const { exports: entries, name } = require('room-query/package.json');
for (const key of Object.keys(entries)) {
  if (key === './package.json') continue;
  const specifier = key === '.' ? name : name + key.slice(1);
  const loaded = require(specifier);
  console.log(specifier, Object.keys(loaded).length > 0 ? 'ok' : 'empty');
}
const { startFixtureServer } = require('room-query/testing');
startFixtureServer({ rooms: 10 }).then(async (server) => {
  const res = await fetch(server.roomsUrl, { headers: server.users.admin.headers });
  console.log('fixture server from require():', res.status);
  await server.close();
});
`;

beforeAll(() => {
  packed = packTarball();
  app = newAppWithPackage(packed, 'new-user-service');
  const files: Record<string, string> = {
    'service.ts': SERVICE,
    'live.ts': LIVE,
    'tsconfig.json': JSON.stringify(TSCONFIG),
    'rooms.vitest.test.ts': VITEST_SUITE,
    'vitest.config.mjs': "export default { test: { globals: true, include: ['**/*.vitest.test.ts'] } };\n",
    'rooms.jest.test.mjs': JEST_SUITE,
    'require-all.cjs': REQUIRE_ALL,
  };
  for (const [file, text] of Object.entries(files)) writeFileSync(join(app, file), text);
}, 600_000);

afterAll(() => rmSync(packed.work, { recursive: true, force: true }));

describe('a new user’s app on the installed package', () => {
  it('type-checks the service and the live query with strict settings', () => {
    const tsc = run([join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('runs the service over 50k rooms', () => {
    const res = run(['--import', TSX, 'service.ts']);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain('service: 200 total 50000; newest open v; 3 queues; 2 names');
    expect(res.stdout).toContain('typo: 400 unknown parameter "agent" (did you mean "agents"?) [invalid-params]');
  });

  it('runs a live query', () => {
    const res = run(['--import', TSX, 'live.ts']);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^live: Right (\d+) -> (\d+) after 1 patch; same as re-read: true$/m);
    const [, before, after] = /live: Right (\d+) -> (\d+)/.exec(res.stdout) ?? [];
    expect(Number(after)).toBe(Number(before) - 1);
  });

  it('runs its vitest suite against the fixture server', () => {
    const res = run([join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', app, '--config', join(app, 'vitest.config.mjs')]);
    expect(res.status, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toMatch(/1 passed/);
  });

  it('runs its jest suite against the fixture server', () => {
    const res = run([join(ROOT, 'node_modules/jest/bin/jest.js'), '--rootDir', app, '--testMatch', '**/*.jest.test.mjs', '--ci'], {
      NODE_OPTIONS: '--experimental-vm-modules',
    });
    expect(res.status, res.stdout + res.stderr).toBe(0);
    expect(res.stderr).toMatch(/Tests:\s+1 passed, 1 total/);
  });

  it('require()s every entry of package.json exports from CommonJS', () => {
    const res = run(['require-all.cjs']);
    expect(res.status, res.stderr).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^room-query(\/[\w-]+)? ok$/);
    expect(lines.at(-1)).toBe('fixture server from require(): 200');
  });
});
