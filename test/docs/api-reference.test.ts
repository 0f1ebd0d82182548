// docs/api.md documents every export as it is now: its generated part equals what the types give.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateApiReference, readPage, withReference } from './api-reference.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('docs/api.md', () => {
  it('is up to date with the entry points in package.json exports (else: npm run docs:api)', () => {
    const page = readPage(root);
    expect(withReference(page, generateApiReference(root)), 'run `npm run docs:api` to regenerate docs/api.md').toBe(page);
  });
});
