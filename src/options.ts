// Options that change answers are explicit and typed, never hidden globals.

/** `default`: our documented behaviour; `rocketchat`: upstream's quirks reproduced (docs/endpoint.md). */
export type Mode = 'default' | 'rocketchat';

/** The server's paging settings (API_Default_Count, API_Upper_Count_Limit, API_Allow_Infinite_Count). */
export interface PagingSettings {
  readonly defaultCount: number;
  readonly maxCount: number;
  readonly allowInfiniteCount: boolean;
}

/** Permission name → roles that hold it, as Rocket.Chat stores its permissions collection. */
export type PermissionTable = Readonly<Record<string, ReadonlyArray<string>>>;

/** Bounds on outside input, so no request costs more than O(size of the collection). */
export interface RequestLimits {
  /** `&`-separated parameters in a query string (qs parameterLimit). */
  readonly maxParameters: number;
  /** Elements of `agents` / `tags`. */
  readonly maxListLength: number;
  /** Characters of any one string parameter (JSON ones included). */
  readonly maxParamLength: number;
}

export const DEFAULT_LIMITS: RequestLimits = Object.freeze({ maxParameters: 2000, maxListLength: 500, maxParamLength: 8192 });

export interface QueryOptions {
  readonly mode?: Mode;
  readonly paging?: Partial<PagingSettings>;
  readonly permissions?: PermissionTable;
  readonly limits?: Partial<RequestLimits>;
}

export const resolveLimits = (limits: Partial<RequestLimits> | undefined): RequestLimits => ({ ...DEFAULT_LIMITS, ...limits });

export const defaultPaging = (mode: Mode): PagingSettings => ({
  defaultCount: 50,
  maxCount: 100,
  allowInfiniteCount: mode === 'rocketchat',
});

export const resolvePaging = (mode: Mode, paging: Partial<PagingSettings> | undefined): PagingSettings => ({
  ...defaultPaging(mode),
  ...paging,
});
