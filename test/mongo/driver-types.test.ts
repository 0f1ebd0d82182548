// Compile-time: a Collection from the official driver fits RoomsCollection, so queryRoomsMongo takes it
// without casts. `import type` only: the driver is never loaded, and the core never imports it.
import type { Collection, Document } from 'mongodb';
import { describe, expectTypeOf, it } from 'vitest';
import type { RoomsCollection } from '../../src/mongo/index.js';
import { queryRoomsMongo } from '../../src/mongo/index.js';

describe('mongodb driver types', () => {
  it('Collection<Document> is a RoomsCollection', () => {
    expectTypeOf<Collection<Document>>().toMatchTypeOf<RoomsCollection>();
    const call = (rooms: Collection<Document>) => queryRoomsMongo(rooms, 'count=1', { _id: 'u', username: 'u', roles: ['admin'] });
    expectTypeOf(call).returns.resolves.toHaveProperty('_tag');
  });
});
