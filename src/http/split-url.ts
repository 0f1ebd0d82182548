// A request target (`/path?query`, or the absolute form a proxy sends) split into path and query string.

export interface SplitUrl {
  readonly path: string;
  /** The raw query string without `?` ('' when there is none). */
  readonly search: string;
}

const ORIGIN = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*/;

/** Never throws: anything that is not a known route simply fails to match later. */
export const splitUrl = (url: string): SplitUrl => {
  const target = url.replace(ORIGIN, '');
  const hash = target.indexOf('#');
  const noHash = hash === -1 ? target : target.slice(0, hash);
  const q = noHash.indexOf('?');
  return q === -1 ? { path: noHash === '' ? '/' : noHash, search: '' } : { path: noHash.slice(0, q) || '/', search: noHash.slice(q + 1) };
};
