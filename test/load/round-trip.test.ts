// generate → writeEjson (what mongoimport reads) → loadRooms gives back the same rooms; and Extended
// JSON encode → decode is the identity on every value a room can hold in MongoDB.
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRooms, generateRoomsIterable } from '../../src/fixtures/index.js';
import { type Room } from '../../src/index.js';
import { formatEjsonLine, fromEjson, loadRooms, toEjson, writeEjson } from '../../src/load/index.js';
import { arbRooms } from '../arbitraries/index.js';

const dir = mkdtempSync(join(tmpdir(), 'room-query-rt-'));

const toText = async (rooms: Iterable<Room>): Promise<string> => {
  const sink = new PassThrough();
  const chunks: string[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const ended = new Promise((resolve) => sink.on('end', resolve));
  const written = await writeEjson(rooms, sink);
  expect(E.isRight(written)).toBe(true);
  sink.end();
  await ended;
  return chunks.join('');
};

const holdsInvalidDate = (x: unknown): boolean =>
  x instanceof Date ? Number.isNaN(x.getTime()) : typeof x === 'object' && x !== null && Object.values(x).some(holdsInvalidDate);

describe('round trip', () => {
  it('generateRooms → writeEjson → loadRooms = the same rooms (through a file, as mongoimport would read it)', async () => {
    const rooms = generateRooms({ count: 2000, seed: 42 });
    const path = join(dir, 'rooms.json');
    const out = createWriteStream(path);
    expect(await writeEjson(generateRoomsIterable({ count: 2000, seed: 42 }), out, path)).toStrictEqual(E.right(2000));
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n')).toHaveLength(2001);
    expect(text.split('\n', 1)[0]).toMatch(/^\{"_id":"[^"]+","t":"v",.*"ts":\{"\$date":"2023-/);
    expect(await loadRooms(path)).toStrictEqual(E.right(rooms));
  });

  it('arbitrary rooms, odd values included, survive write → load (invalid Dates cannot be written)', async () => {
    await fc.assert(
      fc.asyncProperty(arbRooms(8), async (rooms) => {
        const hasInvalidDate = rooms.some(holdsInvalidDate);
        const sink = new PassThrough();
        const written = await writeEjson(rooms, sink);
        sink.end();
        if (hasInvalidDate) {
          expect(written).toStrictEqual(E.left(expect.objectContaining({ code: 'invalid-ejson' })));
          return;
        }
        const loaded = await loadRooms(sink, { validate: false });
        expect(loaded).toStrictEqual(E.right(rooms));
      }),
      { numRuns: 300 },
    );
  });

  it('encodes what JSON cannot say: non-finite numbers, -0, far dates, bigint; and decodes it back', () => {
    const room = {
      _id: 'x',
      a: Number.NaN,
      b: Number.POSITIVE_INFINITY,
      c: -0,
      d: new Date(-1),
      e: new Date(Date.UTC(10000, 0, 1)),
      f: 10n,
      g: undefined,
    };
    expect(formatEjsonLine(room)).toStrictEqual(
      E.right(
        '{"_id":"x","a":{"$numberDouble":"NaN"},"b":{"$numberDouble":"Infinity"},"c":{"$numberDouble":"-0.0"},' +
          '"d":{"$date":{"$numberLong":"-1"}},"e":{"$date":{"$numberLong":"253402300800000"}},"f":{"$numberLong":"10"}}\n',
      ),
    );
    const back = E.chain(fromEjson)(toEjson(room));
    expect(back).toStrictEqual(
      E.right({ _id: 'x', a: Number.NaN, b: Number.POSITIVE_INFINITY, c: -0, d: new Date(-1), e: new Date(Date.UTC(10000, 0, 1)), f: 10 }),
    );
    expect(formatEjsonLine({ _id: 'y', when: new Date(Number.NaN) })).toStrictEqual(
      E.left('/when: an invalid Date cannot be written (BSON dates are milliseconds)'),
    );
  });

  it('reports a sink that fails, and waits for drain on a slow one', async () => {
    const broken = new Writable({ write: (_c, _e, cb) => cb(new Error('EPIPE')) });
    const result = await writeEjson(generateRoomsIterable({ count: 50, seed: 1 }), broken, 'pipe');
    expect(result).toStrictEqual(E.left(expect.objectContaining({ code: 'write-failed', message: 'pipe: cannot write: EPIPE' })));
    let received = 0;
    const slow = new Writable({
      highWaterMark: 64,
      write: (chunk: Buffer, _e, cb) => {
        received += chunk.length;
        setImmediate(cb);
      },
    });
    expect(await writeEjson(generateRoomsIterable({ count: 200, seed: 1 }), slow)).toStrictEqual(E.right(200));
    expect(received).toBe(Buffer.byteLength(await toText(generateRoomsIterable({ count: 200, seed: 1 }))));
    // Every drain wait removed its listeners again (no leak over millions of rooms).
    expect(slow.listenerCount('drain')).toBe(0);
  });
});
