// The request's query-string schema as io-ts codecs, one per mode: the single source of RoomsParams.
// Key order matters: it is upstream's schema order, and the first failing key names the error.
import * as t from 'io-ts';
import type { Mode, RequestLimits } from '../options.js';
import { EnumParam, NumberParam, StringListParam, StringParam } from './ajv-coercion.js';
import { PagingNumberParam } from './paging-number-param.js';

const propsFor = (lone: boolean, paging: typeof NumberParam, limits: RequestLimits) => {
  const text = StringParam(limits.maxParamLength);
  const list = StringListParam(lone, limits.maxListLength, limits.maxParamLength);
  return {
    agents: list,
    open: EnumParam(['true', 'false'] as const),
    createdAt: text,
    closedAt: text,
    tags: list,
    queue: text,
    visitorId: text,
    direction: EnumParam(['inbound', 'outbound'] as const),
    roomName: text,
    count: paging,
    offset: paging,
    sort: text,
    query: text,
  };
};

/** Upstream's schema: no `fields` (its validator rejects the parameter its docs list). */
export const rocketChatParamsCodec = (limits: RequestLimits) =>
  t.partial(propsFor(false, NumberParam, limits), 'RocketChatVoipRoomsParams');

/** Our default schema: lone strings accepted, `fields` allowed, paging numbers must be whole and >= 0. */
export const defaultParamsCodec = (limits: RequestLimits) =>
  t.partial({ ...propsFor(true, PagingNumberParam, limits), fields: StringParam(limits.maxParamLength) }, 'VoipRoomsParams');

/** The decoded, coerced parameters (before sort/fields/dates are parsed). */
export type RoomsParams = t.TypeOf<ReturnType<typeof defaultParamsCodec>>;

export const paramsCodecFor = (mode: Mode, limits: RequestLimits): t.Decoder<unknown, RoomsParams> & { readonly props: object } =>
  mode === 'rocketchat' ? rocketChatParamsCodec(limits) : defaultParamsCodec(limits);
