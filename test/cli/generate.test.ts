// `generate` writes what `--rooms <file>` reads back: JSON arrays and NDJSON, identical rooms, with a
// progress bar on request; and the file reader's one-line errors.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { readRoomsFile } from '../../src/cli/read-rooms-file.js';
import { runGenerate } from '../../src/cli/run-generate.js';
import { roomChunks } from '../../src/cli/write-rooms.js';
import { generateRooms } from '../../src/fixtures/generate-rooms.js';
import {
  agentsOf,
  generateLivechatRooms,
  generateLivechatRoomsIterable,
  generateOmnichannel,
  generateUsers,
} from '../../src/fixtures/index.js';

const dir = mkdtempSync(join(tmpdir(), 'room-query-generate-'));
const sink = () => {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8').on('data', (c: string) => (text += c));
  return { stream, text: () => text };
};

describe('roomChunks', () => {
  it('writes valid JSON for 0, 1 and many rooms', () => {
    for (const n of [0, 1, 5]) {
      const text = [...roomChunks(generateRooms({ count: n, seed: 1 }), 'json')].join('');
      expect(JSON.parse(text)).toHaveLength(n);
    }
    expect([...roomChunks([], 'ndjson')].join('')).toBe('');
  });

  it('counts rooms as it goes', () => {
    const seen: number[] = [];
    [...roomChunks(generateRooms({ count: 3, seed: 1 }), 'ndjson', (n) => seen.push(n))];
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('runGenerate', () => {
  it.each(['json', 'ndjson', 'ejson'] as const)('round-trips %s through readRoomsFile', async (format) => {
    const out = join(dir, `rooms.${format}`);
    const err = sink();
    const written = await runGenerate(
      { kind: 'generate', count: 250, seed: 4, out, format, progress: 'off' },
      { stdout: sink().stream, stderr: err.stream },
    );
    expect(written).toEqual(E.right(250));
    expect(err.text()).toBe('');
    const read = await readRoomsFile(out);
    expect(read).toEqual(E.right(generateRooms({ count: 250, seed: 4 })));
  });

  it('writes ejson as mongoexport does: one document a line, dates as $date', async () => {
    const out = sink();
    await runGenerate(
      { kind: 'generate', count: 2, seed: 4, out: '-', format: 'ejson', progress: 'off' },
      { stdout: out.stream, stderr: sink().stream },
    );
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ ts: { $date: expect.any(String) } });
  });

  it('streams to stdout with -', async () => {
    const out = sink();
    await runGenerate(
      { kind: 'generate', count: 3, seed: 4, out: '-', format: 'ndjson', progress: 'off' },
      { stdout: out.stream, stderr: sink().stream },
    );
    expect(out.text().trimEnd().split('\n')).toHaveLength(3);
  });

  it('draws a progress bar on stderr when asked', async () => {
    const err = sink();
    await runGenerate(
      { kind: 'generate', count: 2000, seed: 4, out: join(dir, 'p.ndjson'), format: 'ndjson', progress: 'on' },
      { stdout: sink().stream, stderr: err.stream },
    );
    expect(err.text()).toContain('generate [');
    expect(err.text()).toContain('2000/2000');
  });

  it('says in one line why it cannot write', async () => {
    const written = await runGenerate(
      { kind: 'generate', count: 1, seed: 4, out: join(dir, 'missing', 'x.json'), format: 'json', progress: 'off' },
      { stdout: sink().stream, stderr: sink().stream },
    );
    expect(written).toEqual(E.left(expect.stringMatching(/^cannot write .*x\.json: no such directory$/)));
  });
});

describe('runGenerate --endpoint', () => {
  it.each(['json', 'ndjson', 'ejson'] as const)('livechat: livechat rooms only, read back with their dates (%s)', async (format) => {
    const out = join(dir, `livechat.${format}`);
    const written = await runGenerate(
      { kind: 'generate', endpoint: 'livechat', count: 120, seed: 4, out, format, progress: 'off' },
      { stdout: sink().stream, stderr: sink().stream },
    );
    expect(written).toEqual(E.right(120));
    const read = await readRoomsFile(out);
    const expected = generateLivechatRooms({
      count: 120,
      seed: 4,
      departments: generateOmnichannel({ seed: 4, agents: agentsOf(generateUsers({ seed: 4 })) }).omnichannel.departments,
    });
    expect(read).toEqual(E.right(expected));
  });

  it('all: the call rooms, then the livechat rooms (2 × --rooms)', async () => {
    const out = sink();
    const written = await runGenerate(
      { kind: 'generate', endpoint: 'all', count: 30, seed: 4, out: '-', format: 'ndjson', progress: 'off' },
      { stdout: out.stream, stderr: sink().stream },
    );
    expect(written).toEqual(E.right(60));
    const types = out
      .text()
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { t: string }).t);
    expect(types).toEqual([...Array<string>(30).fill('v'), ...Array<string>(30).fill('l')]);
  });

  it('the iterable and the array give the same livechat rooms', () => {
    expect([...generateLivechatRoomsIterable({ count: 300, seed: 8 })]).toEqual(generateLivechatRooms({ count: 300, seed: 8 }));
  });
});

describe('readRoomsFile', () => {
  it('keeps rooms of other types (they never match), as a rocketchat_room export holds them', async () => {
    writeFileSync(join(dir, 'livechat.json'), '[{"_id":"l1","t":"l"}]');
    expect(await readRoomsFile(join(dir, 'livechat.json'))).toEqual(E.right([{ _id: 'l1', t: 'l' }]));
  });

  it.each([
    ['bad.json', '[{"_id":"x","t":"v"}]', /bad\.json line 1 \(document 1\): not a call room: \/name: expected string/],
    ['bad.ndjson', `${JSON.stringify(generateRooms({ count: 1, seed: 1 })[0])}\n{oops\n`, /bad\.ndjson line 2 \(document 2\)/],
    ['object.json', '{"rooms":[]}', /object\.json line 1 \(document 1\): \/_id: expected a string/],
  ])('%s is one line naming the place', async (name, text, message) => {
    writeFileSync(join(dir, name), text);
    const read = await readRoomsFile(join(dir, name));
    expect(read).toEqual(E.left(expect.stringMatching(message)));
    if (E.isLeft(read)) expect(read.left).not.toContain('\n');
  });

  it('reads EJSON dates', async () => {
    const room = JSON.parse(JSON.stringify(generateRooms({ count: 1, seed: 1 })[0])) as Record<string, unknown>;
    writeFileSync(join(dir, 'ejson.ndjson'), JSON.stringify({ ...room, ts: { $date: room['ts'] } }));
    const read = await readRoomsFile(join(dir, 'ejson.ndjson'));
    expect(E.isRight(read) && read.right[0]?.['ts']).toEqual(new Date(room['ts'] as string));
    expect(readFileSync(join(dir, 'ejson.ndjson'), 'utf8')).toContain('$date');
  });
});
