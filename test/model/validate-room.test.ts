// The room codec: keeps unknown fields, decodes ISO and EJSON dates, names bad paths.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeRooms, validateRoom } from '../../src/index.js';
import { admitRoom } from '../../src/model/validate-room.js';
import { LivechatRoomCodec } from '../../src/model/livechat-room-codec.js';
import { generateLivechatRooms } from '../../src/fixtures/index.js';

const good = {
  _id: 'r1',
  t: 'v',
  name: 'Mary',
  ts: '2021-07-09T20:12:19.795Z',
  v: { _id: 'v1', username: 'guest-1', token: 'tok', status: 'online' },
  direction: 'inbound',
  queue: '8001',
  callStarted: { $date: '2021-07-09T20:12:19.795Z' },
  servedBy: { _id: 'a1', username: 'alice', ts: { $date: { $numberLong: '1625861539795' } } },
  custom: { kept: true },
};

describe('validateRoom', () => {
  it('decodes dates and keeps unknown fields', () => {
    const r = validateRoom(good);
    expect(E.isRight(r)).toBe(true);
    if (E.isRight(r)) {
      expect(r.right.ts).toEqual(new Date('2021-07-09T20:12:19.795Z'));
      expect(r.right.callStarted).toEqual(new Date('2021-07-09T20:12:19.795Z'));
      expect((r.right.servedBy as { ts: Date }).ts).toEqual(new Date(1625861539795));
      expect((r.right as Record<string, unknown>)['custom']).toEqual({ kept: true });
    }
  });
  it('names every bad path', () => {
    const r = validateRoom({ ...good, t: 'l', ts: 'yesterday-ish', open: false, tags: ['a', 3] });
    expect(r).toEqual(
      E.left([
        '/t: expected "v", got "l"',
        '/ts: expected a date (Date, ISO-8601 string or {"$date": ...}), got "yesterday-ish"',
        '/open: expected true, got false',
        '/tags/1: expected string, got 3',
      ]),
    );
  });
  it('decodeRooms names the index', () => {
    expect(decodeRooms([good, { ...good, queue: 1 }])).toEqual(E.left(['/1/queue: expected string, got 1']));
    expect(decodeRooms('nope')).toEqual(E.left(['/: expected an array of rooms']));
  });
});

describe('prototype keys', () => {
  it('refuses a "__proto__" key anywhere instead of letting it become the prototype', () => {
    const raw = JSON.parse(
      `{"_id":"a","t":"v","name":"x","ts":"2021-01-01T00:00:00Z","v":{"_id":"v","username":"g","token":"t","status":"s","__proto__":{"x":1}},"direction":"inbound","queue":"q","callStarted":"2021-01-01T00:00:00Z"}`,
    );
    expect(validateRoom(raw)).toEqual(E.left(["/v/__proto__: key not allowed (it would replace the object's prototype)"]));
    expect(decodeRooms([raw])).toEqual(E.left(["/0/v/__proto__: key not allowed (it would replace the object's prototype)"]));
  });
});

describe('admitRoom: livechat rooms (t: "l")', () => {
  const livechat = {
    _id: 'l1',
    t: 'l',
    ts: '2024-01-01T00:00:00Z',
    v: { _id: 'v1', username: 'guest-1', token: 'tok', status: 'online' },
    source: { type: 'widget' },
    fname: 'Mary',
    onHold: false,
    livechatData: { plan: 'gold' },
    departmentAncestors: ['u1'],
  };
  it('decodes the dates of a room with the livechat shape', () => {
    const r = admitRoom(livechat);
    expect(E.isRight(r) && r.right['ts']).toEqual(new Date('2024-01-01T00:00:00Z'));
  });
  it('holds a room without the livechat shape as given (it is never refused for its type)', () => {
    const odd = { ...livechat, source: { type: 'fax' } };
    expect(admitRoom(odd)).toEqual(E.right(odd));
  });
  it('every generated livechat room has the livechat shape', () => {
    for (const room of generateLivechatRooms({ count: 300, seed: 4 }))
      expect(E.isRight(LivechatRoomCodec.decode(room)), JSON.stringify(room)).toBe(true);
  });
});
