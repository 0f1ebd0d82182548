// io-ts codec of a livechat room (IOmnichannelRoom): the single source of the LivechatRoom type. Required
// are the fields every livechat room has; the ones filters and sorts read are typed when present.
// t.type keeps unknown fields, so documents stay open records.
import * as t from 'io-ts';
import { DateFromAny } from './date-codec.js';

const UserRef = t.type({ _id: t.string, username: t.string });

const Visitor = t.intersection([
  t.type({ _id: t.string, username: t.string, token: t.string }),
  t.partial({ status: t.string, name: t.string, phone: t.unknown, lastMessageTs: DateFromAny }),
]);

const Source = t.intersection([
  t.type({ type: t.keyof({ widget: null, email: null, sms: null, app: null, api: null, other: null }) }),
  t.partial({ id: t.string, alias: t.string, label: t.string }),
]);

export const LivechatRoomCodec = t.intersection(
  [
    t.type({
      _id: t.string,
      t: t.literal('l'),
      ts: DateFromAny,
      v: Visitor,
      source: Source,
    }),
    t.partial({
      fname: t.string,
      open: t.literal(true),
      onHold: t.boolean,
      servedBy: t.intersection([UserRef, t.partial({ ts: DateFromAny })]),
      departmentId: t.string,
      departmentAncestors: t.array(t.string),
      tags: t.array(t.string),
      livechatData: t.record(t.string, t.unknown),
      closedAt: DateFromAny,
      closer: t.string,
      closedBy: UserRef,
      responseBy: t.intersection([UserRef, t.partial({ firstResponseTs: DateFromAny })]),
      msgs: t.number,
      usersCount: t.number,
      queuedAt: DateFromAny,
      lm: DateFromAny,
      _updatedAt: DateFromAny,
    }),
  ],
  'LivechatRoom',
);

/** A livechat room with Dates decoded; unknown fields are kept as they came. */
export type LivechatRoom = t.TypeOf<typeof LivechatRoomCodec>;
