// Small shared value pools: rooms and requests draw from the same few ids, names, tags and instants
// so that filters actually match and sort keys tie often.

/** Agent user ids; principals draw their ids from here too. */
export const AGENT_IDS = ['agent-1', 'agent-2', 'agent-3', 'mgr-1'] as const;
/** Usernames; some equal another agent's id so the `servedBy.username` branch of `agents` matters. */
export const USERNAMES = ['alice', 'bob', 'carol', 'agent-2', 'Alice'] as const;
export const VISITOR_IDS = ['vis-1', 'vis-2', 'vis-3', 'undefined'] as const;
export const QUEUES = ['q1', 'q2', 'Sales', 'sales', 'q 1'] as const;
export const TAGS = ['vip', 'billing', 'Billing', 'urgent', 'a.b'] as const;
export const ROOM_IDS = [
  'r01',
  'r02',
  'r03',
  'r04',
  'r05',
  'r06',
  'r07',
  'r08',
  'r09',
  'r10',
  'r11',
  'r12',
  'R01',
  'a',
  'Z',
  '10',
  '9',
  'é',
  ' r',
  'r_13',
] as const;
/** Names with spaces, accents, case variants and every regex metacharacter. */
export const NAMES = [
  'Call 1',
  'call 2',
  'Café Ünïcode',
  'ÉCOLE école',
  'a.b*c+d?',
  '(x)[y]{z}|w',
  'back\\slash',
  '^start$',
  'straße',
  'İstanbul',
  'dots...',
  'plus+minus-',
  'x/y',
  '',
] as const;
/** Instants shared by ts, closedAt and request bounds so equality edges and sort ties happen. */
export const INSTANTS = [
  '2021-07-09T20:12:19.795Z',
  '2021-07-09T20:12:19.796Z',
  '2022-01-01T00:00:00.000Z',
  '2022-01-01T00:00:00.001Z',
  '2023-06-15T12:00:00.000Z',
  '1970-01-01T00:00:00.000Z',
] as const;
export const SORT_FIELDS = [
  'ts',
  'closedAt',
  'queue',
  'name',
  '_id',
  'servedBy.username',
  'servedBy._id',
  'open',
  'tags',
  'v',
  'v._id',
  'direction',
  'callDuration',
  'missing.path',
] as const;
