// Which fields come back: all, an inclusion list (with or without _id) or an exclusion list, and the
// fields the endpoint never returns whatever the request says (voip: joinCode, members, importIds, e2e;
// livechat: none — upstream returns whole documents).
import { FieldPath } from './field-path.js';

export type Projection =
  | { readonly kind: 'all'; readonly hidden: ReadonlyArray<string> }
  | {
      readonly kind: 'include';
      readonly paths: ReadonlyArray<FieldPath>;
      readonly includeId: boolean;
      readonly hidden: ReadonlyArray<string>;
    }
  | { readonly kind: 'exclude'; readonly paths: ReadonlyArray<FieldPath>; readonly hidden: ReadonlyArray<string> };

/** Fields Rocket.Chat never returns from voip/rooms, whatever the projection says. */
export const HIDDEN_FIELDS: ReadonlyArray<string> = Object.freeze(['joinCode', 'members', 'importIds', 'e2e']);

export const Projection = Object.freeze({
  all: (hidden: ReadonlyArray<string> = HIDDEN_FIELDS): Projection => Object.freeze({ kind: 'all', hidden }),
  include: (paths: ReadonlyArray<string>, includeId: boolean, hidden: ReadonlyArray<string> = HIDDEN_FIELDS): Projection =>
    Object.freeze({ kind: 'include', paths: Object.freeze(paths.map(FieldPath.of)), includeId, hidden }),
  exclude: (paths: ReadonlyArray<string>, hidden: ReadonlyArray<string> = HIDDEN_FIELDS): Projection =>
    Object.freeze({ kind: 'exclude', paths: Object.freeze(paths.map(FieldPath.of)), hidden }),
});
