// Reference department attachment (spec §5): a returned room whose `departmentId` (still present after the
// projection) names a known department gets `department: { _id, name }`, as upstream's findRooms adds it.

import type { Omnichannel } from './livechat-scope.js';

export function referenceAttachDepartment(room: Record<string, unknown>, omnichannel: Omnichannel | undefined): Record<string, unknown> {
  const id = Object.hasOwn(room, 'departmentId') ? room['departmentId'] : undefined;
  // Upstream matches with `===`, so only a string departmentId names a department.
  if (typeof id !== 'string') return room;
  const departments = omnichannel?.departments ?? [];
  for (let i = 0; i < departments.length; i++) {
    const d = departments[i]!;
    if (d._id === id) return { ...room, department: { _id: d._id, name: d.name } };
  }
  return room;
}
