// GET /api/v1/livechat/rooms query-string schema as io-ts codecs, one per mode: the single source of
// LivechatParams. Keys in upstream's schema order (the first failing key names the error).
import * as t from 'io-ts';
import type { Mode, RequestLimits } from '../../options.js';
import { NumberParam, StringListParam, StringParam } from '../ajv-coercion.js';
import { PagingNumberParam } from '../paging-number-param.js';
import { DepartmentParam } from './department-param.js';
import { FlagParam } from './flag-param.js';

const propsFor = (lone: boolean, paging: typeof NumberParam, limits: RequestLimits) => {
  const text = StringParam(limits.maxParamLength);
  const list = StringListParam(lone, limits.maxListLength, limits.maxParamLength);
  const flag = FlagParam(limits.maxParamLength);
  return {
    count: paging,
    offset: paging,
    sort: text,
    query: text,
    fields: text,
    createdAt: text,
    customFields: text,
    closedAt: text,
    agents: list,
    roomName: text,
    departmentId: text as t.Type<string | ReadonlyArray<string> | undefined, unknown, unknown>,
    open: flag,
    onhold: flag,
    queued: flag,
    tags: list,
  };
};

/** Rocket.Chat 6.13's schema: departmentId is one string; no `units`. */
export const rocketChatLivechatCodec = (limits: RequestLimits) =>
  t.partial(propsFor(false, NumberParam, limits), 'RocketChatLivechatRoomsParams');

/** Our default schema: lone strings as one-element lists, departmentId string or list, `units`, whole paging numbers. */
export const defaultLivechatCodec = (limits: RequestLimits) =>
  t.partial(
    {
      ...propsFor(true, PagingNumberParam, limits),
      departmentId: DepartmentParam(limits.maxListLength, limits.maxParamLength),
      units: StringListParam(true, limits.maxListLength, limits.maxParamLength),
    },
    'LivechatRoomsParams',
  );

/** The decoded, coerced parameters (before sort/fields/dates/customFields are parsed). */
export type LivechatParams = t.TypeOf<ReturnType<typeof defaultLivechatCodec>>;

export const livechatCodecFor = (mode: Mode, limits: RequestLimits): t.Decoder<unknown, LivechatParams> & { readonly props: object } =>
  mode === 'rocketchat' ? rocketChatLivechatCodec(limits) : defaultLivechatCodec(limits);
