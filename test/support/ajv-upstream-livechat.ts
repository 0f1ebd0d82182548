// Upstream's own validator for GET /api/v1/livechat/rooms: ajv (draft-07, coerceTypes: true,
// allowUnionTypes) on Rocket.Chat 6.13's schema. Rocket.Chat joins all of ajv's messages with "\n ".

import AjvModule from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// A copy of the upstream schema data (@rocket.chat/rest-typings 6.13.1 at top level; 7.13.9 and 8.8.1
// under `definitions`), kept beside the tests so CI does not depend on where shared/ is mounted.
const SCHEMA_PATH = join(import.meta.dirname, 'upstream-livechat-rooms-params.schema.json');

const Ajv = AjvModule.default;
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
const { definitions: _versions, $comment: _comment, ...v6 } = schema;
const validate = new Ajv({ coerceTypes: true, allowUnionTypes: true }).compile(v6);

export type AjvVerdict = { ok: true; coerced: Record<string, unknown> } | { ok: false; message: string };

/** ajv's verdict on a copy of the params (ajv coerces in place); the message as upstream's body carries it. */
export function upstreamLivechatVerdict(params: Readonly<Record<string, unknown>>): AjvVerdict {
  const copy = structuredClone(params) as Record<string, unknown>;
  if (validate(copy)) return { ok: true, coerced: copy };
  return { ok: false, message: (validate.errors ?? []).map((e) => e.message).join('\n ') };
}

export const LIVECHAT_V6_KEYS: ReadonlyArray<string> = Object.keys(v6['properties'] as object);
