// The type of the rooms a query returns, worked out from its parameters: call rooms (`VoipRoom`, from the
// io-ts codec) unless the request projects them, then a Pick of the asked fields or, when the type cannot
// see which, a Partial. Types only: the engine does not change.
import type { VoipRoom } from './room-codec.js';

/** A top-level field of a call room (what `fieldsParam` accepts). */
export type RoomField = keyof VoipRoom & string;

/** A `fields` value built by `fieldsParam`: the JSON text, carrying the fields it includes in its type. */
export type FieldsParam<K extends RoomField> = string & { readonly __fields: K };

/** A room projected to `K` (plus `_id`, which an inclusion always returns). */
export type ProjectedRoom<K extends RoomField> = Pick<VoipRoom, K | '_id'>;

/**
 * The rooms `queryRooms(rooms, params, …)` returns for `params` of type `P`:
 * - an object with `fields: fieldsParam([...K])` → `ProjectedRoom<K>`;
 * - an object with any other `fields`, or a string literal containing `fields=` → `Partial<VoipRoom>`;
 * - otherwise (no projection, or a computed `string` the type cannot read) → `VoipRoom`.
 */
export type RoomResult<P> = P extends { readonly fields: FieldsParam<infer K> }
  ? ProjectedRoom<K>
  : P extends { readonly fields: unknown }
    ? Partial<VoipRoom>
    : P extends `${string}fields=${string}`
      ? Partial<VoipRoom>
      : VoipRoom;

/**
 * The `fields` parameter including exactly `names` (JSON `{"name":1,…}`), typed so that queryRooms returns
 * `ProjectedRoom<name | …>`.
 * @example
 * queryRooms(rooms, { open: 'true', fields: fieldsParam(['name', 'ts']) }, admin) // rooms: { _id, name, ts }[]
 */
export const fieldsParam = <const K extends RoomField>(names: ReadonlyArray<K>): FieldsParam<K> =>
  JSON.stringify(Object.fromEntries(names.map((name) => [name, 1]))) as FieldsParam<K>;
