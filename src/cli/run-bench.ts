// `room-query bench`: the benchmark suite is `npm run bench` in a clone of room-query (bench/ is not
// shipped in the package); this runs it with the terminal attached and passes its exit code on.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';

/** The package root: this file is src/cli/ or dist/cli/. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Resolves with the benchmark's exit code, or one line when there is no benchmark suite here. */
export const runBench = (args: ReadonlyArray<string>, root: string = PACKAGE_ROOT): Promise<E.Either<string, number>> => {
  if (!existsSync(`${root}/bench/run.ts`)) {
    return Promise.resolve(E.left(`no benchmark suite in ${root}: 'bench' runs from a git clone of room-query (npm run bench)`));
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', 'bench', '--', ...args], { cwd: root, stdio: 'inherit' });
    child.once('error', (error) => resolve(E.left(`cannot run npm: ${error.message}`)));
    child.once('exit', (code, signal) => resolve(E.right(code ?? (signal === null ? 1 : 128))));
  });
};
