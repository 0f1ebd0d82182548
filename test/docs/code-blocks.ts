// Code blocks of a Markdown page, with the HTML-comment markers just above each fence:
// `<!-- not-run: reason -->`, `<!-- file: name.ts -->` (what later blocks import), `<!-- prints: text -->`.

export interface CodeBlock {
  /** The fence's language, lower-cased (`ts`, `sh`, …). */
  readonly lang: string;
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The reason given by a `not-run` marker. */
  readonly notRun?: string;
  readonly file?: string;
  /** Texts the block's stdout must contain. */
  readonly prints: ReadonlyArray<string>;
}

/** Languages run as TypeScript and as shell: every spelling of them, so none slips past the runner. */
export const TS_LANGS: ReadonlySet<string> = new Set(['ts', 'typescript', 'mts', 'js', 'javascript', 'mjs']);
export const SH_LANGS: ReadonlySet<string> = new Set(['sh', 'bash', 'shell', 'console', 'zsh']);

const MARKER = /^<!--\s*(not-run|file|prints|readme-example):?\s*(.*?)\s*-->$/;

export const codeBlocks = (markdown: string): ReadonlyArray<CodeBlock> => {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  let markers: Array<readonly [string, string]> = [];
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] ?? '').trim();
    const marker = MARKER.exec(text);
    if (marker !== null) {
      markers.push([marker[1] ?? '', marker[2] ?? '']);
      continue;
    }
    const fence = /^(`{3,})\s*([\w-]*)/.exec(text);
    if (fence === null) {
      if (text !== '') markers = [];
      continue;
    }
    const end = lines.findIndex((l, j) => j > i && l.trim() === fence[1]);
    const stop = end === -1 ? lines.length : end;
    const get = (name: string) => markers.find(([k]) => k === name)?.[1];
    const notRun = get('not-run');
    const file = get('file');
    blocks.push({
      lang: (fence[2] ?? '').toLowerCase(),
      code: `${lines.slice(i + 1, stop).join('\n')}\n`,
      line: i + 1,
      ...(notRun === undefined ? {} : { notRun }),
      ...(file === undefined ? {} : { file }),
      prints: markers.filter(([k]) => k === 'prints').map(([, v]) => v),
    });
    markers = [];
    i = stop;
  }
  return blocks;
};
