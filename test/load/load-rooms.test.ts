// loadRooms over the shapes mongoexport writes, and every way an export can be wrong: the error names
// the line, and nothing is returned but the error.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRooms } from '../../src/load/index.js';
import { splitDocuments } from '../../src/load/split-documents.js';
import { queryRooms } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'room-query-load-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const voip = (id: string, extra = ''): string =>
  `{"_id":"${id}","t":"v","name":"Call ${id}","ts":{"$date":"2021-07-09T20:12:19.795Z"},"v":{"_id":"vis-1","username":"guest-1","token":"tok","status":"online"},` +
  `"direction":"inbound","queue":"8001","callStarted":{"$date":"2021-07-09T20:12:20.000Z"}${extra}}`;

const livechat = '{"_id":"l1","t":"l","name":"chat","ts":{"$date":"2021-07-09T20:12:19.795Z"},"open":true}';

const ok = async (source: Parameters<typeof loadRooms>[0]) => {
  const result = await loadRooms(source);
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const failure = async (source: Parameters<typeof loadRooms>[0]) => {
  const result = await loadRooms(source);
  if (E.isRight(result)) throw new Error('expected an error');
  return result.left;
};

describe('loadRooms: formats', () => {
  it('reads NDJSON (mongoexport default), keeping other room types and every field', async () => {
    const rooms = await ok(file('nd.json', `${voip('r1', ',"open":true,"servedBy":{"_id":"a1","username":"alice"}')}\n${livechat}\n`));
    expect(rooms.map((r) => r['_id'])).toEqual(['r1', 'l1']);
    expect(rooms[0]!['ts']).toEqual(new Date('2021-07-09T20:12:19.795Z'));
    expect(rooms[1]).toStrictEqual({ _id: 'l1', t: 'l', name: 'chat', ts: new Date('2021-07-09T20:12:19.795Z'), open: true });
    // Only call rooms are ever answered.
    const page = queryRooms(rooms, '', { _id: 'u', username: 'u', roles: ['admin'] });
    expect(E.isRight(page) && page.right.rooms.map((r) => r['_id'])).toEqual(['r1']);
  });

  it('reads canonical Extended JSON ($date/$numberLong, $numberInt, $numberDouble, $oid)', async () => {
    const canonical =
      '{"_id":{"$oid":"5f1d7a3b9c1e4a0012345678"},"t":"v","name":"c","ts":{"$date":{"$numberLong":"1625861539795"}},' +
      '"v":{"_id":"vis-1","username":"g","token":"t","status":"online"},"direction":"outbound","queue":"8001",' +
      '"callStarted":{"$date":{"$numberLong":"1625861539795"}},"callDuration":{"$numberLong":"65000"},"msgs":{"$numberInt":"3"},' +
      '"callWaitingTime":{"$numberDouble":"1.5"},"weird":{"$binary":{"base64":"AA==","subType":"00"}}}';
    const [room] = await ok(file('canonical.json', canonical));
    expect(room).toStrictEqual({
      _id: '5f1d7a3b9c1e4a0012345678',
      t: 'v',
      name: 'c',
      ts: new Date(1625861539795),
      v: { _id: 'vis-1', username: 'g', token: 't', status: 'online' },
      direction: 'outbound',
      queue: '8001',
      callStarted: new Date(1625861539795),
      callDuration: 65000,
      msgs: 3,
      callWaitingTime: 1.5,
      weird: { $binary: { base64: 'AA==', subType: '00' } },
    });
  });

  it('reads --jsonArray (the whole array on one line) and --pretty (tab-indented, many lines)', async () => {
    const oneLine = `[${voip('r1')},${livechat},${voip('r2')}]\n`;
    expect((await ok(file('array.json', oneLine))).map((r) => r['_id'])).toEqual(['r1', 'l1', 'r2']);
    const pretty = `[${JSON.stringify(JSON.parse(voip('r1')), null, '\t')},\n${JSON.stringify(JSON.parse(livechat), null, '\t')}]\n`;
    expect((await ok(file('pretty-array.json', pretty))).map((r) => r['_id'])).toEqual(['r1', 'l1']);
    const prettyNd = `${JSON.stringify(JSON.parse(voip('r1')), null, '\t')}\n${JSON.stringify(JSON.parse(voip('r2')), null, '\t')}\n`;
    expect((await ok(file('pretty-nd.json', prettyNd))).map((r) => r['_id'])).toEqual(['r1', 'r2']);
  });

  it('accepts CRLF, a BOM, blank lines, an empty file and an empty array', async () => {
    expect((await ok(file('crlf.json', `\uFEFF${voip('r1')}\r\n\r\n${voip('r2')}\r\n`))).length).toBe(2);
    expect(await ok(file('empty.json', ''))).toEqual([]);
    expect(await ok(file('empty-array.json', '[ ]\n'))).toEqual([]);
  });

  it('reads any stream of text or bytes, however it is chunked (a UTF-8 character split across chunks too)', async () => {
    const text = `${voip('r1', ',"fname":"Ünïcödé 🎧 \\" } ] {"')}\n${livechat}\n`;
    const expected = await ok(Readable.from([text]));
    const bytes = Buffer.from(text, 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 8 }), async (cuts) => {
        const at = [0, ...[...cuts].sort((a, b) => a - b), bytes.length];
        const chunks = at.slice(1).map((end, i) => bytes.subarray(at[i], end));
        expect(await ok(Readable.from(chunks))).toStrictEqual(expected);
      }),
      { numRuns: 200 },
    );
    expect(expected[0]!['fname']).toBe('Ünïcödé 🎧 " } ] {');
  });

  it('NDJSON lines (parsed once by the splitter) and scanned layouts give the same texts, values and lines, mixed in any order', async () => {
    const arbDoc = fc.dictionary(
      fc.string({ maxLength: 4 }),
      fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constant({ a: [1, '}'] })),
      {
        maxKeys: 4,
      },
    );
    const arbLayout = fc.constantFrom('line', 'line-crlf', 'line-spaces', 'pretty', 'two-on-a-line');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(arbDoc, arbLayout), { maxLength: 8 }), async (docs) => {
        let text = '';
        const expected: Array<{ text: string; line: number }> = [];
        let line = 1;
        for (const [doc, layout] of docs) {
          const one = JSON.stringify(doc);
          if (layout === 'pretty') {
            const pretty = JSON.stringify(doc, null, '\t');
            expected.push({ text: pretty, line });
            text += `${pretty}\n`;
            line += pretty.split('\n').length;
          } else if (layout === 'two-on-a-line') {
            expected.push({ text: one, line }, { text: one, line });
            text += `${one} ${one}\n`;
            line++;
          } else {
            expected.push({ text: one, line });
            text += layout === 'line-crlf' ? `${one}\r\n` : layout === 'line-spaces' ? `${one}  \t\n` : `${one}\n`;
            line++;
          }
        }
        const got: Array<{ text: string; line: number }> = [];
        for await (const d of splitDocuments(Readable.from([text]))) {
          if (d.value !== undefined) expect(d.value).toStrictEqual(JSON.parse(d.text));
          got.push({ text: d.text, line: d.line });
        }
        expect(got).toStrictEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('an error after lines the splitter parsed still names its line', async () => {
    const error = await failure(file('late-error.json', `${voip('r1')}\n${voip('r2')}\n{"_id": oops}\n${voip('r3')}\n`));
    expect(error).toMatchObject({ code: 'invalid-json', line: 3, document: 3 });
  });

  it('streams: a document is handed on before the rest of the input is read', async () => {
    let pulled = 0;
    async function* slow() {
      pulled++;
      yield `${voip('r1')}\n`;
      pulled++;
      yield `${voip('r2')}\n`;
    }
    const docs = splitDocuments(slow());
    const first = await docs.next();
    expect(first.value).toMatchObject({ line: 1, document: 1 });
    expect(pulled).toBe(1);
    await docs.return(undefined);
  });
});

describe('loadRooms: errors name the line, and nothing is half-loaded', () => {
  it('a line that is not JSON', async () => {
    const error = await failure(file('bad.json', `${voip('r1')}\n${voip('r2')}\n{"_id":"r3",}\n${voip('r4')}\n`));
    expect(error).toMatchObject({ code: 'invalid-json', line: 3, document: 3 });
    expect(error.message).toMatch(/^\/.*bad\.json line 3 \(document 3\): not valid JSON: /);
  });

  it('a bad Extended JSON value, with its path', async () => {
    const error = await failure(file('bad-date.json', `${voip('r1')}\n${voip('r2', ',"closedAt":{"$date":"yesterday"}')}\n`));
    expect(error).toMatchObject({ code: 'invalid-ejson', line: 2 });
    expect(error.message).toContain('line 2 (document 2): /closedAt: expected {"$date"');
    const long = await failure(file('bad-long.json', voip('r1', ',"msgs":{"$numberLong":"9007199254740993"}')));
    expect(long.message).toContain('/msgs: $numberLong 9007199254740993 is outside ±2^53');
  });

  it('a call room that does not fit the spec shape (other types are not checked); validate: false loads it', async () => {
    const text = `${livechat}\n{"_id":"r9","t":"v","name":"x"}\n`;
    const error = await failure(file('bad-room.json', text));
    expect(error).toMatchObject({ code: 'invalid-document', line: 2 });
    expect(error.message).toContain('not a call room: /ts: expected');
    const loose = await loadRooms(file('bad-room-2.json', text), { validate: false });
    expect(E.isRight(loose) && loose.right.length).toBe(2);
  });

  it('a document without a string _id, a duplicate _id, a non-object', async () => {
    expect((await failure(file('no-id.json', '{"t":"l"}'))).message).toContain('/_id: expected a string');
    const dup = await failure(file('dup.json', `${voip('r1')}\n\n${voip('r1')}\n`));
    expect(dup).toMatchObject({ code: 'duplicate-id', line: 3 });
    expect(dup.message).toContain('_id "r1" already used on line 1');
    expect(await failure(file('scalar.json', `${voip('r1')}\n42\n`))).toMatchObject({ code: 'invalid-json', line: 2, document: 2 });
  });

  it('a truncated export, and garbage after the array', async () => {
    expect(await failure(file('trunc.json', `${voip('r1')}\n{"_id":"r2","t":"l"`))).toMatchObject({
      code: 'invalid-json',
      line: 2,
      document: 2,
    });
    expect((await failure(file('trunc-array.json', `[${voip('r1')},`))).message).toContain('the array never ends');
    expect((await failure(file('after.json', `[${voip('r1')}]\n{}`))).message).toContain('nothing after the closing "]"');
  });

  it('a missing file, and a stream that fails half-way: a read error, never a throw', async () => {
    expect(await failure(join(dir, 'nope.json'))).toMatchObject({ code: 'read-failed', line: undefined });
    async function* failing() {
      yield `${voip('r1')}\n`;
      throw new Error('disk on fire');
    }
    const error = await failure(failing());
    expect(error).toMatchObject({ code: 'read-failed' });
    expect(error.message).toContain('disk on fire');
  });
});
