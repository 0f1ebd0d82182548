// Reference projection (docs/semantics-differences.md "Projection"): apply the requested inclusion or
// exclusion to a deep copy, then drop joinCode/members/importIds/e2e, which are never returned.

import type { FieldsSpec } from './reference-json-params.js';
import { deepCopy, isPlainObject, readPath } from './reference-path.js';

export const NEVER_RETURNED: ReadonlyArray<string> = ['joinCode', 'members', 'importIds', 'e2e'];

function include(room: Record<string, unknown>, fields: FieldsSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let excludeId = false;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.path === '_id' && f.value === 0) excludeId = true;
  }
  if (!excludeId && Object.hasOwn(room, '_id')) out['_id'] = deepCopy(room['_id']);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.value !== 1) continue;
    const read = readPath(room, f.path);
    if (!read.found) continue;
    // Build the nested objects the path passes through, merging with those built by earlier paths.
    const segments = f.path.split('.');
    let target: Record<string, unknown> = out;
    let blocked = false;
    for (let s = 0; s < segments.length - 1; s++) {
      const segment = segments[s] as string;
      if (!Object.hasOwn(target, segment)) target[segment] = {};
      const next = target[segment];
      if (!isPlainObject(next)) {
        blocked = true;
        break;
      }
      target = next;
    }
    if (!blocked) target[segments[segments.length - 1] as string] = deepCopy(read.value);
  }
  return out;
}

function exclude(room: Record<string, unknown>, fields: FieldsSpec): Record<string, unknown> {
  const out = deepCopy(room) as Record<string, unknown>;
  for (let i = 0; i < fields.length; i++) {
    if (fields[i]!.value === 1) continue; // only `_id: 1` can be here: it keeps `_id`
    const segments = fields[i]!.path.split('.');
    let parent: unknown = out;
    for (let s = 0; s < segments.length - 1; s++) {
      if (!isPlainObject(parent) || !Object.hasOwn(parent, segments[s] as string)) {
        parent = undefined;
        break;
      }
      parent = parent[segments[s] as string];
    }
    const last = segments[segments.length - 1] as string;
    if (isPlainObject(parent) && Object.hasOwn(parent, last)) delete parent[last];
  }
  return out;
}

/** The room as returned: projected (when `fields` is non-empty) and without the never-returned fields
 * (`neverReturned`: voip's list unless the caller passes its endpoint's own). */
export function referenceProject(
  room: Record<string, unknown>,
  fields: FieldsSpec,
  neverReturned: ReadonlyArray<string> = NEVER_RETURNED,
): Record<string, unknown> {
  // The kind comes from the keys other than `_id` (MongoDB's exception); `{"_id":1}` alone includes only `_id`.
  let ones = 0;
  let others = 0;
  for (let i = 0; i < fields.length; i++) {
    if (fields[i]!.path === '_id') continue;
    others++;
    if (fields[i]!.value === 1) ones++;
  }
  const onlyIdIncluded = others === 0 && fields.some((f) => f.path === '_id' && f.value === 1);
  let out: Record<string, unknown>;
  if (fields.length === 0) out = deepCopy(room) as Record<string, unknown>;
  else if (ones > 0 || onlyIdIncluded) out = include(room, fields);
  else out = exclude(room, fields);
  for (let i = 0; i < neverReturned.length; i++) delete out[neverReturned[i] as string];
  return out;
}
