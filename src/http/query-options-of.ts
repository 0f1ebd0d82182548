// The query options an HTTP adapter passes to queryRooms, taken from its own options (absent stays absent).
import type { QueryOptions } from '../options.js';

export const queryOptionsOf = (o: QueryOptions): QueryOptions => ({
  ...(o.mode === undefined ? {} : { mode: o.mode }),
  ...(o.permissions === undefined ? {} : { permissions: o.permissions }),
  ...(o.paging === undefined ? {} : { paging: o.paging }),
  ...(o.limits === undefined ? {} : { limits: o.limits }),
  ...(o.omnichannel === undefined ? {} : { omnichannel: o.omnichannel }),
});
