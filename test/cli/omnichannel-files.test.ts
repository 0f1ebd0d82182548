// The omnichannel side of the CLI: `generate --endpoint all --omnichannel-out` writes what `serve`/`query`
// read back with --departments, --units, --unit-monitors and --department-agents — the same dataset `serve`
// generates (`npm start`), answering the same pages — and bad files are one clear line, exit code 1, no stack.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/cli/load-data.js';
import { omnichannelFilePaths } from '../../src/cli/omnichannel-files.js';
import { parseCliArgs } from '../../src/cli/parse-cli-args.js';
import { runGenerate } from '../../src/cli/run-generate.js';
import { LIVECHAT_ROOMS } from '../../src/endpoint/endpoints.js';
import { queryEndpointRooms, toJsonValue } from '../../src/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'room-query-omnichannel-'));
const quiet = () => new PassThrough().resume();
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('the omnichannel file flags', () => {
  it('parse on serve, query and explain; an empty path is refused', () => {
    const parsed = parseCliArgs(['query', 'count=1', '--departments', 'd.json', '--units', 'u.json', '--unit-monitors', 'm.json']);
    expect(parsed).toEqual(
      E.right(expect.objectContaining({ omnichannel: { departments: 'd.json', units: 'u.json', unitMonitors: 'm.json' } })),
    );
    expect(parseCliArgs(['serve', '--department-agents', 'a.json'])).toEqual(
      E.right(expect.objectContaining({ kind: 'serve', omnichannel: { departmentAgents: 'a.json' } })),
    );
    expect(parseCliArgs(['explain', 'count=1', '--units', ' '])).toEqual(E.left('--units must not be empty'));
    expect(parseCliArgs(['query', 'count=1'])).toEqual(E.right(expect.not.objectContaining({ omnichannel: expect.anything() })));
  });

  it('generate --endpoint all --omnichannel-out, read back with the flags = the dataset serve generates, same answers', async () => {
    const out = join(dir, 'both.ndjson');
    const omni = join(dir, 'omni');
    const written = await runGenerate(
      { kind: 'generate', endpoint: 'all', count: 400, seed: 3, out, format: 'ndjson', progress: 'off', omnichannelOut: omni },
      { stdout: quiet(), stderr: quiet() },
    );
    expect(written).toEqual(E.right(800));
    const files = omnichannelFilePaths(omni);
    const base = { seed: 3, mode: 'default' as const };
    const fromFiles = await loadData({ ...base, rooms: { kind: 'file', path: out }, omnichannel: files });
    const generated = await loadData({ ...base, rooms: { kind: 'generate', count: 400 } });
    if (E.isLeft(fromFiles) || E.isLeft(generated)) throw new Error('load failed');
    expect(fromFiles.right.rooms).toEqual(generated.right.rooms);
    expect(fromFiles.right.omnichannel).toEqual(generated.right.omnichannel);
    expect(fromFiles.right.users).toEqual(generated.right.users);
    const monitor = generated.right.users.find((u) => u.username === 'monitor')!;
    for (const params of ['count=100', 'queued=true', 'customFields={"plan":"^gold"}&sort={"fname":1}']) {
      const page = (d: typeof generated.right) =>
        toJsonValue(queryEndpointRooms(LIVECHAT_ROOMS, d.rooms, params, monitor, { omnichannel: d.omnichannel! }));
      expect(page(fromFiles.right)).toEqual(page(generated.right));
    }
  });

  it('--units: a units export (type "u" documents) merges with the departments', async () => {
    const omni = join(dir, 'omni');
    const departments = readFileSync(omnichannelFilePaths(omni).departments, 'utf8').split('\n');
    const units = departments.filter((l) => l.includes('"type":"u"'));
    writeFileSync(join(dir, 'departments-only.json'), departments.filter((l) => !l.includes('"type":"u"')).join('\n'));
    writeFileSync(join(dir, 'units.json'), units.join('\n'));
    const data = await loadData({
      seed: 3,
      mode: 'default',
      rooms: { kind: 'generate', count: 1 },
      omnichannel: { departments: join(dir, 'departments-only.json'), units: join(dir, 'units.json') },
    });
    if (E.isLeft(data)) throw new Error(data.left);
    expect(data.right.omnichannel?.units).toHaveLength(units.length);
    expect(data.right.omnichannel?.departments).toHaveLength(4);
    expect(data.right.omnichannel?.unitMonitors).toEqual([]);
  });

  it('a bad file: one line naming the flag, the file and the line; exit code 1; no stack', () => {
    const bad = join(dir, 'bad-monitors.json');
    writeFileSync(bad, '{"monitorId":"m1","unitId":"u1"}\n{"monitorId":7}\n');
    const run = cli('query', 'count=1', '--endpoint', 'livechat', '--rooms', '5', '--unit-monitors', bad);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(
      `room-query: --unit-monitors: ${bad} line 2 (document 2): /monitorId: expected a unit monitor (monitorId, unitId strings)`,
    );
    const missing = cli('serve', '--port', '0', '--departments', join(dir, 'nope.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^room-query: --departments: .*nope\.json: cannot read/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, '{"_id": "d1", name: }\n');
    const explain = cli('explain', 'count=1', '--endpoint', 'livechat', '--departments', notJson);
    expect(explain.status).toBe(1);
    expect(explain.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(explain.stderr).toContain('--departments: ');
  });
});
