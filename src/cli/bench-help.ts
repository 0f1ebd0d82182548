// `room-query bench --help` (and `bench -- --help`): the benchmark's own options, so asking for help
// never starts a multi-minute run with a 12 GB heap.

export const BENCH_HELP = `Usage: room-query bench [options]

Runs the benchmark suite of a git clone of room-query (npm run bench): the query benchmark
(room-query vs mingo, sift, LokiJS, hand loops; writes docs/benchmarks.md), the live benchmark
(store and live queries; writes docs/live-benchmarks.md), the roomName, bytes and ingest benchmarks,
then the livechat rows (GET /api/v1/livechat/rooms, indexed vs scan; writes docs/livechat-benchmarks.md).
Takes about 5 minutes and a 12 GB heap.

Options (passed on to both halves; each has its own default sizes):
  --sizes <a,b,...>     room counts (query part default 10000,100000; live part default 100000,1000000;
                        livechat part default 10000,100000)
  --no-write            print the results, do not rewrite the docs pages
  --changes <N>         live half: changes per replay of the derived-snapshot measure (default 10000)
  --rounds <N>          live half: rounds per measure (default 5)
  --live-rounds <N>     live half: rounds of the live-query replays (default 9)
  --live-changes <N>    live half: changes per live-query replay (default 50000)
  --ops <N>             live half: store apply operations (default 100000)
  --store-changes <N>   store latency (bench/store): patches under measure (default 100000; sizes default 1000000)
  --query-every <N>     store latency: a query round (admin page + agent page) after every N patches (default 10)
  -h, --help            this text

One part alone: npm run bench:query, npm run bench:live, npm run bench:livechat (same options). The other
tables alone: npm run bench:room-name, bench:bytes, bench:ingest (--ejson <N>: a mongoexport file loaded end to
end, peak RSS), bench:http (--rooms <N> --seconds <S>: autocannon vs a bare node:http server).`;

/** `--help` or `-h` anywhere in the benchmark's arguments. */
export const asksForHelp = (args: ReadonlyArray<string>): boolean => args.some((a) => a === '--help' || a === '-h');
