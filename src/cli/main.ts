#!/usr/bin/env node
// The `room-query` command (package bin): parse the command line, run the command, set the exit code.
// Exit codes: 0 done, 1 the command failed (one line on stderr), 2 bad command line; never a stack trace.

import type { Server } from 'node:http';
import { constants } from 'node:os';
import * as E from 'fp-ts/lib/Either.js';
import type { CliCommand } from './commands.js';
import { parseCliArgs } from './parse-cli-args.js';
import { runBench } from './run-bench.js';
import { runGenerate } from './run-generate.js';
import { omnichannelFilePaths } from './omnichannel-files.js';
import { runExplain, runQuery } from './run-query.js';
import { runServe, type CliIo } from './run-serve.js';

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

const fail = (message: string, code: number): number => {
  io.err(`room-query: ${message}`);
  return code;
};

const printed = (result: E.Either<string, ReadonlyArray<string>>): number => {
  if (E.isLeft(result)) return fail(result.left, 1);
  for (const line of result.right) io.out(line);
  return 0;
};

const run = async (command: CliCommand): Promise<number> => {
  switch (command.kind) {
    case 'help':
      io.out(command.text);
      return 0;
    case 'serve':
      try {
        const server = await runServe(command, io);
        if (E.isLeft(server)) return fail(server.left, 1);
        shutDownOn(server.right);
        return 0;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return fail(`cannot serve on ${command.host}:${command.port}: ${reason}`, 1);
      }
    case 'query':
      return printed(await runQuery(command, io.err));
    case 'explain':
      return printed(await runExplain(command, io.err));
    case 'generate': {
      const written = await runGenerate(command, { stdout: process.stdout, stderr: process.stderr });
      if (E.isLeft(written)) return fail(written.left, 1);
      if (command.out !== '-') io.err(`wrote ${written.right} rooms to ${command.out}`);
      if (command.omnichannelOut !== undefined) {
        const files = omnichannelFilePaths(command.omnichannelOut);
        io.err(`wrote departments, units, unit monitors and department agents to ${command.omnichannelOut}; serve them with:`);
        io.err(
          `  room-query serve --rooms ${command.out === '-' ? '<rooms file>' : command.out} --seed ${command.seed} --departments ${files.departments} --unit-monitors ${files.unitMonitors} --department-agents ${files.departmentAgents}`,
        );
      }
      return 0;
    }
    case 'bench': {
      const code = await runBench(command.args);
      return E.isLeft(code) ? fail(code.left, 1) : code.right;
    }
    default: {
      const never: never = command;
      return never;
    }
  }
};

const main = async (argv: ReadonlyArray<string>): Promise<void> => {
  const parsed = parseCliArgs(argv);
  if (E.isLeft(parsed)) {
    process.exitCode = fail(`${parsed.left} (see room-query --help)`, 2);
    return;
  }
  try {
    process.exitCode = await run(parsed.right);
  } catch (error) {
    // a bug, not a user mistake: still one line, with where to report it
    process.exitCode = fail(`internal error: ${error instanceof Error ? error.message : String(error)} (please report it)`, 1);
  }
};

void main(process.argv.slice(2));
