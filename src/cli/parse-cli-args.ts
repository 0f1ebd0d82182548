// Command-line arguments → the command to run, or one line saying what is wrong (never throws).

import { parseArgs } from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Mode } from '../options.js';

export interface ServeCommand {
  readonly kind: 'serve';
  readonly rooms: number;
  readonly seed: number;
  readonly port: number;
  readonly host: string;
  readonly mode: Mode;
}

export type CliCommand = { readonly kind: 'help' } | ServeCommand;

export const DEFAULTS = { rooms: 10_000, seed: 42, port: 3000, host: '127.0.0.1', mode: 'default' } as const;

/** Rooms live in memory (~1.4 KB each): beyond this the default heap would not hold them. */
const MAX_ROOMS = 2_000_000;

const OPTIONS = {
  rooms: { type: 'string' },
  seed: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  mode: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const integer = (name: string, raw: string | undefined, fallback: number, min: number, max: number): E.Either<string, number> => {
  if (raw === undefined) return E.right(fallback);
  const n = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  return Number.isSafeInteger(n) && n >= min && n <= max
    ? E.right(n)
    : E.left(`--${name} must be an integer from ${min} to ${max}, got '${raw}'`);
};

const mode = (raw: string | undefined): E.Either<string, Mode> =>
  raw === undefined || raw === 'default' || raw === 'rocketchat'
    ? E.right(raw ?? DEFAULTS.mode)
    : E.left(`--mode must be 'default' or 'rocketchat', got '${raw}'`);

const host = (raw: string | undefined): E.Either<string, string> =>
  raw === undefined ? E.right(DEFAULTS.host) : raw.trim() === '' ? E.left('--host must not be empty') : E.right(raw);

/** node:util's messages, first sentence only: `Unknown option '--x'`, `Option '--port <value>' argument missing`. */
const parseError = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/\.\s/)[0] ?? message;
  return first.charAt(0).toLowerCase() + first.slice(1);
};

/** `argv` without the node and script paths, e.g. `['serve', '--port', '0']`. */
export const parseCliArgs = (argv: ReadonlyArray<string>): E.Either<string, CliCommand> => {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    return E.left(parseError(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return E.right({ kind: 'help' });
  const [command, ...extra] = positionals;
  if (command === undefined) return E.left("missing command: try 'room-query serve'");
  if (command !== 'serve') return E.left(`unknown command '${command}': the only command is 'serve'`);
  if (extra.length > 0) return E.left(`unexpected argument '${extra[0] ?? ''}'`);
  return pipe(
    E.Do,
    E.apS('rooms', integer('rooms', values.rooms, DEFAULTS.rooms, 0, MAX_ROOMS)),
    E.apS('seed', integer('seed', values.seed, DEFAULTS.seed, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)),
    E.apS('port', integer('port', values.port, DEFAULTS.port, 0, 65_535)),
    E.apS('host', host(values.host)),
    E.apS('mode', mode(values.mode)),
    E.map((options): CliCommand => ({ kind: 'serve', ...options })),
  );
};
