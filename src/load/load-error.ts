// Why an export could not be loaded: one error, naming the line (and document) it was found at.

export type LoadErrorCode = 'read-failed' | 'invalid-json' | 'invalid-ejson' | 'invalid-document' | 'duplicate-id' | 'write-failed';

export interface LoadError {
  readonly code: LoadErrorCode;
  /** 1-based line where the offending document starts (undefined for read errors before any). */
  readonly line: number | undefined;
  /** 1-based position of the document in the export. */
  readonly document: number | undefined;
  /** Human-readable, starts with the source and line: `rooms.json line 12 (document 12): /ts: ...`. */
  readonly message: string;
}

export const loadError = (
  code: LoadErrorCode,
  source: string,
  at: { readonly line: number; readonly document: number } | undefined,
  detail: string,
): LoadError => ({
  code,
  line: at?.line,
  document: at?.document,
  message: at === undefined ? `${source}: ${detail}` : `${source} line ${at.line} (document ${at.document}): ${detail}`,
});
