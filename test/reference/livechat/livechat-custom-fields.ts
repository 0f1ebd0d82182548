// Reference customFields (spec §2, contract "customFields"): a JSON object of key → regex on livechatData.<key>.
// Validity is judged by V8 (`new RegExp(v, 'i')`, never run, so never slow) and then by re2js, which must accept
// the very same source with CASE_INSENSITIVE. Matching runs on re2js, not V8: the contract says the engine
// matches on re2js, and V8 answers differently for some accepted patterns (case folding of ſ/K/ẞ, `.` vs "\r",
// `\s` vs U+00A0, `\Q…\E`, `\z`, `\A`, `\p{L}` mean other things); re2js is also linear-time on any input.

import { RE2JS } from 're2js';
import { readPath } from '../reference-path.js';
import { invalidCustomFields, invalidRegex, notLinearRegex, type LivechatFailure } from './livechat-errors.js';

export type CustomFieldEntry = { key: string; source: string };
export type CustomFieldMatcher = { key: string; regex: RE2JS };

/** Empty, `$`-prefixed, or with an empty dotted segment (`a..b`, `.a`, `a.`). */
function badKey(key: string): boolean {
  if (key === '' || key.startsWith('$')) return true;
  const segments = key.split('.');
  for (let i = 0; i < segments.length; i++) if (segments[i] === '') return true;
  return false;
}

/** The "customFields" stage: `undefined` = no filter; the entries in key order; or the 400. */
export function referenceParseCustomFields(raw: string | undefined): CustomFieldEntry[] | undefined | LivechatFailure {
  if (raw === undefined || raw === '') return undefined; // upstream: `if (customFields)`
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return invalidCustomFields;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return invalidCustomFields;
  const record = parsed as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) if (badKey(keys[i] as string)) return invalidCustomFields;
  if (keys.length === 0) return undefined;
  const out: CustomFieldEntry[] = [];
  for (let i = 0; i < keys.length; i++) out.push({ key: keys[i] as string, source: String(record[keys[i] as string]) });
  return out;
}

/** The regex stage, key by key: V8's verdict first, then re2js's. */
export function referenceCompileCustomFields(entries: ReadonlyArray<CustomFieldEntry>): CustomFieldMatcher[] | LivechatFailure {
  const out: CustomFieldMatcher[] = [];
  for (let i = 0; i < entries.length; i++) {
    const { key, source } = entries[i]!;
    try {
      new RegExp(source, 'i'); // compiled only, never executed
    } catch (e) {
      return invalidRegex((e as Error).message);
    }
    let regex: RE2JS;
    try {
      regex = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
    } catch {
      return notLinearRegex(key);
    }
    out.push({ key, regex });
  }
  return out;
}

/** MongoDB `$regex` on a path: a string that matches, or an array with such a string; other types never match. */
function pathMatches(room: unknown, path: string, regex: RE2JS): boolean {
  const read = readPath(room, path);
  if (!read.found) return false;
  const value = read.value;
  if (typeof value === 'string') return regex.test(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (typeof element === 'string' && regex.test(element)) return true;
    }
  }
  return false;
}

/** Every key matches (keys are ANDed). */
export function referenceCustomFieldsMatch(room: unknown, matchers: ReadonlyArray<CustomFieldMatcher>): boolean {
  for (let i = 0; i < matchers.length; i++) {
    const m = matchers[i]!;
    if (!pathMatches(room, `livechatData.${m.key}`, m.regex)) return false;
  }
  return true;
}
