// io-ts codec of a call room (IVoipRoom, docs/endpoint.md): the single source of the VoipRoom type.
// t.type keeps unknown fields, so documents stay open records.
import * as t from 'io-ts';
import { DateFromAny } from './date-codec.js';

const UserRef = t.type({ _id: t.string, username: t.string });

const Visitor = t.intersection([
  t.type({ _id: t.string, username: t.string, token: t.string, status: t.string }),
  t.partial({ name: t.string, lastMessageTs: DateFromAny }),
]);

export const VoipRoomCodec = t.intersection(
  [
    t.type({
      _id: t.string,
      t: t.literal('v'),
      name: t.string,
      ts: DateFromAny,
      v: Visitor,
      direction: t.keyof({ inbound: null, outbound: null }),
      queue: t.string,
      callStarted: DateFromAny,
    }),
    t.partial({
      open: t.literal(true),
      closedAt: DateFromAny,
      closer: t.string,
      closedBy: UserRef,
      servedBy: t.intersection([UserRef, t.partial({ ts: DateFromAny })]),
      tags: t.array(t.string),
      callUniqueId: t.string,
      callDuration: t.number,
      callWaitingTime: t.number,
      callTotalHoldTime: t.number,
      departmentId: t.string,
      fname: t.string,
      _updatedAt: DateFromAny,
      lm: DateFromAny,
      callEndedAt: DateFromAny,
    }),
  ],
  'VoipRoom',
);

/** A call room with Dates decoded; unknown fields are kept as they came. */
export type VoipRoom = t.TypeOf<typeof VoipRoomCodec>;
