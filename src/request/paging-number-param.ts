// Default mode's offset/count: upstream's coercion, then whole and non-negative (upstream passes
// negatives and fractions on to MongoDB; we answer them with a clear 400 instead).
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { NumberParam } from './ajv-coercion.js';

export const PagingNumberParam = new t.Type<number | undefined, unknown, unknown>(
  'non-negative integer',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 0,
  (u, c) => {
    const decoded = NumberParam.validate(u, c);
    if (E.isLeft(decoded) || decoded.right === undefined) return decoded;
    const n = decoded.right;
    if (!Number.isFinite(n)) return t.failure(u, c, 'must be number');
    if (!Number.isInteger(n)) return t.failure(u, c, 'must be integer');
    if (n < 0) return t.failure(u, c, 'must be >= 0');
    return t.success(n);
  },
  (a) => a,
);
