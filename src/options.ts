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

/** A livechat department (rocketchat_livechat_department, type ≠ 'u'); `ancestors` are the ids of its units. */
export interface Department {
  readonly _id: string;
  readonly name: string;
  readonly ancestors?: ReadonlyArray<string>;
}

/**
 * Departments, units and who monitors or serves them, shaped like Rocket.Chat's collections. Enterprise
 * Edition behaviour (monitor scope, the `units` parameter) applies iff `units` is non-empty; without units
 * livechat/rooms behaves as Community Edition does. Decode outside data with `OmnichannelCodec`.
 */
export interface Omnichannel {
  readonly departments?: ReadonlyArray<Department>;
  /** Units: rocketchat_livechat_department documents with type 'u'. */
  readonly units?: ReadonlyArray<{ readonly _id: string; readonly name: string }>;
  /** rocketchat_livechat_unit_monitors. */
  readonly unitMonitors?: ReadonlyArray<{ readonly monitorId: string; readonly unitId: string }>;
  /** rocketchat_livechat_department_agents. */
  readonly departmentAgents?: ReadonlyArray<{ readonly agentId: string; readonly departmentId: string }>;
}

export interface QueryOptions {
  readonly mode?: Mode;
  readonly paging?: Partial<PagingSettings>;
  readonly permissions?: PermissionTable;
  readonly limits?: Partial<RequestLimits>;
  /** livechat/rooms: departments, units, monitors (Enterprise scope, `department` on rooms). */
  readonly omnichannel?: Omnichannel;
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
