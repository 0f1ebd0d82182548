// Renders issue #18's measurements (bench/live/memory-results.json, bench/live/load-results.json) as a
// section of docs/live-benchmarks.md and the chart docs/live-scale.svg. Measures nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { renderBarChart } from '../bar-chart.js';

export interface MemoryRow {
  readonly query: string;
  readonly matches: number;
  readonly heapPerView: number;
  readonly rssPerView: number;
  readonly entriesPerView: number;
  readonly heapPerSharedSubscriber: number;
}
export interface MemoryResults {
  readonly views: number;
  readonly subscribers: number;
  readonly changes: number;
  readonly loadAverage?: number;
  readonly sizes: ReadonlyArray<{ readonly size: number; readonly rows: ReadonlyArray<MemoryRow> }>;
}
export interface LoadResults {
  readonly rooms: number;
  readonly subscribers: number;
  readonly rate: number;
  readonly seconds: number;
  readonly patches: number;
  readonly failedPatches: number;
  readonly events: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly outOfOrder: number;
  readonly mismatchedPages: number;
  readonly closedByServer: number;
  readonly eventsWithoutPatch: number;
  readonly views: number;
  readonly entriesHeld: number;
  readonly rssBeforeMiB: number;
  readonly rssPerSubscriberKiB: number;
  readonly heapPerSubscriberKiB: number;
  readonly rssDuringMiB: number;
  readonly loopDelayMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly loadAverage?: number;
}

const MEMORY = new URL('./memory-results.json', import.meta.url);
const LOAD = new URL('./load-results.json', import.meta.url);
const GOAL_BYTES = 64 * 1024;

const int = (x: number): string => Math.round(x).toLocaleString('en-US');
const kib = (b: number): string => `${(b / 1024).toFixed(1)} KiB`;
const ms = (x: number): string => `${x.toFixed(x >= 100 ? 0 : 1)} ms`;
const mark = (ok: boolean): string => (ok ? 'met' : '**missed**');

export const readScaleResults = (): { memory?: MemoryResults; load?: LoadResults } => ({
  ...(existsSync(MEMORY) ? { memory: JSON.parse(readFileSync(MEMORY, 'utf8')) as MemoryResults } : {}),
  ...(existsSync(LOAD) ? { load: JSON.parse(readFileSync(LOAD, 'utf8')) as LoadResults } : {}),
});

export const renderScaleMarkdown = ({ memory, load }: { memory?: MemoryResults; load?: LoadResults }): string[] => {
  if (memory === undefined && load === undefined) return [];
  const lines = ['', '## Live queries at scale (issue #18)', ''];
  if (memory !== undefined) {
    lines.push(
      `Memory per live query, count=50 (\`npm run bench:live:memory\`: ${int(memory.views)} views per query, each followed through`,
      `${int(memory.changes)} changes; ${int(memory.subscribers)} subscribers sharing one view). Heap = heap used with the views minus`,
      'heap used once they are closed, same store state, full GC before each reading; RSS = growth while they were opened',
      '(coarse: the allocator keeps pages). Entries held is exact: rooms held by a view (page + buffer).',
      '',
      '| rooms | query | matches | entries held / view | heap / view | RSS / view | heap / shared subscriber | ≤ 64 KiB / subscriber |',
      '|---:|---|---:|---:|---:|---:|---:|---|',
    );
    for (const s of memory.sizes) {
      for (const r of s.rows) {
        lines.push(
          `| ${int(s.size)} | ${r.query} | ${int(r.matches)} | ${r.entriesPerView} | ${kib(r.heapPerView)} | ${kib(r.rssPerView)} | ${int(r.heapPerSharedSubscriber)} B | ${mark(r.heapPerView <= GOAL_BYTES)} (own view) |`,
        );
      }
    }
    lines.push('', 'Chart: [live-scale.svg](live-scale.svg) (heap per view, by query and collection size).', '');
  }
  if (load !== undefined) {
    const zero = load.outOfOrder === 0 && load.mismatchedPages === 0 && load.failedPatches === 0;
    lines.push(
      `Load run (\`npm run bench:live:load\`): ${int(load.subscribers)} SSE subscribers on one server process over ${int(load.rooms)} rooms`,
      `(mixed queries: admin pages, each agent's own page, filtered pages → ${int(load.views)} shared views), ${int(load.rate)} patches/s for`,
      `${int(load.seconds)} s (${int(load.patches)} patches, POSTed to rooms.patch). Clients run in the load generator's process.`,
      '',
      '| measure | value |',
      '|---|---:|',
      `| events received (patches that changed a subscriber's page) | ${int(load.events)} |`,
      `| latency rooms.patch sent → event received, p50 / p99 / max | ${ms(load.latencyMs.p50)} / ${ms(load.latencyMs.p99)} / ${ms(load.latencyMs.max)} |`,
      `| goal p99 ≤ 50 ms at 100 patches/s | ${mark(load.latencyMs.p99 <= 50 && load.rate >= 100)} |`,
      `| out-of-order events / pages ≠ fresh GET at the end / refused patches | ${load.outOfOrder} / ${load.mismatchedPages} / ${load.failedPatches} (${zero ? 'none lost' : '**lost**'}) |`,
      `| streams ended by the server (slow consumer) | ${load.closedByServer} |`,
      `| server RSS before the streams / during the patch stream | ${int(load.rssBeforeMiB)} MiB / ${int(load.rssDuringMiB)} MiB |`,
      `| server heap / RSS per subscriber (after opening, GC) | ${load.heapPerSubscriberKiB.toFixed(1)} KiB / ${load.rssPerSubscriberKiB.toFixed(1)} KiB |`,
      `| rooms held by all views together | ${int(load.entriesHeld)} |`,
      `| server event-loop delay during the stream, p50 / p99 / max | ${ms(load.loopDelayMs.p50)} / ${ms(load.loopDelayMs.p99)} / ${ms(load.loopDelayMs.max)} |`,
      '',
    );
  }
  const la = [memory?.loadAverage, load?.loadAverage].filter((x): x is number => x !== undefined);
  lines.push(
    `Caveat: measured on 2 cores shared with other developers' work${la.length > 0 ? ` (1-minute load average ${la.map((x) => x.toFixed(1)).join(' / ')} during the runs)` : ''}: latencies`,
    'and loop delays include time the processes waited for a core; the counters (entries held, events, lost) do not depend on it.',
    '',
  );
  return lines;
};

export const renderScaleSvg = (memory: MemoryResults): string => {
  const queries = memory.sizes[0]?.rows.map((r) => r.query) ?? [];
  return renderBarChart({
    title: 'Memory of one live query (count=50): KiB of heap per view, by collection size (log scale; lower is smaller)',
    unit: 'KiB',
    series: memory.sizes.map((s) => `${int(s.size)} rooms`),
    groups: queries.map((q, i) => ({ name: q, values: memory.sizes.map((s) => Math.max(0.1, (s.rows[i]?.heapPerView ?? 0) / 1024)) })),
  });
};

export const writeScaleSvg = (): void => {
  const { memory } = readScaleResults();
  if (memory !== undefined) writeFileSync(new URL('../../docs/live-scale.svg', import.meta.url), renderScaleSvg(memory));
};
