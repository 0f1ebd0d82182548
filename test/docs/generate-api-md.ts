// `npm run docs:api`: rewrites the generated reference part of docs/api.md from the current types.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateApiReference, readPage, withReference } from './api-reference.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
writeFileSync(join(root, 'docs/api.md'), withReference(readPage(root), generateApiReference(root)));
console.log('docs/api.md: reference regenerated');
