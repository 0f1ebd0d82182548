// What the command line asks for, as plain typed data: parse-cli-args.ts builds it, main.ts runs it.

import type { Mode } from '../index.js';
import type { RateLimit, RoomsSource } from './option-values.js';

/**
 * mongoexport files of Rocket.Chat's omnichannel collections (livechat/rooms' departments and Enterprise
 * scope); any given replaces the demo directory.
 */
export interface OmnichannelFiles {
  /** rocketchat_livechat_department: departments (and units, its `type: 'u'` documents). */
  readonly departments?: string;
  /** Units: rocketchat_livechat_department's `type: 'u'` documents (read like `departments`). */
  readonly units?: string;
  /** rocketchat_livechat_unit_monitors. */
  readonly unitMonitors?: string;
  /** rocketchat_livechat_department_agents. */
  readonly departmentAgents?: string;
}

/** Where the rooms and users of `query` / `explain` / `serve` come from. */
export interface DataSource {
  readonly rooms: RoomsSource;
  /** A mongoexport of Rocket.Chat's users collection instead of the demo users. */
  readonly users?: string;
  /** Omnichannel collections from files instead of the demo directory (generated rooms) or none (a rooms file). */
  readonly omnichannel?: OmnichannelFiles;
  readonly seed: number;
  readonly mode: Mode;
}

export interface ServeCommand extends DataSource {
  readonly kind: 'serve';
  readonly port: number;
  readonly host: string;
  readonly rateLimit: RateLimit;
  /** Log each request (method, path, status, latency) on stderr. */
  readonly log: boolean;
  /** Reload the rooms file when it changes (only with `--rooms <file>`). */
  readonly watch: boolean;
  /** Serve the room-query extensions (rooms.stream, rooms.patch) over a room store; GET rooms follows it. */
  readonly live: boolean;
  /** The built explorer page (default: dist/explorer of the installed package); not a command-line flag. */
  readonly explorerDir?: string;
}

export type PageFormat = 'table' | 'json' | 'ndjson';

/** Which endpoint `query` / `explain` answer: GET /api/v1/voip/rooms or GET /api/v1/livechat/rooms. */
export type EndpointName = 'voip' | 'livechat';

export interface QueryCommand extends DataSource {
  readonly kind: 'query';
  readonly endpoint?: EndpointName;
  /** The endpoint's query string, e.g. `open=true&count=5`. */
  readonly params: string;
  /** A demo user's `_id` or username. */
  readonly as: string;
  readonly format: PageFormat;
}

export interface ExplainCommand extends DataSource {
  readonly kind: 'explain';
  readonly endpoint?: EndpointName;
  readonly params: string;
  readonly as: string;
}

/** `ejson`: Extended JSON v2 relaxed NDJSON, what mongoexport writes and mongoimport reads. */
export type FileFormat = 'json' | 'ndjson' | 'ejson';

/** What `generate` writes: call rooms, livechat rooms, or both (call rooms first, as `serve` generates them). */
export type GenerateEndpoint = 'voip' | 'livechat' | 'all';

export interface GenerateCommand {
  readonly kind: 'generate';
  /** Default `voip`. */
  readonly endpoint?: GenerateEndpoint;
  /** Rooms per endpoint (`all`: this many call rooms, then this many livechat rooms). */
  readonly count: number;
  readonly seed: number;
  /** A file path, or `-` for stdout. */
  readonly out: string;
  readonly format: FileFormat;
  /** Show a progress bar: `auto` shows it on a terminal for large counts. */
  readonly progress: 'auto' | 'on' | 'off';
  /** Also write the seed's demo departments, units, monitors and department agents as mongoexport files in this directory. */
  readonly omnichannelOut?: string;
}

export interface BenchCommand {
  readonly kind: 'bench';
  /** Passed on to `npm run bench --`. */
  readonly args: ReadonlyArray<string>;
}

/** `--help` / `help` output, already rendered. */
export interface HelpCommand {
  readonly kind: 'help';
  readonly text: string;
}

export type CliCommand = ServeCommand | QueryCommand | ExplainCommand | GenerateCommand | BenchCommand | HelpCommand;
