// customFields={"plan":"^gold","address.city":"paris"}: each key is a path under livechatData, each value
// (as a string) a case-insensitive, unanchored pattern. Checked after the permission (upstream's order):
// the JSON shape first, then each pattern in key order. Patterns run on RE2 (value/linear-regex.ts).
import * as E from 'fp-ts/lib/Either.js';
import { ApiErrors, type ApiError } from '../../errors.js';
import { compileLinearRegex } from '../../value/linear-regex.js';
import { isFieldPath } from '../parse-json-object.js';

export interface CustomFieldPattern {
  /** The path under livechatData (`address.city`). */
  readonly key: string;
  /** The pattern, `String(value)` of the JSON value. */
  readonly source: string;
}

export const parseCustomFields = (raw: string | undefined): E.Either<ApiError, ReadonlyArray<CustomFieldPattern>> => {
  // Upstream tests `if (customFields)`: an empty value is no filter.
  if (raw === undefined || raw === '') return E.right([]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return E.left(ApiErrors.invalidCustomFields());
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return E.left(ApiErrors.invalidCustomFields());
  const entries = Object.entries(parsed);
  // `$`-keys would be MongoDB operators once prefixed; empty segments address nothing.
  if (entries.some(([key]) => !isFieldPath(key))) return E.left(ApiErrors.invalidCustomFields());
  const patterns: CustomFieldPattern[] = [];
  for (const [key, value] of entries) {
    const source = String(value);
    const compiled = compileLinearRegex(source);
    if (E.isLeft(compiled)) {
      return E.left(compiled.left.kind === 'invalid' ? ApiErrors.invalidRegex(compiled.left.message) : ApiErrors.regexNotLinear(key));
    }
    patterns.push(Object.freeze({ key, source }));
  }
  return E.right(Object.freeze(patterns));
};
