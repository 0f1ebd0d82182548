// Upstream's own validator for GET /api/v1/livechat/rooms: ajv (draft-07, coerceTypes: true, allowUnionTypes: true)
// on the 6.13 schema Rocket.Chat ships. Differential tests compare the livechat reference's schema stage with it.

import AjvModule from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// A copy of shared/docs/upstream-livechat-rooms-params.schema.json (top level = @rocket.chat/rest-typings 6.13.1).
const SCHEMA_PATH = join(import.meta.dirname, 'upstream-livechat-rooms-params.schema.json');

const Ajv = AjvModule.default;
const ajv = new Ajv({ coerceTypes: true, allowUnionTypes: true });
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
// Only the top level (6.13) is compiled; the 7.13/8.8 variants under `definitions` are data for readers.
const validate = ajv.compile({ ...schema, definitions: undefined });

export type LivechatAjvVerdict = { ok: true; coerced: Record<string, unknown> } | { ok: false; message: string };

/** ajv's verdict on a copy of the params; the message joins every error's message with "\n " as upstream does. */
export function upstreamLivechatAjvVerdict(params: Readonly<Record<string, unknown>>): LivechatAjvVerdict {
  const copy = structuredClone(params) as Record<string, unknown>;
  if (validate(copy)) return { ok: true, coerced: copy };
  const messages = (validate.errors ?? []).map((e) => e.message ?? '(no message)');
  return { ok: false, message: messages.join('\n ') };
}
