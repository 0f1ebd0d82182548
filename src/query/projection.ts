// Which fields come back: all, an inclusion list (with or without _id) or an exclusion list.
import { FieldPath } from './field-path.js';

export type Projection =
  | { readonly kind: 'all' }
  | { readonly kind: 'include'; readonly paths: ReadonlyArray<FieldPath>; readonly includeId: boolean }
  | { readonly kind: 'exclude'; readonly paths: ReadonlyArray<FieldPath> };

/** Fields Rocket.Chat never returns from this endpoint, whatever the projection says. */
export const HIDDEN_FIELDS: ReadonlyArray<string> = Object.freeze(['joinCode', 'members', 'importIds', 'e2e']);

export const Projection = Object.freeze({
  all: (): Projection => Object.freeze({ kind: 'all' }),
  include: (paths: ReadonlyArray<string>, includeId: boolean): Projection =>
    Object.freeze({ kind: 'include', paths: Object.freeze(paths.map(FieldPath.of)), includeId }),
  exclude: (paths: ReadonlyArray<string>): Projection =>
    Object.freeze({ kind: 'exclude', paths: Object.freeze(paths.map(FieldPath.of)) }),
});
