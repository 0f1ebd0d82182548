// The request's query-string schema as io-ts codecs, one per mode: the single source of RoomsParams.
// Key order matters: it is upstream's schema order, and the first failing key names the error.
import * as t from 'io-ts';
import type { Mode } from '../options.js';
import { EnumParam, NumberParam, StringListParam, StringParam } from './ajv-coercion.js';
import { PagingNumberParam } from './paging-number-param.js';

const propsFor = (lone: boolean, paging: typeof NumberParam) => ({
  agents: StringListParam(lone),
  open: EnumParam(['true', 'false'] as const),
  createdAt: StringParam,
  closedAt: StringParam,
  tags: StringListParam(lone),
  queue: StringParam,
  visitorId: StringParam,
  direction: EnumParam(['inbound', 'outbound'] as const),
  roomName: StringParam,
  count: paging,
  offset: paging,
  sort: StringParam,
  query: StringParam,
});

/** Upstream's schema: no `fields` (its validator rejects the parameter its docs list). */
export const RocketChatParamsCodec = t.partial(propsFor(false, NumberParam), 'RocketChatVoipRoomsParams');

/** Our default schema: lone strings accepted, `fields` allowed, paging numbers must be whole and >= 0. */
export const DefaultParamsCodec = t.partial({ ...propsFor(true, PagingNumberParam), fields: StringParam }, 'VoipRoomsParams');

/** The decoded, coerced parameters (before sort/fields/dates are parsed). */
export type RoomsParams = t.TypeOf<typeof DefaultParamsCodec>;

export const paramsCodecFor = (mode: Mode): t.Decoder<unknown, RoomsParams> =>
  mode === 'rocketchat' ? RocketChatParamsCodec : DefaultParamsCodec;

export const allowedKeysFor = (mode: Mode): ReadonlyArray<string> =>
  Object.keys(mode === 'rocketchat' ? RocketChatParamsCodec.props : DefaultParamsCodec.props);
