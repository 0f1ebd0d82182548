// Upstream's own validator: ajv (coerceTypes: true) on the schema Rocket.Chat 6.x ships for
// GET /api/v1/voip/rooms. Differential tests compare our schema stage with its verdict.

import AjvModule from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// A copy of shared/docs/upstream-voip-rooms-params.schema.json (data from @rocket.chat/rest-typings 6.13.1),
// kept beside the tests so CI does not depend on where shared/ is mounted.
const SCHEMA_PATH = join(import.meta.dirname, 'upstream-voip-rooms-params.schema.json');

// ajv is CommonJS: under NodeNext its class is the default export's `default`.
const Ajv = AjvModule.default;
const ajv = new Ajv({ coerceTypes: true });
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);

export type AjvVerdict = { ok: true; coerced: Record<string, unknown> } | { ok: false; message: string };

/** ajv's verdict on a copy of the params (ajv coerces in place); the message is its first error's. */
export function upstreamAjvVerdict(params: Readonly<Record<string, unknown>>): AjvVerdict {
  const copy = structuredClone(params) as Record<string, unknown>;
  if (validate(copy)) return { ok: true, coerced: copy };
  const first = validate.errors?.[0];
  return { ok: false, message: first?.message ?? '(no message)' };
}
