// livechat/rooms output: after projection, a room whose departmentId (still present) names a known
// department gets `department: { _id, name }`, as upstream's findRooms adds it.
import type { Omnichannel } from '../model/omnichannel.js';
import type { Room } from '../model/room.js';

export type DepartmentNames = ReadonlyMap<string, string>;

export const departmentNames = (omnichannel: Omnichannel | undefined): DepartmentNames =>
  new Map((omnichannel?.departments ?? []).map((d) => [d._id, d.name] as const));

/** One room with its department attached (the same frozen room when nothing is attached). */
export const attachDepartment = (names: DepartmentNames, room: Room): Room => {
  const id = Object.hasOwn(room, 'departmentId') ? room['departmentId'] : undefined;
  if (typeof id !== 'string') return room;
  const name = names.get(id);
  if (name === undefined) return room;
  const out: Record<string, unknown> = { ...room };
  Object.defineProperty(out, 'department', {
    value: Object.freeze({ _id: id, name }),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return Object.freeze(out);
};
