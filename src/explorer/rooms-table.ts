// The rooms table: sortable column headers (buttons, so they are keyboard reachable; aria-sort on the
// primary key), one row per room with `data-room-id`, and a brief highlight on rows a live patch changed.
import type { ColumnSpec } from './endpoints.js';
import { h } from './dom.js';
import type { SortKeys } from './view-state.js';

export type RoomJson = Readonly<Record<string, unknown>>;

const read = (room: RoomJson, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined), room);

const pad2 = (n: number): string => String(n).padStart(2, '0');

const formatDuration = (ms: number): string => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${pad2(s % 60)}`;
};

export const formatCell = (column: ColumnSpec, value: unknown, room: RoomJson): string => {
  if (column.format === 'open') return value === true ? 'open' : room['closedAt'] !== undefined ? 'closed' : '—';
  if (value === undefined || value === null) return '—';
  switch (column.format) {
    case 'date':
      return typeof value === 'string' ? value.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : JSON.stringify(value);
    case 'duration':
      return typeof value === 'number' ? formatDuration(value) : JSON.stringify(value);
    case 'list':
      return Array.isArray(value) ? (value.length === 0 ? '—' : value.join(', ')) : JSON.stringify(value);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
};

export interface TableOptions {
  readonly columns: ReadonlyArray<ColumnSpec>;
  readonly sort: SortKeys;
  readonly rooms: ReadonlyArray<RoomJson>;
  /** Ids of rows to highlight (changed by the last live patch). */
  readonly changed: ReadonlySet<string>;
  readonly onSort: (path: string, multi: boolean) => void;
}

const headerCell = (column: ColumnSpec, sort: SortKeys, onSort: TableOptions['onSort']): HTMLTableCellElement => {
  const at = sort.findIndex(([k]) => k === column.path);
  const key = sort[at];
  const direction = key === undefined ? undefined : key[1] === 1 ? 'ascending' : 'descending';
  const mark = key === undefined ? '' : `${key[1] === 1 ? '▲' : '▼'}${sort.length > 1 ? at + 1 : ''}`;
  const button = h(
    'button',
    { type: 'button', class: 'sort', 'data-sort-path': column.path, title: 'Sort by this column; shift-click adds it as a further key' },
    column.label,
    h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, mark),
  );
  button.addEventListener('click', (e) => onSort(column.path, e.shiftKey));
  // Only the primary key gets aria-sort (ARIA allows one sorted column per table).
  return h(
    'th',
    { scope: 'col', 'aria-sort': at === 0 ? direction : undefined, 'data-sort-rank': at === -1 ? undefined : String(at + 1) },
    button,
  );
};

export const renderTable = (table: HTMLTableElement, options: TableOptions): void => {
  const { columns, rooms, changed } = options;
  const head = h('thead', {}, h('tr', {}, ...columns.map((c) => headerCell(c, options.sort, options.onSort))));
  const body = h(
    'tbody',
    {},
    ...rooms.map((room) => {
      const id = typeof room['_id'] === 'string' ? room['_id'] : '';
      const row = h(
        'tr',
        { 'data-testid': 'room-row', 'data-room-id': id, class: changed.has(id) ? 'changed' : undefined },
        ...columns.map((c, i) => {
          const text = formatCell(c, (c.display !== undefined ? read(room, c.display) : undefined) ?? read(room, c.path), room);
          return i === 0 ? h('th', { scope: 'row', 'data-col': c.path }, text) : h('td', { 'data-col': c.path }, text);
        }),
      );
      return row;
    }),
  );
  const caption = table.querySelector('caption');
  table.replaceChildren(...(caption ? [caption] : []), head, body);
};

/** Rooms whose JSON differs between two pages (added rooms included), by `_id`. */
export const changedIds = (before: ReadonlyArray<RoomJson>, after: ReadonlyArray<RoomJson>): ReadonlySet<string> => {
  const old = new Map(before.map((r) => [String(r['_id']), JSON.stringify(r)]));
  return new Set(after.filter((r) => old.get(String(r['_id'])) !== JSON.stringify(r)).map((r) => String(r['_id'])));
};
