// A page of rooms for the terminal: a readable table (voip: id, name, queue, agent, open, ts; livechat:
// id, name, department, agent, status, ts), the HTTP body as JSON, or one room per line (NDJSON) for jq.

import { toJsonValue, type RoomsPage } from '../index.js';
import type { EndpointName, PageFormat } from './commands.js';

const at = (room: Readonly<Record<string, unknown>>, path: string): unknown =>
  path.split('.').reduce<unknown>((x, k) => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>)[k] : undefined), room);

const cell = (x: unknown): string => {
  if (x === undefined || x === null) return '';
  if (x instanceof Date) return Number.isNaN(x.getTime()) ? 'Invalid Date' : x.toISOString();
  return typeof x === 'string' ? x : JSON.stringify(x);
};

/** Terminal columns are characters, not bytes: cut long names and pad by code points. */
const fit = (s: string, width: number): string => {
  const chars = [...s.replace(/[\r\n\t]/g, ' ')];
  return chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : s.replace(/[\r\n\t]/g, ' ') + ' '.repeat(width - chars.length);
};

const COLUMNS: Readonly<Record<EndpointName, ReadonlyArray<readonly [string, string, number]>>> = {
  voip: [
    ['_id', '_id', 17],
    ['name', 'name', 24],
    ['queue', 'queue', 5],
    ['agent', 'servedBy.username', 12],
    ['open', 'open', 4],
    ['ts', 'ts', 24],
  ],
  livechat: [
    ['_id', '_id', 17],
    ['name', 'fname', 24],
    ['department', 'department.name', 10],
    ['agent', 'servedBy.username', 12],
    ['status', 'status', 7],
    ['ts', 'ts', 24],
  ],
};

/** A livechat room's state as the Current Chats page shows it. */
const status = (room: Readonly<Record<string, unknown>>): string =>
  room['open'] !== true ? 'closed' : room['onHold'] === true ? 'on hold' : room['servedBy'] === undefined ? 'queued' : 'open';

const table = (page: RoomsPage, endpoint: EndpointName): ReadonlyArray<string> => {
  const columns = COLUMNS[endpoint];
  const row = (cells: ReadonlyArray<string>): string =>
    cells
      .map((c, i) => fit(c, columns[i]?.[2] ?? 10))
      .join('  ')
      .trimEnd();
  const value = (room: Readonly<Record<string, unknown>>, path: string): string =>
    path === 'open' ? (room['open'] === true ? 'yes' : 'no') : path === 'status' ? status(room) : cell(at(room, path));
  return [
    row(columns.map(([title]) => title)),
    ...page.rooms.map((room) => row(columns.map(([, path]) => value(room, path)))),
    `${page.count} of ${page.total} rooms (offset ${page.offset})`,
  ];
};

/** The lines to print for `page`. */
export const formatPage = (page: RoomsPage, format: PageFormat, endpoint: EndpointName = 'voip'): ReadonlyArray<string> => {
  switch (format) {
    case 'table':
      return table(page, endpoint);
    case 'json':
      return [JSON.stringify({ ...(toJsonValue(page) as object), success: true }, null, 2)];
    case 'ndjson':
      return page.rooms.map((room) => JSON.stringify(room));
    default: {
      const never: never = format;
      return never;
    }
  }
};
