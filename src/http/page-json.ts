// The 200 body of GET /rooms as text, assembled from each room's JSON: a returned room is a frozen
// copy that an immutable collection hands out again for the same room and projection (exec/scan.ts
// memoizes them), so its JSON never changes and is made once, then reused by every later response.
// Same bytes as JSON.stringify of the whole body (toJsonValue's rules are JSON.stringify's).
import type { Room, RoomsPage } from '../model/room.js';

/** JSON of rooms already serialized (weak: a room no collection holds any more takes its JSON with it). */
const jsonOf = new WeakMap<Room, string>();

/** `JSON.stringify(room)`, made once per room object when `cache` (the room is one a collection hands out again). */
export const roomJson = (room: Room, cache: boolean): string => {
  if (!cache) return JSON.stringify(room);
  let json = jsonOf.get(room);
  if (json === undefined) {
    json = JSON.stringify(room);
    jsonOf.set(room, json);
  }
  return json;
};

/** `JSON.stringify({ rooms, count, offset, total, success: true })`, from the rooms' JSON. */
export const pageJson = (page: RoomsPage, cache: boolean): string => {
  const { rooms } = page;
  let out = '{"rooms":[';
  for (let i = 0; i < rooms.length; i++) out += (i === 0 ? '' : ',') + roomJson(rooms[i] as Room, cache);
  return `${out}],"count":${JSON.stringify(page.count)},"offset":${JSON.stringify(page.offset)},"total":${JSON.stringify(page.total)},"success":true}`;
};
