// The shape the engine runs over: any document with string keys. Call rooms are one kind of it;
// the engine never assumes more than this, so odd documents simply don't match.

/** A room document as held in memory (Dates as `Date`). Open record: unknown fields are kept. */
export type Room = { readonly [field: string]: unknown };

/** The page the endpoint answers with (without `success`); queryRooms types its rooms (`RoomResult`). */
export interface RoomsPage<R = Room> {
  readonly rooms: ReadonlyArray<R>;
  readonly count: number;
  readonly offset: number;
  readonly total: number;
}
