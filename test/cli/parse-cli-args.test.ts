// Flag parsing without a process: defaults, every option, and the one-line errors.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/parse-cli-args.js';
import { urlHost } from '../../src/cli/run-serve.js';

describe('parseCliArgs', () => {
  it('fills the defaults', () => {
    expect(parseCliArgs(['serve'])).toEqual(
      E.right({ kind: 'serve', rooms: 10_000, seed: 42, port: 3000, host: '127.0.0.1', mode: 'default' }),
    );
  });

  it('reads every option, in both spellings', () => {
    expect(parseCliArgs(['serve', '--rooms', '5', '--seed=-3', '--port', '0', '--host', '0.0.0.0', '--mode', 'rocketchat'])).toEqual(
      E.right({ kind: 'serve', rooms: 5, seed: -3, port: 0, host: '0.0.0.0', mode: 'rocketchat' }),
    );
  });

  it('gives help before anything else', () => {
    expect(parseCliArgs(['serve', '-h', '--port', 'x'])).toEqual(E.right({ kind: 'help' }));
  });

  it.each([
    [['serve', '--rooms', '-1']],
    [['serve', '--rooms', '1.5']],
    [['serve', '--rooms', '1e3']],
    [['serve', '--port', '65536']],
    [['serve', '--seed', 'x']],
    [['serve', '--host', '']],
    [['serve', 'extra']],
    [['serve', '--help=yes']],
  ])('%j is an error line', (argv) => {
    const result = parseCliArgs(argv);
    expect(E.isLeft(result)).toBe(true);
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
