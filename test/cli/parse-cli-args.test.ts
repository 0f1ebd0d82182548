// Flag parsing without a process: defaults of every command, every option, and the one-line errors.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/parse-cli-args.js';
import { urlHost } from '../../src/cli/run-serve.js';

const generated = (count: number) => ({ kind: 'generate', count });

describe('parseCliArgs', () => {
  it('fills the defaults of serve: rate limit on, request log on', () => {
    expect(parseCliArgs(['serve'])).toEqual(
      E.right({
        kind: 'serve',
        rooms: generated(10_000),
        seed: 42,
        port: 3000,
        host: '127.0.0.1',
        mode: 'default',
        rateLimit: { limit: 600, windowMs: 60_000, failedAuth: { limit: 10, windowMs: 60_000 }, trustProxy: 0 },
        log: true,
        watch: false,
        live: false,
      }),
    );
  });

  it('reads every serve option, in both spellings', () => {
    expect(
      parseCliArgs([
        'serve',
        '--rooms',
        '5',
        '--seed=-3',
        '--port',
        '0',
        '--host',
        '0.0.0.0',
        '--mode',
        'rocketchat',
        '--rate-limit',
        '30',
        '--failed-auth-limit',
        '5',
        '--trust-proxy',
        '1',
        '--no-log',
      ]),
    ).toEqual(
      E.right({
        kind: 'serve',
        rooms: generated(5),
        seed: -3,
        port: 0,
        host: '0.0.0.0',
        mode: 'rocketchat',
        rateLimit: { limit: 30, windowMs: 60_000, failedAuth: { limit: 5, windowMs: 60_000 }, trustProxy: 1 },
        log: false,
        watch: false,
        live: false,
      }),
    );
  });

  it('reads --rooms as a file when it is not a number, and --rate-limit off', () => {
    expect(parseCliArgs(['serve', '--rooms', 'rooms.ndjson', '--users', 'users.json', '--watch', '--rate-limit', 'off'])).toMatchObject(
      E.right({ rooms: { kind: 'file', path: 'rooms.ndjson' }, users: 'users.json', watch: true, rateLimit: false }),
    );
  });

  it('reads --failed-auth-limit off, and refuses rate-limit flags next to --rate-limit off', () => {
    expect(parseCliArgs(['serve', '--failed-auth-limit', 'off'])).toMatchObject(
      E.right({ rateLimit: { limit: 600, failedAuth: false, trustProxy: 0 } }),
    );
    expect(parseCliArgs(['serve', '--rate-limit', 'off', '--failed-auth-limit', '5'])).toEqual(
      E.left('--failed-auth-limit cannot be combined with --rate-limit off (which turns every limit off)'),
    );
    expect(parseCliArgs(['serve', '--rate-limit', 'off', '--trust-proxy', '1'])).toEqual(
      E.left("--trust-proxy cannot be combined with --rate-limit off (no limit reads the client's address)"),
    );
    expect(parseCliArgs(['serve', '--failed-auth-limit', 'many'])).toEqual(
      E.left("--failed-auth-limit must be a number of requests per minute (1 to 1000000) or 'off', got 'many'"),
    );
    expect(parseCliArgs(['serve', '--trust-proxy', '-1'])).toEqual(E.left("--trust-proxy must be an integer from 0 to 10, got '-1'"));
  });

  it('parses query, explain, generate and bench', () => {
    expect(parseCliArgs(['query', 'open=true', '--as', 'agent.alice', '--format', 'json', '--rooms', '100'])).toEqual(
      E.right({
        kind: 'query',
        params: 'open=true',
        rooms: generated(100),
        seed: 42,
        mode: 'default',
        as: 'agent.alice',
        format: 'json',
        endpoint: 'voip',
      }),
    );
    expect(parseCliArgs(['explain', 'count=1'])).toEqual(
      E.right({ kind: 'explain', params: 'count=1', rooms: generated(10_000), seed: 42, mode: 'default', as: 'admin', endpoint: 'voip' }),
    );
    expect(parseCliArgs(['query', 'queued=true', '--endpoint', 'livechat'])).toMatchObject(
      E.right({ kind: 'query', endpoint: 'livechat' }),
    );
    expect(parseCliArgs(['explain', 'count=1', '--endpoint', 'livechat'])).toMatchObject(
      E.right({ kind: 'explain', endpoint: 'livechat' }),
    );
    expect(E.isLeft(parseCliArgs(['query', 'count=1', '--endpoint', 'sms']))).toBe(true);
    expect(parseCliArgs(['generate', '--rooms', '1_000_000', '--out', 'r.json', '--format', 'json', '--no-progress'])).toEqual(
      E.right({ kind: 'generate', endpoint: 'voip', count: 1_000_000, seed: 42, out: 'r.json', format: 'json', progress: 'off' }),
    );
    expect(parseCliArgs(['generate', '--endpoint', 'all', '--omnichannel-out', 'omni'])).toMatchObject(
      E.right({ endpoint: 'all', omnichannelOut: 'omni' }),
    );
    expect(parseCliArgs(['generate', '--endpoint', 'sms'])).toEqual(E.left(expect.stringContaining('--endpoint')));
    expect(parseCliArgs(['generate'])).toMatchObject(E.right({ out: '-', format: 'ndjson', progress: 'auto' }));
    expect(parseCliArgs(['bench', '--filter', 'agent'])).toEqual(E.right({ kind: 'bench', args: ['--filter', 'agent'] }));
  });

  it('renders help for the program and for each command', () => {
    const root = parseCliArgs(['--help']);
    expect(E.isRight(root) && root.right.kind === 'help' && root.right.text).toContain('Usage: room-query');
    for (const command of ['serve', 'query', 'explain', 'generate', 'bench']) {
      const help = parseCliArgs([command, '--help']);
      expect(E.isRight(help) && help.right.kind === 'help' && help.right.text).toContain(`Usage: room-query ${command}`);
    }
  });

  it.each([
    [['serve', '--rooms', '-1'], '--rooms must be'],
    [['serve', '--rooms', '1.5'], '--rooms must be'],
    [['serve', '--port', '65536'], '--port must be'],
    [['serve', '--seed', 'x'], '--seed must be'],
    [['serve', '--host', ''], '--host must not be empty'],
    [['serve', '--rate-limit', 'lots'], '--rate-limit must be'],
    [['serve', '--watch'], '--watch needs --rooms <file>'],
    [['serve', '--rooms', 'r.ndjson', '--watch', '--live'], '--live and --watch cannot be combined'],
    [['serve', 'extra'], 'too many arguments'],
    [['serve', '--help=yes'], "unknown option '--help=yes'"],
    [['query'], "missing required argument 'params'"],
    [['query', 'count=1', '--format', 'csv'], "--format must be 'table' or 'json' or 'ndjson'"],
    [['generate', '--format', 'xml'], "--format must be 'json' or 'ndjson' or 'ejson'"],
    [['query', 'count=1', '--users', ''], '--users must not be empty'],
    [['generate', '--out', ''], '--out must not be empty'],
    [['serv'], "unknown command 'serv' (Did you mean serve?)"],
    [[], 'missing command'],
  ])('%j is one error line', (argv, message) => {
    const result = parseCliArgs(argv);
    expect(result).toEqual(E.left(expect.stringContaining(message)));
    if (E.isLeft(result)) expect(result.left).not.toContain('\n');
  });
});

describe('urlHost', () => {
  it('shows wildcard addresses as loopback and brackets IPv6', () => {
    expect(urlHost('0.0.0.0')).toBe('127.0.0.1');
    expect(urlHost('::')).toBe('[::1]');
    expect(urlHost('::1')).toBe('[::1]');
    expect(urlHost('127.0.0.1')).toBe('127.0.0.1');
  });
});
