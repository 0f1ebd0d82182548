// Validated parameters → the filter AST, key by key as upstream's findRoomsWithCriteria builds its query.
import type { Mode } from '../options.js';
import { AndNode } from '../query/and-node.js';
import { EqNode } from '../query/eq-node.js';
import { ExistsNode } from '../query/exists-node.js';
import type { FilterNode } from '../query/filter-node.js';
import { InNode } from '../query/in-node.js';
import { OrNode } from '../query/or-node.js';
import { RangeNode } from '../query/range-node.js';
import { SubstringNode } from '../query/substring-node.js';
import type { RoomsParams } from './params-codec.js';
import type { DateBounds } from './parse-date-range.js';

export interface FilterInputs {
  readonly params: RoomsParams;
  readonly createdAt: DateBounds | undefined;
  readonly closedAt: DateBounds | undefined;
}

// Upstream tests `if (agents)`: an empty list is truthy there and `$in: []` matches nothing.
// Default mode reads an empty list as "no filter", which is what a caller means by it.
const listFilter = (mode: Mode, list: ReadonlyArray<string> | undefined): list is ReadonlyArray<string> =>
  list !== undefined && (mode === 'rocketchat' || list.length > 0);

const openFilter = (mode: Mode, open: 'true' | 'false' | undefined): boolean | undefined =>
  // Upstream's route passes `open === 'true'`, so an absent `open` selects closed rooms.
  mode === 'rocketchat' ? open === 'true' : open === undefined ? undefined : open === 'true';

export const buildFilter = (mode: Mode, { params, createdAt, closedAt }: FilterInputs): AndNode => {
  const nodes: FilterNode[] = [EqNode.create('t', 'v')];
  const { agents, tags, visitorId, queue, direction, roomName } = params;
  if (visitorId !== undefined && visitorId !== '' && visitorId !== 'undefined') nodes.push(EqNode.create('v._id', visitorId));
  if (listFilter(mode, agents)) {
    nodes.push(OrNode.create([InNode.create('servedBy._id', agents), InNode.create('servedBy.username', agents)]));
  }
  const open = openFilter(mode, params.open);
  if (open !== undefined) nodes.push(ExistsNode.create('open', open));
  if (createdAt !== undefined) nodes.push(RangeNode.create('ts', createdAt.gte, createdAt.lte));
  if (closedAt !== undefined) nodes.push(RangeNode.create('closedAt', closedAt.gte, closedAt.lte));
  if (listFilter(mode, tags)) nodes.push(InNode.create('tags', tags));
  if (queue !== undefined && queue !== '') nodes.push(EqNode.create('queue', queue));
  if (direction !== undefined) nodes.push(EqNode.create('direction', direction));
  if (roomName !== undefined && roomName !== '') nodes.push(SubstringNode.create('name', roomName));
  return AndNode.create(nodes);
};
