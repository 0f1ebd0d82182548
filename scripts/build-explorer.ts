// Builds the explorer page (src/explorer: browser TypeScript + index.html + explorer.css) into one folder
// with esbuild: `npm run build` writes dist/explorer; the browser tests build into a temporary folder.
// The bundle targets the browser platform, so a node:* import anywhere in its graph fails the build.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), '../src/explorer');

/** Writes index.html, explorer.js and explorer.css into `outDir`; rejects (with esbuild's messages) on errors. */
export const buildExplorer = async (outDir: string): Promise<void> => {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [join(SOURCE, 'main.ts')],
    outfile: join(outDir, 'explorer.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    tsconfig: join(SOURCE, 'tsconfig.json'),
    logLevel: 'silent',
  });
  await copyFile(join(SOURCE, 'index.html'), join(outDir, 'index.html'));
  await copyFile(join(SOURCE, 'explorer.css'), join(outDir, 'explorer.css'));
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = resolve(process.argv[2] ?? 'dist/explorer');
  await buildExplorer(outDir);
  console.log(`explorer built into ${outDir}`);
}
