// Caller-supplied regular expressions, run in linear time: a pattern is checked the way upstream builds it
// (`new RegExp(v, 'i')`: same SyntaxError text), then compiled for RE2 (re2js), which never backtracks.
// RE2 reads a pattern the way MongoDB's PCRE does where JavaScript differs (`.` matches `\r`, `\A`, `\z`,
// `\p{L}`), and that is where upstream's regex really runs. Features RE2 cannot run in linear time
// (backreferences, lookahead, lookbehind) are refused instead of run.
import * as E from 'fp-ts/lib/Either.js';
import { RE2JS } from 're2js';

// The work counter: characters fed to RE2 (one step each, plus one per call). Runs are synchronous,
// so exec reads it before and after a query and reports the difference (ExecStats.regexSteps).
let steps = 0;

/** RE2 steps taken so far in this process; a query's share is the difference around its run. */
export const regexStepsSoFar = (): number => steps;

/** A compiled pattern; `test` takes time linear in the input (times the pattern's size). */
export interface LinearRegex {
  readonly source: string;
  readonly test: (input: string) => boolean;
}

export type RegexRefusal =
  /** JavaScript's RegExp refuses it; `message` is V8's (`Invalid regular expression: /(/i: Unterminated group`). */
  | { readonly kind: 'invalid'; readonly message: string }
  /** Valid JavaScript, but it needs a feature with no linear-time match. */
  | { readonly kind: 'not-linear' };

// re2js's translation reads `\k<name>` (a backreference, in JavaScript with named groups and in PCRE)
// as the literal `k<name>`, and `\g1` (PCRE) as `g1`: both are refused before translating.
const hasNamedBackreference = (source: string): boolean => {
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== '\\') continue;
    const next = source[i + 1];
    const after = source[i + 2];
    if ((next === 'k' || next === 'g') && after !== undefined && /[<{'0-9-]/.test(after)) return true;
    i++; // skip the escaped character (so `\\k<` is a literal backslash, then `k<`)
  }
  return false;
};

const javascriptError = (source: string): string | undefined => {
  try {
    new RegExp(source, 'i');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

/**
 * Compiles `source` as upstream's case-insensitive, unanchored customFields regex, for RE2.
 * @example
 * compileLinearRegex('^vip') // Right({ source: '^vip', test })
 * compileLinearRegex('(a)\\1') // Left({ kind: 'not-linear' })
 */
export const compileLinearRegex = (source: string): E.Either<RegexRefusal, LinearRegex> => {
  const invalid = javascriptError(source);
  if (invalid !== undefined) return E.left({ kind: 'invalid', message: invalid });
  if (hasNamedBackreference(source)) return E.left({ kind: 'not-linear' });
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(RE2JS.translateRegExp(source), RE2JS.CASE_INSENSITIVE);
  } catch {
    return E.left({ kind: 'not-linear' });
  }
  const test = (input: string): boolean => {
    steps += input.length + 1;
    return compiled.test(input);
  };
  return E.right(Object.freeze({ source, test }));
};

/**
 * The compiled form of a pattern request validation already accepted. A refused pattern (only
 * reachable by building the AST by hand) matches nothing rather than throwing.
 */
export const linearRegexOf = (source: string): LinearRegex => {
  const compiled = compileLinearRegex(source);
  return E.isRight(compiled) ? compiled.right : Object.freeze({ source, test: () => false });
};
