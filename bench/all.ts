// `npm run bench [-- --sizes …] [-- --no-write]`: the query benchmark (bench/run.ts: room-query vs peers,
// docs/benchmarks.md) then the live benchmark (bench/live/run-live.ts: live queries and the store,
// docs/live-benchmarks.md), then the roomName, bytes, ingest and store-latency benchmarks (docs/room-name-, bytes-,
// ingest-, store-latency-benchmarks.md), then the livechat rows (bench/livechat/run-livechat.ts,
// docs/livechat-benchmarks.md), then the HTTP table (docs/http-benchmarks.md), in one process (the ingest
// end-to-end load and the HTTP servers run in child processes); flags go to all (each has its own default sizes).
import { asksForHelp, BENCH_HELP } from '../src/cli/bench-help.js';

if (asksForHelp(process.argv.slice(2))) {
  console.log(BENCH_HELP);
  process.exit(0);
}
await import('./run.js');
(globalThis as { gc?: () => void }).gc?.();
await import('./live/run-live.js');
// Issue 17's tables: roomName through the substring index, response bytes, ingest, store latency under changes.
// Then issue 16's: GET /api/v1/livechat/rooms, indexed vs scan. Then HTTP (issue 17; servers in child processes).
for (const next of [
  './room-name/run-room-name.js',
  './bytes/run-bytes.js',
  './ingest/run-ingest.js',
  './store/run-store-latency.js',
  './livechat/run-livechat.js',
  './http/run-http.js',
]) {
  (globalThis as { gc?: () => void }).gc?.();
  await import(next);
}
