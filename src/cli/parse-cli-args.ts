// Command-line arguments → the command to run, or one line saying what is wrong (never throws).
// commander defines the commands, options and --help texts; option-values.ts checks each value.

import { Command, CommanderError } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { CliCommand, DataSource, EndpointName, FileFormat, GenerateEndpoint, OmnichannelFiles, PageFormat } from './commands.js';
import { asksForHelp, BENCH_HELP } from './bench-help.js';
import { integer, MAX_GENERATED_ROOMS, mode, nonEmpty, oneOf, rateLimit, roomsSource } from './option-values.js';

export const DEFAULTS = { rooms: 10_000, seed: 42, port: 3000, host: '127.0.0.1', mode: 'default', as: 'admin' } as const;

const MAX_SEED = Number.MAX_SAFE_INTEGER;
type Opts = Readonly<Record<string, string | boolean | undefined>>;
const str = (o: Opts, key: string): string | undefined => (typeof o[key] === 'string' ? (o[key] as string) : undefined);

/** The omnichannel file flags: option key → flag name (as commander camel-cases it). */
const OMNICHANNEL_FLAGS = [
  ['departments', 'departments'],
  ['units', 'units'],
  ['unitMonitors', 'unit-monitors'],
  ['departmentAgents', 'department-agents'],
] as const;

const omnichannelFiles = (o: Opts): E.Either<string, OmnichannelFiles | undefined> => {
  const files: Record<string, string> = {};
  for (const [key, flag] of OMNICHANNEL_FLAGS) {
    const value = str(o, key);
    if (value === undefined) continue;
    const path = nonEmpty(flag, value, '');
    if (E.isLeft(path)) return path;
    files[key] = path.right;
  }
  return E.right(Object.keys(files).length === 0 ? undefined : (files as OmnichannelFiles));
};

const dataSource = (o: Opts): E.Either<string, DataSource> =>
  pipe(
    E.Do,
    E.apS('rooms', roomsSource(str(o, 'rooms'), DEFAULTS.rooms)),
    E.apS('seed', integer('seed', str(o, 'seed'), DEFAULTS.seed, -MAX_SEED, MAX_SEED)),
    E.apS('mode', mode(str(o, 'mode'))),
    E.bind('users', () => (str(o, 'users') === undefined ? E.right(undefined) : nonEmpty('users', str(o, 'users'), ''))),
    E.bind('omnichannel', () => omnichannelFiles(o)),
    E.map(({ users, omnichannel, ...d }) => ({
      ...d,
      ...(users === undefined ? {} : { users }),
      ...(omnichannel === undefined ? {} : { omnichannel }),
    })),
  );

const dataOptions = (cmd: Command, roomsHelp: string): Command =>
  cmd
    .option('--rooms <N|file>', roomsHelp)
    .option('--seed <S>', `seed of the generated users and rooms (default ${DEFAULTS.seed})`)
    .option('--users <file>', "a mongoexport of Rocket.Chat's users collection instead of the demo users")
    .option(
      '--departments <file>',
      'a mongoexport of rocketchat_livechat_department (departments; its type "u" documents are units) instead of the demo ones',
    )
    .option('--units <file>', 'a mongoexport of the units (rocketchat_livechat_department documents with type "u")')
    .option('--unit-monitors <file>', 'a mongoexport of rocketchat_livechat_unit_monitors (Enterprise monitor scope)')
    .option('--department-agents <file>', 'a mongoexport of rocketchat_livechat_department_agents')
    .option('--mode <M>', "default | rocketchat (reproduce upstream's quirks) (default: default)");

export const EXAMPLES = `
Examples:
  room-query serve --rooms 50000 --port 4000
  room-query query 'open=true&sort={"ts":1}&count=5'
  room-query query 'agents[]=Nw279SCAqi3zsonCY' --as agent.alice --format json   # agent.alice's _id with seed 42
  room-query explain 'roomName=mar&tags[]=vip'
  room-query query 'queued=true&count=5' --endpoint livechat
  room-query query 'customFields={"plan":"^gold"}' --endpoint livechat --as monitor
  room-query generate --rooms 20000 --seed 7 --out rooms.ndjson --format ndjson
  room-query generate --endpoint all --rooms 2000 --seed 7 --out both.ndjson --omnichannel-out omni
  room-query query 'count=5' --endpoint livechat --as monitor --rooms both.ndjson --seed 7 --departments omni/rocketchat_livechat_department.json --unit-monitors omni/rocketchat_livechat_unit_monitors.json --department-agents omni/rocketchat_livechat_department_agents.json
  room-query query 'queue=8001' --rooms rooms.ndjson --seed 7`;

/** Builds the program; `done` receives the parsed command of whichever action commander runs. */
const program = (done: (c: E.Either<string, CliCommand>) => void, out: (s: string) => void): Command => {
  const root = new Command('room-query')
    .description(
      "Rocket.Chat's GET /api/v1/voip/rooms and GET /api/v1/livechat/rooms over in-memory rooms: serve them, query them, explain them, generate data.",
    )
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: () => undefined, outputError: () => undefined })
    .showSuggestionAfterError(true)
    .addHelpText('after', EXAMPLES);

  dataOptions(
    root
      .command('serve')
      .description('serve GET /api/v1/voip/rooms and GET /api/v1/livechat/rooms over HTTP; prints demo users and curl lines'),
    `how many rooms to generate, or a file of rooms: a mongoexport of rocketchat_room or generate's output (default ${DEFAULTS.rooms})`,
  )
    .option('--port <P>', `port to listen on, 0 for any free port (default ${DEFAULTS.port})`)
    .option('--host <H>', `address to listen on (default ${DEFAULTS.host})`)
    .option(
      '--rate-limit <N|off>',
      'requests per minute, user and route before 429, counted after authentication (default 600); off: no limits',
    )
    .option('--failed-auth-limit <N|off>', 'failed or missing authentications per minute, client address and route before 429 (default 10)')
    .option(
      '--trust-proxy <N>',
      'proxies in front of the server: the client address is read from X-Forwarded-For, N hops back (default 0: the socket)',
    )
    .option('--no-log', 'do not log requests on stderr')
    .option('--watch', 'reload the --rooms file when it changes')
    .option('--live', 'room-query extensions: GET …/rooms.stream (SSE) and POST …/rooms.patch (admin) over a room store')
    .action((o: Opts) =>
      done(
        pipe(
          dataSource(o),
          E.bindW('port', () => integer('port', str(o, 'port'), DEFAULTS.port, 0, 65_535)),
          E.bindW('host', () => nonEmpty('host', str(o, 'host'), DEFAULTS.host)),
          E.bindW('rateLimit', () => rateLimit(str(o, 'rateLimit'), str(o, 'failedAuthLimit'), str(o, 'trustProxy'))),
          E.filterOrElseW(
            (d) => o['watch'] !== true || d.rooms.kind === 'file',
            () => '--watch needs --rooms <file>',
          ),
          E.filterOrElseW(
            () => o['watch'] !== true || o['live'] !== true,
            () => '--live and --watch cannot be combined (patches would be lost on reload)',
          ),
          E.map((d): CliCommand => ({
            kind: 'serve',
            ...d,
            log: o['log'] !== false,
            watch: o['watch'] === true,
            live: o['live'] === true,
          })),
        ),
      ),
    );

  dataOptions(
    root
      .command('query')
      .argument('<params>', "the endpoint's query string, e.g. 'open=true&count=5'")
      .description('run a query locally and print the page'),
    `how many rooms to generate, or a file of rooms: a mongoexport of rocketchat_room or generate's output (default ${DEFAULTS.rooms})`,
  )
    .option('--as <user>', `a demo user's _id or username (default ${DEFAULTS.as})`)
    .option('--format <F>', 'table | json | ndjson (default table)')
    .option('--endpoint <E>', 'voip (GET /api/v1/voip/rooms) | livechat (GET /api/v1/livechat/rooms) (default voip)')
    .action((params: string, o: Opts) =>
      done(
        pipe(
          dataSource(o),
          E.bindW('as', () => nonEmpty('as', str(o, 'as'), DEFAULTS.as)),
          E.bindW('endpoint', () => oneOf<EndpointName>('endpoint', str(o, 'endpoint'), ['voip', 'livechat'], 'voip')),
          E.bindW('format', () => oneOf<PageFormat>('format', str(o, 'format'), ['table', 'json', 'ndjson'], 'table')),
          E.map((d): CliCommand => ({ kind: 'query', params, ...d })),
        ),
      ),
    );

  dataOptions(
    root
      .command('explain')
      .argument('<params>', "the endpoint's query string")
      .description('show how a query is scoped, filtered, sorted and paged'),
    `how many rooms to generate, or a file of rooms: a mongoexport of rocketchat_room or generate's output (default ${DEFAULTS.rooms})`,
  )
    .option('--as <user>', `a demo user's _id or username (default ${DEFAULTS.as})`)
    .option('--endpoint <E>', 'voip | livechat (default voip)')
    .action((params: string, o: Opts) =>
      done(
        pipe(
          dataSource(o),
          E.bindW('as', () => nonEmpty('as', str(o, 'as'), DEFAULTS.as)),
          E.bindW('endpoint', () => oneOf<EndpointName>('endpoint', str(o, 'endpoint'), ['voip', 'livechat'], 'voip')),
          E.map((d): CliCommand => ({ kind: 'explain', params, ...d })),
        ),
      ),
    );

  root
    .command('generate')
    .description('write seeded rooms to a file or stdout, streaming (memory stays flat however many rooms)')
    .option('--rooms <N>', `how many rooms per endpoint (default ${DEFAULTS.rooms})`)
    .option(
      '--endpoint <E>',
      'voip (call rooms) | livechat (livechat rooms) | all (both, as serve generates them: N call rooms then N livechat rooms) (default voip)',
    )
    .option(
      '--omnichannel-out <dir>',
      "also write the seed's departments, units, unit monitors and department agents there as mongoexport files (for serve --departments …)",
    )
    .option('--seed <S>', `seed (default ${DEFAULTS.seed}); rooms are served by the demo agents of the same seed`)
    .option('--out <file>', "file to write, '-' for stdout (default -)")
    .option('--format <F>', "ndjson (one room a line) | json (an array) | ejson (mongoexport's Extended JSON lines) (default ndjson)")
    .option('--progress', 'always show a progress bar on stderr')
    .option('--no-progress', 'never show a progress bar (default: shown on a terminal from 100000 rooms)')
    .action((o: Opts) =>
      done(
        pipe(
          E.Do,
          E.apS('count', integer('rooms', str(o, 'rooms'), DEFAULTS.rooms, 0, MAX_GENERATED_ROOMS)),
          E.apS('seed', integer('seed', str(o, 'seed'), DEFAULTS.seed, -MAX_SEED, MAX_SEED)),
          E.apS('out', nonEmpty('out', str(o, 'out'), '-')),
          E.apS('format', oneOf<FileFormat>('format', str(o, 'format'), ['json', 'ndjson', 'ejson'], 'ndjson')),
          E.apS('endpoint', oneOf<GenerateEndpoint>('endpoint', str(o, 'endpoint'), ['voip', 'livechat', 'all'], 'voip')),
          E.apS(
            'omnichannelOut',
            str(o, 'omnichannelOut') === undefined ? E.right(undefined) : nonEmpty('omnichannel-out', str(o, 'omnichannelOut'), ''),
          ),
          E.map(({ omnichannelOut, ...d }): CliCommand => ({
            kind: 'generate',
            ...d,
            ...(omnichannelOut === undefined ? {} : { omnichannelOut }),
            progress: o['progress'] === undefined ? 'auto' : o['progress'] ? 'on' : 'off',
          })),
        ),
      ),
    );

  root
    .command('bench')
    .description('run the benchmark suite (same as npm run bench; needs a clone of room-query)')
    .argument('[args...]', 'passed on to the benchmark runner (room-query bench --help lists them)')
    .allowUnknownOption(true)
    .helpOption(false)
    .action((args: string[]) => done(E.right(asksForHelp(args) ? { kind: 'help', text: BENCH_HELP } : { kind: 'bench', args })));

  return root;
};

/** commander's message as one line, without its `error: ` prefix. */
const oneLine = (message: string): string =>
  message
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();

/** `argv` without the node and script paths, e.g. `['serve', '--port', '0']`. */
export const parseCliArgs = (argv: ReadonlyArray<string>): E.Either<string, CliCommand> => {
  if (argv.length === 0) return E.left("missing command: try 'room-query serve' or 'room-query --help'");
  let result: E.Either<string, CliCommand> = E.left('no command ran');
  let help = '';
  try {
    program(
      (c) => (result = c),
      (s) => (help += s),
    ).parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? E.right({ kind: 'help', text: help.trimEnd() }) : E.left(oneLine(error.message));
    }
    return E.left(oneLine(error instanceof Error ? error.message : String(error)));
  }
  return result;
};
