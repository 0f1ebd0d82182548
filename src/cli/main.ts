#!/usr/bin/env node
// The `room-query` command (package bin): parse flags, run `serve`, shut down on SIGINT/SIGTERM.
// Exit codes: 0 done, 1 could not start, 2 bad command line (one line on stderr, no stack).

import type { Server } from 'node:http';
import { constants } from 'node:os';
import * as E from 'fp-ts/lib/Either.js';
import { parseCliArgs } from './parse-cli-args.js';
import { runServe, type CliIo } from './run-serve.js';
import { USAGE } from './usage.js';

const io: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

const FORCE_CLOSE_MS = 3000;

const shutDownOn = (server: Server): void => {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.exit(128 + constants.signals[signal]); // second signal: stop waiting for open connections
    }
    stopping = true;
    io.err(`${signal}: shutting down`);
    server.close(() => io.err('stopped'));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), FORCE_CLOSE_MS).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

const main = async (argv: ReadonlyArray<string>): Promise<void> => {
  const parsed = parseCliArgs(argv);
  if (E.isLeft(parsed)) {
    io.err(`room-query: ${parsed.left} (see room-query --help)`);
    process.exitCode = 2;
    return;
  }
  if (parsed.right.kind === 'help') {
    io.out(USAGE);
    return;
  }
  const command = parsed.right;
  try {
    shutDownOn(await runServe(command, io));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.err(`room-query: cannot serve on ${command.host}:${command.port}: ${reason}`);
    process.exitCode = 1;
  }
};

void main(process.argv.slice(2));
