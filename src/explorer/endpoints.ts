// What the page knows about each endpoint, as data: its routes, every query parameter (named exactly as
// in the API, in upstream's order) and the table's columns. A new endpoint is one more entry here.

export type ParamKind =
  | { readonly kind: 'text'; readonly placeholder?: string }
  | { readonly kind: 'json'; readonly placeholder: string }
  | { readonly kind: 'list'; readonly placeholder?: string }
  | { readonly kind: 'enum'; readonly options: ReadonlyArray<string> }
  | { readonly kind: 'number' };

export type ParamSpec = ParamKind & {
  /** The API's parameter name: the form field's `name` and the query-string key. */
  readonly name: string;
  readonly help: string;
};

export interface ColumnSpec {
  /** Dotted path in the room: what the column shows and the key its header sorts by. */
  readonly path: string;
  readonly label: string;
  readonly format?: 'date' | 'duration' | 'open' | 'list';
  /** What the cell shows when the room has it (e.g. the department's name the server attaches); else `path`. */
  readonly display?: string;
}

export interface EndpointSpec {
  readonly id: 'voip' | 'livechat';
  readonly label: string;
  readonly route: string;
  /** room-query extensions: the live stream (both endpoints); rooms.patch and explain (voip only). */
  readonly streamRoute?: string;
  readonly patchRoute?: string;
  readonly explainRoute?: string;
  readonly params: ReadonlyArray<ParamSpec>;
  readonly columns: ReadonlyArray<ColumnSpec>;
  /** Does the endpoint apply `fields`? (livechat lists it but ignores it) */
  readonly projects: boolean;
}

const DATE_RANGE = '{"start":"2023-01-01","end":"2023-12-31"}';

const common = {
  count: { name: 'count', kind: 'number', help: 'Rooms per page (empty: the server default).' },
  offset: { name: 'offset', kind: 'number', help: 'Rooms to skip.' },
  sort: { name: 'sort', kind: 'json', placeholder: '{"ts":-1}', help: 'JSON object: field → 1 (ascending) or -1. Column headers set it.' },
  query: { name: 'query', kind: 'json', placeholder: '{}', help: 'Extra JSON filter the endpoint accepts.' },
  fields: { name: 'fields', kind: 'json', placeholder: '{"name":1}', help: 'JSON projection. The fields chooser sets it.' },
  createdAt: { name: 'createdAt', kind: 'json', placeholder: DATE_RANGE, help: 'JSON {start?, end?}: when the room was created.' },
  closedAt: { name: 'closedAt', kind: 'json', placeholder: DATE_RANGE, help: 'JSON {start?, end?}: when the room was closed.' },
  agents: {
    name: 'agents',
    kind: 'list',
    placeholder: 'agent user ids, comma-separated',
    help: 'Rooms served by these agents (an agent may ask only for itself).',
  },
  tags: { name: 'tags', kind: 'list', placeholder: 'support, sales', help: 'Rooms with any of these tags.' },
  roomName: { name: 'roomName', kind: 'text', help: 'Part of the room name (case-insensitive).' },
} as const satisfies Record<string, ParamSpec>;

const OPEN: ParamSpec = { name: 'open', kind: 'enum', options: ['true', 'false'], help: 'Only open (true) or closed (false) rooms.' };

export const VOIP: EndpointSpec = {
  id: 'voip',
  label: 'voip/rooms (calls)',
  route: '/api/v1/voip/rooms',
  streamRoute: '/api/v1/voip/rooms.stream',
  patchRoute: '/api/v1/voip/rooms.patch',
  explainRoute: '/api/v1/voip/rooms.explain',
  projects: true,
  // Upstream's schema order, then `fields` (room-query's default mode accepts it).
  params: [
    common.agents,
    OPEN,
    common.createdAt,
    common.closedAt,
    common.tags,
    { name: 'queue', kind: 'text', placeholder: '8001', help: 'The call queue.' },
    { name: 'visitorId', kind: 'text', help: "The caller's visitor id." },
    { name: 'direction', kind: 'enum', options: ['inbound', 'outbound'], help: 'Who placed the call.' },
    common.roomName,
    common.count,
    common.offset,
    common.sort,
    common.query,
    common.fields,
  ],
  columns: [
    { path: 'fname', label: 'Caller' },
    { path: 'open', label: 'Status', format: 'open' },
    { path: 'queue', label: 'Queue' },
    { path: 'direction', label: 'Direction' },
    { path: 'servedBy.username', label: 'Agent' },
    { path: 'ts', label: 'Started', format: 'date' },
    { path: 'closedAt', label: 'Closed', format: 'date' },
    { path: 'callDuration', label: 'Duration', format: 'duration' },
    { path: 'tags', label: 'Tags', format: 'list' },
  ],
};

export const LIVECHAT: EndpointSpec = {
  id: 'livechat',
  label: 'livechat/rooms (chats)',
  route: '/api/v1/livechat/rooms',
  streamRoute: '/api/v1/livechat/rooms.stream',
  explainRoute: '/api/v1/livechat/rooms.explain',
  projects: false,
  params: [
    common.count,
    common.offset,
    common.sort,
    common.query,
    common.fields,
    common.createdAt,
    { name: 'customFields', kind: 'json', placeholder: '{"plan":"gold"}', help: 'JSON: custom field → pattern (case-insensitive).' },
    common.closedAt,
    common.agents,
    common.roomName,
    { name: 'departmentId', kind: 'text', help: 'The department.' },
    OPEN,
    { name: 'onhold', kind: 'enum', options: ['true', 'false'], help: 'Only rooms on hold.' },
    { name: 'queued', kind: 'enum', options: ['true', 'false'], help: 'Only rooms waiting for an agent.' },
    common.tags,
  ],
  columns: [
    { path: 'fname', label: 'Visitor' },
    { path: 'open', label: 'Status', format: 'open' },
    { path: 'departmentId', label: 'Department', display: 'department.name' },
    { path: 'servedBy.username', label: 'Agent' },
    { path: 'ts', label: 'Started', format: 'date' },
    { path: 'closedAt', label: 'Closed', format: 'date' },
    { path: 'msgs', label: 'Messages' },
    { path: 'tags', label: 'Tags', format: 'list' },
  ],
};

export const ENDPOINTS: ReadonlyArray<EndpointSpec> = [VOIP, LIVECHAT];
