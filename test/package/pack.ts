// The package as a user gets it, shared by the tests in test/package/: build into a staging copy (the repo's
// own dist/ is left alone), `npm pack` it, and install the tarball into a fresh project.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TSX = import.meta.resolve('tsx');

export interface Packed {
  /** A scratch folder holding the stage, the tarball and the apps; remove it when done. */
  readonly work: string;
  readonly tarball: string;
}

/** Builds dist/ (and dist/explorer) into a staging copy with package.json and README.md, and packs it like `npm pack` does. */
export const packTarball = (): Packed => {
  const work = mkdtempSync(join(tmpdir(), 'room-query-pack-'));
  const stage = join(work, 'stage');
  mkdirSync(stage);
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(stage, 'dist')],
    { cwd: ROOT },
  );
  // The explorer page too, as `npm run build` does (esbuild, into dist/explorer).
  execFileSync(process.execPath, ['--import', TSX, join(ROOT, 'scripts/build-explorer.ts'), join(stage, 'dist/explorer')], { cwd: ROOT });
  for (const f of ['package.json', 'README.md']) cpSync(join(ROOT, f), join(stage, f));
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: stage, encoding: 'utf8' }),
  ) as Array<{ filename: string }>;
  return { work, tarball: join(work, packed[0]!.filename) };
};

/**
 * A new empty project `name` under `work` with the tarball installed for real, as a user gets it: npm
 * resolves the tarball's dependencies from the registry. `--prefer-offline` only saves round trips when the
 * cache is warm; a cold cache fetches, so the outcome never depends on what an earlier command cached.
 * Five minutes covers a cold install on 2 cores.
 */
export const newAppWithPackage = (packed: Packed, name: string, manifest: Record<string, unknown> = { type: 'module' }): string => {
  const app = join(packed.work, name);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name, private: true, ...manifest }));
  const res = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', packed.tarball], {
    cwd: app,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (res.status !== 0) throw new Error(`npm install of the packed tarball failed (${res.status ?? res.signal}):\n${res.stderr}`);
  return app;
};
