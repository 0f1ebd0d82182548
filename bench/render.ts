// `npx tsx bench/render.ts`: re-renders docs/benchmarks.md and .svg from bench/results.json (the last
// run's numbers) without measuring again, e.g. after editing the report's wording.
import { readFileSync } from 'node:fs';
import { renderDocs, type BenchResults } from './report.js';

renderDocs(JSON.parse(readFileSync(new URL('./results.json', import.meta.url), 'utf8')) as BenchResults);
console.log('wrote docs/benchmarks.md and docs/benchmarks.svg from bench/results.json');
