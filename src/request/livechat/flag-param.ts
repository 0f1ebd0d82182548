// livechat's open/onhold/queued: upstream's `anyOf: [string (nullable), boolean (nullable)]` under ajv
// `coerceTypes: true`. The string branch coerces first, so any scalar passes as its string; a list or an
// object fails both branches and ajv reports all three errors, which upstream joins with "\n ".
import * as t from 'io-ts';

export const FLAG_PARAM_MESSAGE = 'must be string\n must be boolean\n must match a schema in anyOf';

export const FlagParam = (maxLength: number) =>
  new t.Type<string | undefined, unknown, unknown>(
    'string | boolean',
    (u): u is string => typeof u === 'string',
    (u, c) => {
      if (u === null || u === undefined) return t.success(undefined);
      const s = typeof u === 'string' ? u : typeof u === 'number' || typeof u === 'boolean' ? String(u) : undefined;
      if (s === undefined) return t.failure(u, c, FLAG_PARAM_MESSAGE);
      return s.length > maxLength ? t.failure(u, c, `must NOT have more than ${maxLength} characters`) : t.success(s);
    },
    (a) => a,
  );

/** Upstream's truthiness for onhold/queued: `['t', 'true', '1'].includes(String(v))`. */
export const isTruthyFlag = (value: string | undefined): boolean => value === 't' || value === 'true' || value === '1';
