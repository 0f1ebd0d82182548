// livechat's createdAt/closedAt, as upstream's route and model read them: a non-empty value is JSON
// (a SyntaxError is answered with V8's own message); a truthy `start`/`end` must pass `Date.parse`, and
// the bound is `new Date(value)`. What the filter becomes when no bound is truthy differs by mode:
// rocketchat keeps upstream's `ts: {}` (no room matches); default reads it as no filter.
import * as E from 'fp-ts/lib/Either.js';
import { ApiErrors, type ApiError } from '../../errors.js';
import type { Mode } from '../../options.js';

export type LivechatDateFilter =
  | { readonly kind: 'none' }
  /** rocketchat mode: a truthy value with no truthy bound (`{}`, `{"start":""}`, `5`, `"x"`, `[]`). */
  | { readonly kind: 'empty' }
  | { readonly kind: 'range'; readonly gte: Date | undefined; readonly lte: Date | undefined };

const NONE: LivechatDateFilter = Object.freeze({ kind: 'none' });

const boundOf = (parsed: unknown, bound: 'start' | 'end'): unknown =>
  typeof parsed === 'object' && parsed !== null && Object.hasOwn(parsed, bound) ? (parsed as Record<string, unknown>)[bound] : undefined;

// `Date.parse` and `new Date` take any value (via ToPrimitive), exactly as upstream hands them the JSON value.
const parseAny = (value: unknown): number => Date.parse(value as string);
const dateOf = (value: unknown): Date => new Date(value as string);

export const parseLivechatDate = (
  mode: Mode,
  param: 'createdAt' | 'closedAt',
  raw: string | undefined,
): E.Either<ApiError, LivechatDateFilter> => {
  if (raw === undefined || raw === '') return E.right(NONE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return E.left(ApiErrors.invalidJson(error instanceof Error ? error.message : String(error)));
  }
  const start = boundOf(parsed, 'start');
  const end = boundOf(parsed, 'end');
  if (start && Number.isNaN(parseAny(start))) return E.left(ApiErrors.invalidDate(`${param}.start`));
  if (end && Number.isNaN(parseAny(end))) return E.left(ApiErrors.invalidDate(`${param}.end`));
  if (!parsed) return E.right(NONE);
  if (!start && !end) return E.right(mode === 'rocketchat' ? { kind: 'empty' } : NONE);
  return E.right({ kind: 'range', gte: start ? dateOf(start) : undefined, lte: end ? dateOf(end) : undefined });
};
