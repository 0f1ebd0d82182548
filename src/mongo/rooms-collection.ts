// The part of the official driver's Collection that queryRoomsMongo uses, as a structural type: a
// `Collection` from `mongodb` fits it (checked in test/mongo/driver-types.test-d.ts), and so does
// a mingo-backed fake. The core never imports `mongodb`.

/** A room document as the driver returns it. */
export type MongoDocument = { readonly [field: string]: unknown };

/** The cursor methods used: `find(...).sort(...).skip(...).limit(...).toArray()`. */
export interface RoomsCursor {
  sort(sort: Array<[string, 1 | -1]>): RoomsCursor;
  skip(value: number): RoomsCursor;
  limit(value: number): RoomsCursor;
  toArray(): Promise<ReadonlyArray<MongoDocument>>;
}

/** The collection methods used; `Collection<Document>` from `mongodb` satisfies it. */
export interface RoomsCollection {
  find(filter: Record<string, unknown>, options: { projection: Record<string, unknown> }): RoomsCursor;
  countDocuments(filter: Record<string, unknown>): Promise<number>;
}
