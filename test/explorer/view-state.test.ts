// The page's pure parts: query string and page URL round trips, header-click sorting, paging text,
// the fields chooser's projection, and which field an API error is shown next to.
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, LIVECHAT, VOIP } from '../../src/explorer/endpoints.js';
import { errorPlace } from '../../src/explorer/error-field.js';
import {
  curlLine,
  fieldsFor,
  fromPageUrl,
  nextSort,
  rangeText,
  readSort,
  toPageUrl,
  toQueryString,
  writeSort,
} from '../../src/explorer/view-state.js';
import { defaultParamsCodec } from '../../src/request/params-codec.js';
import { DEFAULT_LIMITS } from '../../src/options.js';

describe('explorer view state', () => {
  it('names every voip parameter exactly as the API does, in its order', () => {
    expect(VOIP.params.map((p) => p.name)).toEqual(Object.keys(defaultParamsCodec(DEFAULT_LIMITS).props));
  });

  it('writes lists in bracket form and reads both forms back; the page URL round-trips', () => {
    const params = { agents: ['a1', 'a2'], open: 'true', sort: '{"ts":1}', count: '10' };
    const q = toQueryString(VOIP, params);
    expect(q).toBe('agents%5B%5D=a1&agents%5B%5D=a2&open=true&count=10&sort=%7B%22ts%22%3A1%7D');
    const url = toPageUrl(VOIP, { endpoint: 'voip', live: true, params });
    const [search, hash] = url.split('#') as [string, string];
    expect(fromPageUrl(search, `#${hash}`, ENDPOINTS)).toEqual({ endpoint: 'voip', live: true, params });
    expect(fromPageUrl('?agents=x&bogus=1&open=', '', ENDPOINTS)).toEqual({ endpoint: 'voip', live: false, params: { agents: ['x'] } });
    expect(fromPageUrl('?onhold=true', '#endpoint=livechat', ENDPOINTS)).toEqual({
      endpoint: 'livechat',
      live: false,
      params: { onhold: 'true' },
    });
    expect(fromPageUrl('', '#endpoint=livechat', [VOIP]).endpoint).toBe('voip');
  });

  it('sorts on header clicks: plain click = that column only, shift-click = one more key', () => {
    expect(nextSort([], 'ts', false)).toEqual([['ts', 1]]);
    expect(nextSort([['ts', 1]], 'ts', false)).toEqual([['ts', -1]]);
    expect(
      nextSort(
        [
          ['ts', -1],
          ['queue', 1],
        ],
        'queue',
        false,
      ),
    ).toEqual([['queue', 1]]);
    expect(
      nextSort(
        [
          ['ts', -1],
          ['queue', 1],
        ],
        'ts',
        false,
      ),
    ).toEqual([['ts', 1]]);
    expect(nextSort([['ts', -1]], 'queue', true)).toEqual([
      ['ts', -1],
      ['queue', 1],
    ]);
    expect(
      nextSort(
        [
          ['ts', -1],
          ['queue', 1],
        ],
        'queue',
        true,
      ),
    ).toEqual([
      ['ts', -1],
      ['queue', -1],
    ]);
    expect(
      writeSort([
        ['queue', 1],
        ['ts', -1],
      ]),
    ).toBe('{"queue":1,"ts":-1}');
    expect(readSort('{"queue":1,"ts":-1}')).toEqual([
      ['queue', 1],
      ['ts', -1],
    ]);
    expect(readSort('not json')).toEqual([]);
    expect(readSort('{"ts":2}')).toEqual([]);
  });

  it('pages, projects and quotes', () => {
    expect(rangeText(50, 50)).toBe('51–100');
    expect(rangeText(0, 0)).toBe('0');
    expect(fieldsFor(['fname', 'servedBy.username'], ['fname', 'servedBy.username', 'ts'])).toBe('{"fname":1,"servedBy.username":1}');
    expect(fieldsFor(['ts', 'fname'], ['fname', 'ts'])).toBe('');
    expect(curlLine("http://h/x?a='b'", 'u', 't')).toBe(`curl -s 'http://h/x?a='\\''b'\\''' -H 'X-User-Id: u' -H 'X-Auth-Token: t'`);
  });

  it('puts each API error next to the field that caused it', () => {
    expect(errorPlace(VOIP, {}, 401, { status: 'error', message: 'You must be logged in to do this.' })).toBe('auth');
    expect(errorPlace(VOIP, { agents: ['x'] }, 403, { success: false, error: 'unauthorized' })).toBe('agents');
    expect(
      errorPlace(VOIP, {}, 403, {
        success: false,
        error: 'User does not have the permissions required for this action [error-unauthorized]',
      }),
    ).toBe('auth');
    expect(errorPlace(VOIP, {}, 400, { success: false, error: 'x', errorType: 'error-invalid-sort' })).toBe('sort');
    expect(errorPlace(VOIP, {}, 400, { success: false, error: 'x', errorType: 'error-invalid-fields' })).toBe('fields');
    expect(errorPlace(VOIP, {}, 400, { success: false, error: 'The "closedAt.start" query parameter must be a valid date.' })).toBe(
      'closedAt',
    );
    // "must be number" names no parameter: the core's validator finds it.
    expect(
      errorPlace(VOIP, { open: 'true', offset: 'abc' }, 400, {
        success: false,
        error: 'must be number [invalid-params]',
        errorType: 'invalid-params',
      }),
    ).toBe('offset');
    expect(
      errorPlace(VOIP, { direction: 'sideways' }, 400, {
        success: false,
        error: 'must be equal to one of the allowed values [invalid-params]',
        errorType: 'invalid-params',
      }),
    ).toBe('direction');
    expect(errorPlace(LIVECHAT, {}, 400, { success: false, error: 'must be number [invalid-params]' })).toBe('general');
    expect(errorPlace(VOIP, {}, 429, { success: false, error: 'Error, too many requests.' })).toBe('general');
  });
});
