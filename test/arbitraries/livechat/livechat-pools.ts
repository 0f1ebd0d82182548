// Shared value pools for livechat rooms, directories, principals and requests: few values, reused everywhere,
// with deliberate collisions (a username that is another agent's id, a principal id that is a department id).

export const LC_AGENT_IDS = ['agent-1', 'agent-2', 'agent-3', 'mon-1', 'mon-2'] as const;
/** Some usernames equal another caller's id, so `servedBy.username` matters in rocketchat mode. */
export const LC_USERNAMES = ['alice', 'bob', 'agent-2', 'Alice', 'mon-1'] as const;
/** Principal ids: agents and monitors, plus ids that collide with department/unit/user values. */
export const LC_PRINCIPAL_IDS = [...LC_AGENT_IDS, 'mgr-1', 'dep-a', 'unit-1', 'alice', 'nobody'] as const;
export const LC_DEPARTMENT_IDS = ['dep-a', 'dep-b', 'dep-c', 'dep-d'] as const;
/** Unit ids; `dep-a` doubles as a unit id in some directories (ids are just strings upstream). */
export const LC_UNIT_IDS = ['unit-1', 'unit-2', 'unit-3'] as const;
export const LC_ROOM_IDS = ['l01', 'l02', 'l03', 'l04', 'l05', 'l06', 'l07', 'l08', 'l09', 'l10', 'L01', 'a', 'Z', '9', 'é', ' l'] as const;
export const LC_FNAMES = [
  'Mary Ann',
  'mary annette',
  'MARY',
  'Café Ünïcode',
  'a.b*c+d?',
  '(x)[y]{z}|w',
  'back\\slash',
  '"quoted"',
  'straße',
  'İstanbul',
  'Kelvin \u212A',
  'long ſ',
  '',
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!',
] as const;
export const LC_TAGS = ['vip', 'billing', 'Billing', 'urgent', 'a.b'] as const;
export const LC_INSTANTS = [
  '2021-07-09T20:12:19.795Z',
  '2021-07-09T20:12:19.796Z',
  '2022-01-01T00:00:00.000Z',
  '2022-01-01T00:00:00.001Z',
  '2023-06-15T12:00:00.000Z',
  '1970-01-01T00:00:00.000Z',
] as const;
/** livechatData keys (dotted customFields keys address `nested.*`). */
export const LC_DATA_KEYS = ['crm', 'plan', 'phone', 'nested'] as const;
/** livechatData string values: case variants, metacharacters, a long run of `a` for catastrophic patterns. */
export const LC_DATA_STRINGS = [
  'ACME-42',
  'acme-7',
  'Acme',
  'gold',
  'GOLD',
  'x',
  '',
  'a.b',
  '(1)',
  'straße',
  'STRASSE',
  'ſ',
  'k',
  '\u212A',
  'line\r\nbreak',
  'tab\there',
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!',
  '+15550001',
] as const;
export const LC_SORT_FIELDS = [
  'ts',
  'closedAt',
  'fname',
  '_id',
  'servedBy.username',
  'servedBy._id',
  'open',
  'onHold',
  'tags',
  'departmentId',
  'livechatData.crm',
  'priorityWeight',
  'v._id',
  'missing.path',
] as const;
