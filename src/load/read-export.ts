// Reads an export document by document: split → JSON.parse → Extended JSON → `accept`, stopping at the
// first error. Resolves to every accepted value or to one LoadError: all or nothing, never a throw.
import * as E from 'fp-ts/lib/Either.js';
import { fromEjsonInPlace } from './ejson.js';
import { loadError, type LoadError } from './load-error.js';
import { SplitError, splitDocuments } from './split-documents.js';
import { sourceName, textChunks, type ExportSource } from './text-source.js';

export interface Position {
  readonly line: number;
  readonly document: number;
}

/** Checks one decoded document; Left(code, message) rejects the whole export. */
export type Accept<T> = (
  doc: unknown,
  at: Position,
) => E.Either<{ readonly code: LoadError['code']; readonly message: string }, T | undefined>;

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const readExport = async <T>(source: ExportSource, accept: Accept<T>): Promise<E.Either<LoadError, ReadonlyArray<T>>> => {
  const name = sourceName(source);
  const out: T[] = [];
  try {
    for await (const { text, line, document, value } of splitDocuments(textChunks(source))) {
      const where = { line, document };
      let parsed: unknown = value;
      if (parsed === undefined) {
        try {
          parsed = JSON.parse(text);
        } catch (error) {
          return E.left(loadError('invalid-json', name, where, `not valid JSON: ${describeError(error)}`));
        }
      }
      // The parsed document is ours alone: its Extended JSON wrappers are decoded in place, not copied.
      const decoded = fromEjsonInPlace(parsed);
      if (E.isLeft(decoded)) return E.left(loadError('invalid-ejson', name, where, decoded.left));
      const accepted = accept(decoded.right, where);
      if (E.isLeft(accepted)) return E.left(loadError(accepted.left.code, name, where, accepted.left.message));
      if (accepted.right !== undefined) out.push(accepted.right);
    }
  } catch (error) {
    if (error instanceof SplitError)
      return E.left(loadError('invalid-json', name, { line: error.line, document: error.document }, error.message));
    return E.left(loadError('read-failed', name, undefined, `cannot read: ${describeError(error)}`));
  }
  return E.right(out);
};
