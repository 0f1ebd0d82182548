// The explorer page's built files (index.html, explorer.js, explorer.css) read once from a folder and
// answered from memory with their content type and a strict Content-Security-Policy: the page runs
// only our own script and style and talks only to this origin.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface StaticAsset {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/**
 * Every file of `dir` with a known extension, keyed by its name (no subfolders, so no path can escape
 * the folder). A missing folder gives no assets: the API still works, `/` answers 404.
 */
export const readStaticAssets = (dir: string): ReadonlyMap<string, StaticAsset> => {
  const assets = new Map<string, StaticAsset>();
  let names: ReadonlyArray<string>;
  try {
    names = readdirSync(dir);
  } catch {
    return assets;
  }
  for (const name of names) {
    const type = CONTENT_TYPES[extname(name)];
    if (type === undefined) continue;
    const body = readFileSync(join(dir, name));
    assets.set(name, {
      body,
      headers: {
        'content-type': type,
        'content-length': String(body.length),
        'cache-control': 'no-cache',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      },
    });
  }
  return assets;
};
