// The filter AST: plain readonly data with a `kind` discriminant, one node kind per file.
import type { AndNode } from './and-node.js';
import type { EqNode } from './eq-node.js';
import type { ExistsNode } from './exists-node.js';
import type { InNode } from './in-node.js';
import type { IsTrueNode } from './is-true-node.js';
import type { NoneNode } from './none-node.js';
import type { NotNode } from './not-node.js';
import type { OrNode } from './or-node.js';
import type { RangeNode } from './range-node.js';
import type { RegexNode } from './regex-node.js';
import type { ServedByNode } from './served-by-node.js';
import type { SubstringNode } from './substring-node.js';

export type FilterNode =
  EqNode | InNode | ExistsNode | RangeNode | SubstringNode | ServedByNode | IsTrueNode | RegexNode | NoneNode | NotNode | AndNode | OrNode;
export type FilterKind = FilterNode['kind'];
