// The page's state as plain data, and its two text forms: the API query string (sent, shown, copied as
// curl) and the page URL (the same query string plus `#endpoint=…&live=1`, so a reload or a shared
// link shows the same view). Pure functions: the DOM code only reads and writes these.
import type { EndpointSpec, ParamSpec } from './endpoints.js';

export type ParamValues = Readonly<Record<string, string | ReadonlyArray<string>>>;

export interface ViewState {
  readonly endpoint: EndpointSpec['id'];
  readonly live: boolean;
  /** Non-empty values by API name; `list` parameters as arrays. */
  readonly params: ParamValues;
}

export type SortKeys = ReadonlyArray<readonly [path: string, direction: 1 | -1]>;

const isList = (spec: EndpointSpec, name: string): boolean => spec.params.some((p) => p.name === name && p.kind === 'list');

/** `agents[]=a&agents[]=b&open=true…` in the endpoint's parameter order (arrays in the bracket form both modes accept). */
export const toQueryString = (spec: EndpointSpec, params: ParamValues): string => {
  const q = new URLSearchParams();
  for (const p of spec.params) {
    const value = params[p.name];
    if (value === undefined) continue;
    if (typeof value === 'string') {
      if (value !== '') q.append(p.name, value);
    } else for (const v of value) q.append(`${p.name}[]`, v);
  }
  return q.toString();
};

/** Reads the page URL back; unknown parameters are dropped, `agents=x` and `agents[]=x` both read as a list. */
export const fromPageUrl = (search: string, hash: string, endpoints: ReadonlyArray<EndpointSpec>): ViewState => {
  const page = new URLSearchParams(hash.replace(/^#/, ''));
  const spec = endpoints.find((e) => e.id === page.get('endpoint')) ?? endpoints[0];
  if (spec === undefined) throw new Error('no endpoints');
  const params: Record<string, string | string[]> = {};
  for (const [rawKey, value] of new URLSearchParams(search)) {
    const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    const param: ParamSpec | undefined = spec.params.find((p) => p.name === key);
    if (param === undefined || value === '') continue;
    if (isList(spec, key)) params[key] = [...((params[key] as string[] | undefined) ?? []), value];
    else params[key] = value;
  }
  return { endpoint: spec.id, live: page.get('live') === '1', params };
};

export const toPageUrl = (spec: EndpointSpec, state: ViewState): string => {
  const query = toQueryString(spec, state.params);
  const hash = new URLSearchParams({ endpoint: state.endpoint, ...(state.live ? { live: '1' } : {}) }).toString();
  return `${query === '' ? '' : `?${query}`}#${hash}`;
};

/** `agents: "a, b"` (a form field) → ['a', 'b']. */
export const splitList = (text: string): ReadonlyArray<string> =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The sort parameter's keys in order; anything that is not a JSON object of ±1 reads as no keys. */
export const readSort = (raw: string | undefined): SortKeys => {
  if (raw === undefined || raw === '') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [];
    return Object.entries(parsed).flatMap(([k, v]) => (v === 1 || v === -1 ? [[k, v] as const] : []));
  } catch {
    return [];
  }
};

export const writeSort = (keys: SortKeys): string => (keys.length === 0 ? '' : JSON.stringify(Object.fromEntries(keys)));

/**
 * A header click: alone, it sorts by that column only (ascending, or flipped when it was the first key);
 * with shift, it adds the column as the next key (or flips it in place when already a key).
 */
export const nextSort = (keys: SortKeys, path: string, multi: boolean): SortKeys => {
  const at = keys.findIndex(([k]) => k === path);
  const flipped = (d: 1 | -1): 1 | -1 => (d === 1 ? -1 : 1);
  if (multi) {
    if (at === -1) return [...keys, [path, 1]];
    return keys.map(([k, d]) => (k === path ? [k, flipped(d)] : [k, d]));
  }
  const primary = at === 0 ? keys[0] : undefined;
  return [[path, primary === undefined ? 1 : flipped(primary[1])]];
};

/** "51–100" (en dash) for the page's rooms, "0" for an empty page; the markup adds "of <total>". */
export const rangeText = (offset: number, shown: number): string => (shown === 0 ? '0' : `${offset + 1}–${offset + shown}`);

/** The `fields` projection for the chosen columns (`_id` always comes back); '' when every column is chosen. */
export const fieldsFor = (chosen: ReadonlyArray<string>, all: ReadonlyArray<string>): string => {
  if (all.every((c) => chosen.includes(c))) return '';
  return JSON.stringify(Object.fromEntries(chosen.map((p) => [p, 1])));
};

/** Shell single-quoting for the curl line. */
const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export const curlLine = (url: string, userId: string, token: string): string =>
  ['curl -s', shellQuote(url), `-H ${shellQuote(`X-User-Id: ${userId}`)}`, `-H ${shellQuote(`X-Auth-Token: ${token}`)}`].join(' ');
