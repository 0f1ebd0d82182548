// Filter AST → one predicate closure, built once per query.
import type { FilterNode } from '../query/filter-node.js';
import { foldFilter } from '../query/fold.js';
import { filterOperators, type Predicate } from './operators.js';

export const compileFilter: (node: FilterNode) => Predicate = foldFilter(filterOperators);
