// Every error the livechat reference returns, with its exact body (spec §2, §4 and the shared contract):
// one home for the bodies, so the tests and the reference cannot drift apart.

import type { Mode } from '../reference-schema.js';

export type LivechatFailure = { ok: false; status: number; body: unknown };

const bad = (body: unknown): LivechatFailure => ({ ok: false, status: 400, body });
/** Sent with sort/fields/query errors by upstream's parseJsonQuery (rocketchat mode only). */
const HELPER = { helperMethod: 'parseJsonQuery' };

export const invalidParams = (message: string): LivechatFailure =>
  bad({ success: false, error: `${message} [invalid-params]`, errorType: 'invalid-params' });

function jsonQueryError(param: 'sort' | 'fields' | 'query', raw: string, mode: Mode): LivechatFailure {
  const errorType = `error-invalid-${param}`;
  const body: Record<string, unknown> = {
    success: false,
    error: `Invalid ${param} parameter provided: "${raw}" [${errorType}]`,
    errorType,
  };
  if (mode === 'rocketchat') body['details'] = HELPER;
  return bad(body);
}
export const invalidSort = (raw: string, mode: Mode): LivechatFailure => jsonQueryError('sort', raw, mode);
export const invalidFields = (raw: string, mode: Mode): LivechatFailure => jsonQueryError('fields', raw, mode);
export const invalidQuery = (raw: string, mode: Mode): LivechatFailure => jsonQueryError('query', raw, mode);

/** JSON.parse's own SyntaxError message (V8's text), no errorType: upstream throws a plain Error. */
export const badJson = (message: string): LivechatFailure => bad({ success: false, error: message });
export const invalidDate = (path: string): LivechatFailure =>
  bad({ success: false, error: `The "${path}" query parameter must be a valid date.` });
export const invalidCustomFields: LivechatFailure = bad({
  success: false,
  error: 'The "customFields" query parameter must be a valid JSON.',
});
/** `new RegExp(v, 'i')`'s own message, e.g. `Invalid regular expression: /(/i: Unterminated group`. */
export const invalidRegex = (v8Message: string): LivechatFailure => bad({ success: false, error: v8Message });
export const notLinearRegex = (key: string): LivechatFailure =>
  bad({
    success: false,
    error: `The "customFields.${key}" pattern needs a feature without a linear-time match (backreference or lookaround) [error-invalid-regex]`,
    errorType: 'error-invalid-regex',
  });

export const UNAUTHORIZED: LivechatFailure = { ok: false, status: 403, body: { success: false, error: 'unauthorized' } };
/** Default mode, caller with neither permission (as voip's default mode). */
export const MISSING_PERMISSION: LivechatFailure = {
  ok: false,
  status: 403,
  body: { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' },
};

export function isFailure(x: unknown): x is LivechatFailure {
  return typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;
}
