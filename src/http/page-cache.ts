// The last pages an API answered over its immutable collection, as text and UTF-8 bytes, by ETag: the same
// request (same parsed query, same scope) over the same collection is the same bytes (etag.ts), so a polling
// dashboard's repeat is answered without running the query, assembling the JSON or encoding it again.
// Least recently used first out, bounded by entries and by bytes.

export interface CachedPage {
  readonly text: string;
  readonly bytes: Uint8Array;
}

export interface PageCache {
  get(key: string): CachedPage | undefined;
  /** Keeps `text` (and its bytes, encoded here) under `key` unless it alone exceeds the byte budget. */
  put(key: string, text: string): CachedPage;
}

const encoder = new TextEncoder();

export const createPageCache = (maxEntries = 64, maxBytes = 16 * 2 ** 20): PageCache => {
  // A Map iterates in insertion order: re-inserting on a hit makes its first key the least recently used.
  const pages = new Map<string, CachedPage>();
  let bytes = 0;
  return {
    get: (key) => {
      const page = pages.get(key);
      if (page !== undefined) {
        pages.delete(key);
        pages.set(key, page);
      }
      return page;
    },
    put: (key, text) => {
      const page: CachedPage = { text, bytes: encoder.encode(text) };
      if (page.bytes.byteLength > maxBytes || maxEntries < 1) return page;
      const old = pages.get(key);
      if (old !== undefined) {
        pages.delete(key);
        bytes -= old.bytes.byteLength;
      }
      pages.set(key, page);
      bytes += page.bytes.byteLength;
      for (const [k, p] of pages) {
        if (pages.size <= maxEntries && bytes <= maxBytes) break;
        pages.delete(k);
        bytes -= p.bytes.byteLength;
      }
      return page;
    },
  };
};
