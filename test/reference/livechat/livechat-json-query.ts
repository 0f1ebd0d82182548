// Reference parseJsonQuery stage for livechat/rooms: sort (both modes), fields (both modes: applied in default,
// parsed then ignored in rocketchat), query (rocketchat: JSON-parsed then ignored; default: accepted unparsed, as voip).

import { referenceParseFields, referenceParseSort, type FieldsSpec, type SortSpec } from '../reference-json-params.js';
import type { Mode } from '../reference-schema.js';
import { invalidFields, invalidQuery, invalidSort, type LivechatFailure } from './livechat-errors.js';
import type { LivechatValues } from './livechat-schema.js';

export type JsonQuery = { sort: SortSpec; fields: FieldsSpec };

export function referenceLivechatJsonQuery(values: LivechatValues, mode: Mode): JsonQuery | LivechatFailure {
  let sort: SortSpec = [];
  if (values.sort !== undefined) {
    const parsed = referenceParseSort(values.sort);
    if (parsed === undefined) return invalidSort(values.sort, mode);
    sort = parsed;
  }
  // `sort={}` is the default sort, as voip reads it.
  if (sort.length === 0) sort = [{ path: 'ts', direction: -1 }];

  let fields: FieldsSpec = [];
  if (values.fields !== undefined) {
    const parsed = referenceParseFields(values.fields);
    if (parsed === undefined) return invalidFields(values.fields, mode);
    fields = mode === 'default' ? parsed : []; // upstream's model gets no projection
  }

  // Upstream: `if (params.query) JSON.parse(...)`, so an empty query is not parsed; any valid JSON passes.
  if (mode === 'rocketchat' && values.query !== undefined && values.query !== '') {
    try {
      JSON.parse(values.query);
    } catch {
      return invalidQuery(values.query, mode);
    }
  }
  return { sort, fields };
}
