// Which indexes a collection builds when none are asked for: livechat's `fname` substring index exactly
// when livechat rooms are held, so servers and stores over livechat rooms answer roomName through it.
import { describe, expect, it } from 'vitest';
import { createRoomCollection, DEFAULT_INDEXES, defaultIndexesFor, LIVECHAT_INDEXES } from '../../src/collection/room-collection.js';
import { generateLivechatRooms, generateRooms } from '../../src/fixtures/index.js';
import { createRoomStore } from '../../src/store/index.js';
import * as E from 'fp-ts/lib/Either.js';

describe('defaultIndexesFor', () => {
  const voip = generateRooms({ count: 200, seed: 3 });
  const livechat = generateLivechatRooms({ count: 200, seed: 3 });

  it('builds no fname index over call rooms only', () => {
    expect(defaultIndexesFor(voip)).toBe(DEFAULT_INDEXES);
    expect([...createRoomCollection(voip).grams.keys()]).toEqual(['name']);
  });

  it('builds the fname index once a livechat room is held', () => {
    const mixed = [...voip, ...livechat.slice(0, 1)];
    expect(defaultIndexesFor(mixed)).toBe(LIVECHAT_INDEXES);
    expect([...createRoomCollection(mixed).grams.keys()]).toEqual(['name', 'fname']);
  });

  it('a store over livechat rooms snapshots with the fname index', () => {
    const store = createRoomStore([...voip, ...livechat]);
    if (E.isLeft(store)) throw new Error(JSON.stringify(store.left));
    const snapshot = store.right.snapshot();
    expect(snapshot.kind === 'indexed' && [...snapshot.grams.keys()]).toEqual(['name', 'fname']);
  });

  it('an explicit choice wins', () => {
    expect([...createRoomCollection(livechat, { indexes: DEFAULT_INDEXES }).grams.keys()]).toEqual(['name']);
  });
});
