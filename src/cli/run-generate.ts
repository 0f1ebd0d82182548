// `room-query generate`: stream seeded rooms to a file or stdout, with a progress bar for large counts.

import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as E from 'fp-ts/lib/Either.js';
import { generateRoomsIterable } from '../fixtures/index.js';
import type { GenerateCommand } from './commands.js';
import { createProgress } from './progress.js';
import { roomChunks } from './write-rooms.js';

/** From this many rooms, `--progress auto` shows a bar (on a terminal). */
export const PROGRESS_FROM = 100_000;

export interface GenerateIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
}

const reason = (error: unknown): string => {
  const e = error as { code?: unknown; message?: unknown };
  if (e.code === 'ENOENT') return 'no such directory';
  if (e.code === 'EISDIR') return 'is a directory';
  if (e.code === 'EACCES') return 'permission denied';
  if (e.code === 'ENOSPC') return 'no space left on device';
  return typeof e.message === 'string' ? e.message : String(error);
};

/** Resolves with how many rooms were written, or one line saying why it could not write. */
export const runGenerate = async (command: GenerateCommand, io: GenerateIo): Promise<E.Either<string, number>> => {
  const show = command.progress === 'on' || (command.progress === 'auto' && io.stderr.isTTY === true && command.count >= PROGRESS_FROM);
  const progress = createProgress({ total: command.count, label: 'generate', show, stream: io.stderr });
  let written = 0;
  const rooms = generateRoomsIterable({ count: command.count, seed: command.seed });
  const chunks = roomChunks(rooms, command.format, (n) => {
    written = n;
    progress.tick(n);
  });
  const toStdout = command.out === '-';
  try {
    const sink = toStdout ? io.stdout : createWriteStream(command.out);
    await pipeline(Readable.from(chunks), sink, toStdout ? { end: false } : {});
    return E.right(written);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EPIPE') return E.right(written); // `| head`: the reader has had enough
    return E.left(`cannot write ${toStdout ? 'stdout' : command.out}: ${reason(error)}`);
  } finally {
    progress.stop();
  }
};
