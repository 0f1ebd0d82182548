// Validated livechat parameters → the filter AST, condition by condition as upstream's
// findRoomsWithCriteria builds its query (docs/livechat.md, "Filters").
import type { Mode } from '../../options.js';
import { AndNode } from '../../query/and-node.js';
import { EqNode } from '../../query/eq-node.js';
import { ExistsNode } from '../../query/exists-node.js';
import type { FilterNode } from '../../query/filter-node.js';
import { InNode } from '../../query/in-node.js';
import { IsTrueNode } from '../../query/is-true-node.js';
import { NoneNode } from '../../query/none-node.js';
import { NotNode } from '../../query/not-node.js';
import { OrNode } from '../../query/or-node.js';
import { RangeNode } from '../../query/range-node.js';
import { RegexNode } from '../../query/regex-node.js';
import { SubstringNode } from '../../query/substring-node.js';
import { isTruthyFlag } from './flag-param.js';
import type { LivechatParams } from './livechat-params-codec.js';
import type { CustomFieldPattern } from './parse-custom-fields.js';
import type { LivechatDateFilter } from './parse-livechat-date.js';

export interface LivechatFilterInputs {
  readonly params: LivechatParams;
  readonly createdAt: LivechatDateFilter;
  readonly closedAt: LivechatDateFilter;
  readonly customFields: ReadonlyArray<CustomFieldPattern>;
}

// Upstream tests `if (agents)`: an empty list is truthy there and `$in: []` matches nothing.
// Default mode reads an empty list as "no filter", as it does for voip.
const listFilter = (mode: Mode, list: ReadonlyArray<string> | undefined): list is ReadonlyArray<string> =>
  list !== undefined && (mode === 'rocketchat' || list.length > 0);

const noDepartment = (id: string): boolean => id === '' || id === 'undefined';

const departmentFilter = (departmentId: string | ReadonlyArray<string> | undefined): FilterNode | undefined => {
  if (departmentId === undefined) return undefined;
  if (typeof departmentId === 'string') return noDepartment(departmentId) ? undefined : EqNode.create('departmentId', departmentId);
  const ids = departmentId.filter((id) => !noDepartment(id));
  return ids.length === 0 ? undefined : InNode.create('departmentId', ids);
};

// default mode: `"Mary Ann"` (quotes included) asks for that exact display name.
const roomNameFilter = (mode: Mode, roomName: string | undefined): FilterNode | undefined => {
  if (roomName === undefined || roomName === '') return undefined;
  if (mode === 'default' && roomName.length >= 2 && roomName.startsWith('"') && roomName.endsWith('"')) {
    return EqNode.create('fname', roomName.slice(1, -1));
  }
  return SubstringNode.create('fname', roomName);
};

const dateFilter = (path: string, date: LivechatDateFilter): FilterNode | undefined => {
  switch (date.kind) {
    case 'none':
      return undefined;
    case 'empty':
      return NoneNode.create(path);
    case 'range':
      return RangeNode.create(path, date.gte, date.lte);
    default: {
      const never: never = date;
      return never;
    }
  }
};

/** open / onhold / queued (spec order: open sets its conditions, onhold replaces the onHold one, queued overrides all). */
const statusFilters = (params: LivechatParams): FilterNode[] => {
  let open: FilterNode | undefined;
  let servedBy: FilterNode | undefined;
  let onHold: FilterNode | undefined;
  if (params.open === 'true' || params.open === 'false') {
    const isOpen = params.open === 'true';
    open = ExistsNode.create('open', isOpen);
    if (isOpen) servedBy = ExistsNode.create('servedBy', true);
    onHold = NotNode.create(IsTrueNode.create('onHold'));
  }
  if (isTruthyFlag(params.onhold)) onHold = IsTrueNode.create('onHold');
  if (isTruthyFlag(params.queued)) {
    servedBy = ExistsNode.create('servedBy', false);
    open = IsTrueNode.create('open');
    onHold = NotNode.create(IsTrueNode.create('onHold'));
  }
  return [open, servedBy, onHold].filter((n): n is FilterNode => n !== undefined);
};

export const buildLivechatFilter = (mode: Mode, { params, createdAt, closedAt, customFields }: LivechatFilterInputs): AndNode => {
  const nodes: FilterNode[] = [EqNode.create('t', 'l')];
  const { agents, tags } = params;
  if (listFilter(mode, agents)) {
    nodes.push(
      mode === 'rocketchat'
        ? OrNode.create([InNode.create('servedBy._id', agents), InNode.create('servedBy.username', agents)])
        : InNode.create('servedBy._id', agents),
    );
  }
  const optional = [
    roomNameFilter(mode, params.roomName),
    departmentFilter(params.departmentId),
    ...statusFilters(params),
    dateFilter('ts', createdAt),
    dateFilter('closedAt', closedAt),
    listFilter(mode, tags) ? InNode.create('tags', tags) : undefined,
    ...customFields.map((field) => RegexNode.create(`livechatData.${field.key}`, field.source)),
  ];
  for (const node of optional) if (node !== undefined) nodes.push(node);
  return AndNode.create(nodes);
};
