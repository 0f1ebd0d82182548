// Caller-supplied regular expressions, run in linear time: a pattern is checked the way upstream builds it
// (`new RegExp(v, 'i')`: same SyntaxError text), then compiled for RE2 (re2js), which never backtracks.
// RE2 reads a pattern the way MongoDB's PCRE does where JavaScript differs (`.` matches `\r`, `\A`, `\z`,
// `\p{L}`), and that is where upstream's regex really runs. What RE2 refuses as written (backreferences,
// lookahead, lookbehind, but also `\u0041`, `\cA`, `[^]`) is refused instead of run.
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
  let compiled: RE2JS;
  try {
    // The very text the caller sent, untranslated: what RE2 cannot read as written is refused, never guessed.
    compiled = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
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
