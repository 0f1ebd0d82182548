// Reference createdAt/closedAt handling (spec §2 "Dates"): JSON.parse, truthy start/end must pass Date.parse,
// bounds become `new Date(x)`; rocketchat mode keeps upstream's `ts: {}` quirk, default mode reads it as no filter.

import type { Mode } from '../reference-schema.js';
import { badJson, invalidDate, type LivechatFailure } from './livechat-errors.js';

/** `none` is upstream's `ts: {}`: an equality with an empty document, which no room matches. */
export type DateFilter = { kind: 'range'; start?: number; end?: number } | { kind: 'none' };

/** The bound's value when the parsed JSON is an object holding it (`x?.start` on anything else is undefined). */
function boundOf(parsed: unknown, bound: 'start' | 'end'): unknown {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  return Object.hasOwn(parsed, bound) ? (parsed as Record<string, unknown>)[bound] : undefined;
}

/** `undefined` = no filter on this field; a filter; or the 400. */
export function referenceLivechatDate(
  name: 'createdAt' | 'closedAt',
  raw: string | undefined,
  mode: Mode,
): DateFilter | undefined | LivechatFailure {
  // Upstream: `if (date) parsed = JSON.parse(date)`, so "" is no filter.
  if (raw === undefined || raw === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    return badJson((e as Error).message);
  }
  const start = boundOf(parsed, 'start');
  const end = boundOf(parsed, 'end');
  // Date.parse coerces its argument to a string, like upstream's check does.
  if (start && Number.isNaN(Date.parse(start as string))) return invalidDate(`${name}.start`);
  if (end && Number.isNaN(Date.parse(end as string))) return invalidDate(`${name}.end`);
  if (!parsed) return undefined; // null, 0, false, "": the model's `if (createdAt)` skips them
  if (!start && !end) return mode === 'rocketchat' ? { kind: 'none' } : undefined;
  const filter: DateFilter = { kind: 'range' };
  // The model's `new Date(x)`: a number is epoch milliseconds here even though Date.parse read it as text.
  if (start) filter.start = new Date(start as string).getTime();
  if (end) filter.end = new Date(end as string).getTime();
  return filter;
}
