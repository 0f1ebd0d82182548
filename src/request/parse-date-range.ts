// `createdAt={"start":"2021-07-01T00:00:00Z","end":...}` → inclusive Date bounds, with upstream's
// error bodies. An empty value, JSON null or {} means no filter, as upstream's `Object.keys(x).length`.
import * as E from 'fp-ts/lib/Either.js';
import { ApiErrors, type ApiError } from '../errors.js';
import { parseJsonObject } from './parse-json-object.js';

export interface DateBounds {
  readonly gte: Date | undefined;
  readonly lte: Date | undefined;
}

const parseBound = (param: string, bound: 'start' | 'end', value: unknown): E.Either<ApiError, Date | undefined> => {
  if (value === undefined || value === null || value === '') return E.right(undefined);
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? E.left(ApiErrors.invalidDate(`${param}.${bound}`)) : E.right(new Date(ms));
};

export const parseDateRange = (param: string, raw: string | undefined): E.Either<ApiError, DateBounds | undefined> => {
  if (raw === undefined || raw === '' || raw.trim() === 'null') return E.right(undefined);
  const parsed = parseJsonObject(raw);
  if (E.isLeft(parsed)) return E.left(ApiErrors.invalidDateJson(param));
  const start = parseBound(param, 'start', parsed.right['start']);
  if (E.isLeft(start)) return start;
  const end = parseBound(param, 'end', parsed.right['end']);
  if (E.isLeft(end)) return end;
  return E.right(start.right === undefined && end.right === undefined ? undefined : { gte: start.right, lte: end.right });
};
