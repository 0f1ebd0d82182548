// Splits a mongoexport stream into one JSON text per document, without holding more than one document:
// NDJSON (one per line, the default), `--jsonArray` (the WHOLE array on one line: a line reader would
// hold the whole export) and `--pretty` (documents over many lines), in any chunking.
//
// How it works: a character scanner tracks string/escape state and bracket depth. At depth 0 it
// expects `{` (NDJSON) or one top-level `[`, then documents separated by `,` until `]`. Only the
// current document's text is buffered; every document is reported with the line it starts on.

export interface DocumentText {
  readonly text: string;
  /** 1-based line of the document's first character. */
  readonly line: number;
  /** 1-based position of the document in the export. */
  readonly document: number;
  /** `JSON.parse(text)`, when the splitter already parsed it (an NDJSON line; see below). */
  readonly value?: unknown;
}

export class SplitError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly document: number,
  ) {
    super(message);
  }
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const BOM = 0xfeff;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === BOM;

const show = (c: number): string => JSON.stringify(String.fromCharCode(c));

/** Yields each top-level document's JSON text; throws SplitError on a structural error. */
export async function* splitDocuments(chunks: AsyncIterable<string>): AsyncGenerator<DocumentText, void, undefined> {
  type Where = 'start' | 'between' | 'array-item' | 'array-next' | 'ended';
  let where: Where = 'start';
  let inArray = false;
  let depth = 0; // inside a document when > 0
  let inString = false;
  let escaped = false;
  let line = 1;
  let count = 0;
  let docLine = 0;
  let parts: string[] = [];
  let fastLines = true;

  for await (const chunk of chunks) {
    let from = -1; // start of the current document's text within this chunk
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (depth > 0) {
        if (c === NEWLINE) line++;
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) inString = false;
          continue;
        }
        if (c === QUOTE) inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          depth--;
          if (depth === 0) {
            parts.push(chunk.slice(from === -1 ? 0 : from, i + 1));
            const text = parts.join('');
            parts = [];
            from = -1;
            where = inArray ? 'array-next' : 'between';
            yield { text, line: docLine, document: count };
          }
        }
        continue;
      }
      if (c === NEWLINE) {
        line++;
        continue;
      }
      if (isSpace(c)) continue;
      if (c === OPEN_BRACKET && where === 'start') {
        inArray = true;
        where = 'array-item';
        continue;
      }
      if (c === CLOSE_BRACKET && inArray && (where === 'array-next' || (where === 'array-item' && count === 0))) {
        where = 'ended';
        continue;
      }
      if (c === COMMA && where === 'array-next') {
        where = 'array-item';
        continue;
      }
      if (c === OPEN_BRACE && fastLines && !inArray && (where === 'start' || where === 'between')) {
        // NDJSON fast path: a line that parses as one JSON value starting here is exactly the document the
        // scanner would find (anything after it is whitespace), so it is parsed once and not scanned. A line
        // that does not parse (a --pretty export, two documents on a line, an error) and every later
        // document go through the scanner, which finds and reports them as before.
        const end = chunk.indexOf('\n', i);
        if (end !== -1) {
          let value: unknown;
          try {
            value = JSON.parse(chunk.slice(i, end));
          } catch {
            fastLines = false;
          }
          if (fastLines) {
            count++;
            where = 'between';
            yield { text: chunk.slice(i, chunk.lastIndexOf('}', end) + 1), line, document: count, value };
            i = end - 1; // the newline is counted by the loop
            continue;
          }
        }
      }
      if (c === OPEN_BRACE && (where === 'start' || where === 'between' || where === 'array-item')) {
        depth = 1;
        count++;
        docLine = line;
        from = i;
        continue;
      }
      const expected =
        where === 'ended'
          ? 'nothing after the closing "]"'
          : where === 'array-next'
            ? '"," or "]"'
            : inArray
              ? 'a document "{"'
              : 'a document "{" (or a "[" opening the export)';
      throw new SplitError(
        `unexpected ${show(c)}, expected ${expected}`,
        line,
        count + (where === 'array-next' || where === 'ended' ? 0 : 1),
      );
    }
    if (depth > 0) parts.push(chunk.slice(from === -1 ? 0 : from));
  }
  if (depth > 0) throw new SplitError('the document never ends (truncated export?)', docLine, count);
  if (inArray && where !== 'ended') throw new SplitError('the array never ends: missing "]" (truncated export?)', line, count);
}
