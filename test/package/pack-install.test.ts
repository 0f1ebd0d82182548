// The published package as a user gets it: `npm pack` holds only dist/ (JS + .d.ts, the explorer page),
// README and package.json; installed into a fresh project, the README example type-checks and runs against
// it, `room-query/testing` loads, and the `room-query` bin works (its server shows the explorer at /).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { entryPoints } from '../docs/api-reference.js';
import { codeBlocks } from '../docs/code-blocks.js';
import { newAppWithPackage, packTarball, ROOT, TSX, type Packed } from './pack.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
};
let packed: Packed;
let tarball = '';
let app = '';

const node = (args: string[], cwd = app) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 120_000 });

beforeAll(() => {
  packed = packTarball();
  tarball = packed.tarball;
  app = newAppWithPackage(packed, 'new-user-app');
}, 600_000);

afterAll(() => rmSync(packed.work, { recursive: true, force: true }));

describe('the packed package', () => {
  it('holds only dist/ JavaScript and declarations, the explorer page, README.md and package.json', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((f) => f.replace(/^package\//, ''));
    const page = ['dist/explorer/index.html', 'dist/explorer/explorer.js', 'dist/explorer/explorer.css'];
    const stray = files.filter((f) => !(f === 'package.json' || f === 'README.md' || /^dist\/.+\.(js|d\.ts)$/.test(f) || page.includes(f)));
    expect(stray).toEqual([]);
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/testing/index.js', 'dist/testing/index.d.ts', 'dist/cli/main.js', ...page])
      expect(files).toContain(f);
  });

  it('installs, and the README example type-checks and runs against it', () => {
    const blocks = codeBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8')).filter((b) => b.lang === 'ts' && b.notRun === undefined);
    expect(blocks.length).toBeGreaterThan(0);
    blocks.forEach((b, i) => writeFileSync(join(app, `readme-${i}.ts`), b.code));
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules/@types')],
        },
        include: ['*.ts'],
      }),
    );
    const tsc = node([join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
    expect(tsc.stdout + tsc.stderr).toBe('');
    blocks.forEach((b, i) => {
      const res = node(['--import', TSX, `readme-${i}.ts`]);
      expect(res.status, res.stderr).toBe(0);
      for (const text of b.prints) expect(res.stdout).toContain(text);
    });
  });

  it('resolves every entry point of package.json exports, with its declarations', () => {
    const specifiers = entryPoints(ROOT).map(([specifier]) => specifier);
    writeFileSync(
      join(app, 'entries.mjs'),
      `for (const s of ${JSON.stringify(specifiers)}) console.log(s, Object.keys(await import(s)).length > 0);`,
    );
    const res = node(['entries.mjs']);
    expect(res.stderr).toBe('');
    expect(res.stdout.trim().split('\n')).toEqual(specifiers.map((s) => `${s} true`));
    for (const [, file] of entryPoints(ROOT))
      expect(existsSync(join(app, 'node_modules', pkg.name, file.replace(/^src\//, 'dist/').replace(/\.ts$/, '.d.ts')))).toBe(true);
  });

  it('starts the fixture server from the installed room-query/testing', () => {
    writeFileSync(
      join(app, 'entry.mjs'),
      [
        "import { queryRooms } from 'room-query';",
        "import { toNodeListener } from 'room-query/http';",
        "import { startFixtureServer } from 'room-query/testing';",
        'const server = await startFixtureServer({ rooms: 10 });',
        'const res = await fetch(server.roomsUrl, { headers: server.users.admin.headers });',
        'console.log(typeof queryRooms, typeof toNodeListener, res.status);',
        'await server.close();',
      ].join('\n'),
    );
    const res = node(['entry.mjs']);
    expect(res.stderr).toBe('');
    expect(res.stdout.trim()).toBe('function function 200');
  });

  it('installs the room-query command', () => {
    const bin = join(app, 'node_modules/.bin/room-query');
    const res = spawnSync(bin, ['query', 'count=2', '--rooms', '20'], { cwd: app, encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain('2 of 20 rooms');
    const bad = spawnSync(bin, ['query'], { cwd: app, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('serves the explorer page at / from the installed room-query serve', async () => {
    const child = spawn(join(app, 'node_modules/.bin/room-query'), ['serve', '--rooms', '20', '--port', '0', '--no-log'], { cwd: app });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    try {
      const base = await vi.waitFor(
        () => {
          const m = /^listening on (\S+)$/m.exec(stdout);
          if (m?.[1] === undefined) throw new Error('not listening yet');
          return m[1];
        },
        { timeout: 30_000, interval: 50 },
      );
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect((await fetch(`${base}/explorer/explorer.js`)).status).toBe(200);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
