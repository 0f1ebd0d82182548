// JSON Pointer (RFC 6901) ⇄ path arrays: the ONE place pointers are converted (style.md: immer and
// our code speak arrays, fast-json-patch and the wire speak pointers; two converters drift).
import * as E from 'fp-ts/lib/Either.js';

/** `/r1/tags/0` → `['r1', 'tags', '0']`; `''` (the whole document) → `[]`. */
export const parsePointer = (pointer: string): E.Either<string, ReadonlyArray<string>> => {
  if (pointer === '') return E.right([]);
  if (!pointer.startsWith('/')) return E.left('a JSON Pointer starts with "/"');
  const steps = pointer.slice(1).split('/');
  if (!pointer.includes('~')) return E.right(steps); // the common case: nothing escaped
  for (const step of steps) {
    // "~" must be followed by 0 or 1 (RFC 6901 §3); anything else is a malformed pointer.
    if (/~(?![01])/.test(step)) return E.left(`"${step}" has a "~" not followed by 0 or 1`);
  }
  return E.right(steps.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));
};

/** `['r/1', 'tags']` → `/r~11/tags` (the inverse of parsePointer). */
export const toPointer = (steps: ReadonlyArray<string>): string => {
  let out = '';
  for (const s of steps) out += '/' + (s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s);
  return out;
};
