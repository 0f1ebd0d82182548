// `room-query generate`: stream seeded rooms (call rooms, livechat rooms or both) to a file or stdout, with a
// progress bar for large counts, and optionally the seed's omnichannel directory as mongoexport files. Memory
// stays flat in the number of rooms: rooms are made one at a time as the file drains (the visitor pool is
// lazy), so what is held is O(agents + departments) plus one chunk of output.

import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as E from 'fp-ts/lib/Either.js';
import { agentsOf, generateLivechatRoomsIterable, generateOmnichannel, generateRoomsIterable, generateUsers } from '../fixtures/index.js';
import type { Room } from '../index.js';
import type { GenerateCommand } from './commands.js';
import { writeOmnichannelFiles } from './omnichannel-files.js';
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

/**
 * The rooms `command` asks for, lazily, in the order `serve` generates them (call rooms, then livechat rooms
 * over the seed's demo departments): `generate --endpoint all` writes what `serve --rooms N` serves.
 */
export function* generatedRooms(command: Pick<GenerateCommand, 'count' | 'seed' | 'endpoint'>): Generator<Room, void, undefined> {
  const endpoint = command.endpoint ?? 'voip';
  const { count, seed } = command;
  if (endpoint !== 'livechat') yield* generateRoomsIterable({ count, seed });
  if (endpoint !== 'voip') {
    const { departments } = generateOmnichannel({ seed, agents: agentsOf(generateUsers({ seed })) }).omnichannel;
    yield* generateLivechatRoomsIterable({ count, seed, departments });
  }
}

/** Rooms written in all: `count` per endpoint. */
export const roomsToWrite = (command: Pick<GenerateCommand, 'count' | 'endpoint'>): number =>
  command.endpoint === 'all' ? 2 * command.count : command.count;

/** Resolves with how many rooms were written, or one line saying why it could not write. */
export const runGenerate = async (command: GenerateCommand, io: GenerateIo): Promise<E.Either<string, number>> => {
  const total = roomsToWrite(command);
  const show = command.progress === 'on' || (command.progress === 'auto' && io.stderr.isTTY === true && total >= PROGRESS_FROM);
  if (command.omnichannelOut !== undefined) {
    const dir = command.omnichannelOut;
    const demo = generateOmnichannel({ seed: command.seed, agents: agentsOf(generateUsers({ seed: command.seed })) });
    try {
      await writeOmnichannelFiles(dir, demo.omnichannel);
    } catch (error) {
      return E.left(`cannot write --omnichannel-out ${dir}: ${reason(error)}`);
    }
  }
  const progress = createProgress({ total, label: 'generate', show, stream: io.stderr });
  let written = 0;
  const rooms = generatedRooms(command);
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
