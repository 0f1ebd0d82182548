// Raw parameters → LivechatQuery, in upstream's order of checks (both modes): schema, sort, fields,
// query (rocketchat), paging, createdAt, closedAt; customFields errors wait for the permission check
// (they come after the 403 upstream), so they travel in `deferredError`.
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { ApiErrors, type ApiError } from '../../errors.js';
import { resolveLimits, resolvePaging, type QueryOptions } from '../../options.js';
import type { LivechatQuery } from '../../query/livechat-query.js';
import { Projection } from '../../query/projection.js';
import { parseFields } from '../parse-fields.js';
import { parseSort } from '../parse-sort.js';
import { resolvePagingParams } from '../resolve-paging.js';
import { validateWith } from '../validate-params.js';
import { buildLivechatFilter } from './build-livechat-filter.js';
import { livechatCodecFor } from './livechat-params-codec.js';
import { parseCustomFields } from './parse-custom-fields.js';
import { checkJsonQuery } from './parse-json-query.js';
import { parseLivechatDate } from './parse-livechat-date.js';

/** livechat/rooms returns whole documents (upstream's model gets no projection): no field is ever hidden. */
export const LIVECHAT_HIDDEN_FIELDS: ReadonlyArray<string> = Object.freeze([]);

/**
 * Validates and types GET /api/v1/livechat/rooms parameters (already split into an object).
 * @example
 * parseLivechatParams({ open: 'true', departmentId: 'sales' }) // Right(LivechatQuery)
 * parseLivechatParams({ agents: 'x' }, { mode: 'rocketchat' }) // Left(400 'must be array [invalid-params]')
 */
export const parseLivechatParams = (raw: unknown, options: QueryOptions = {}): E.Either<ApiError, LivechatQuery> => {
  const mode = options.mode ?? 'default';
  // rocketchat mode: upstream's parseJsonQuery adds `details` to its three errors.
  const upstream = (e: ApiError): ApiError => (mode === 'rocketchat' ? ApiErrors.withParseJsonQueryDetails(e) : e);
  return pipe(
    E.Do,
    E.bind('params', () => validateWith(livechatCodecFor(mode, resolveLimits(options.limits)), raw, mode)),
    E.bind('sort', ({ params }) => E.mapLeft(upstream)(parseSort(params.sort))),
    // rocketchat mode parses fields (and may refuse them), then returns whole documents.
    E.bind('projection', ({ params }) =>
      pipe(
        parseFields(params.fields, LIVECHAT_HIDDEN_FIELDS),
        E.mapLeft(upstream),
        E.map((p) => (mode === 'rocketchat' ? Projection.all(LIVECHAT_HIDDEN_FIELDS) : p)),
      ),
    ),
    E.chainFirst(({ params }) => (mode === 'rocketchat' ? checkJsonQuery(params.query) : E.right(undefined))),
    E.bind('paging', ({ params }) => resolvePagingParams(mode, resolvePaging(mode, options.paging), params.offset, params.count)),
    E.bind('createdAt', ({ params }) => parseLivechatDate(mode, 'createdAt', params.createdAt)),
    E.bind('closedAt', ({ params }) => parseLivechatDate(mode, 'closedAt', params.closedAt)),
    E.map(({ params, sort, projection, paging, createdAt, closedAt }) => {
      const customFields = parseCustomFields(params.customFields);
      const query: LivechatQuery = {
        mode,
        filter: buildLivechatFilter(mode, {
          params,
          createdAt,
          closedAt,
          customFields: E.isRight(customFields) ? customFields.right : [],
        }),
        sort,
        projection,
        paging,
        agents: params.agents,
        units: mode === 'default' ? params.units : undefined,
        deferredError: E.isLeft(customFields) ? customFields.left : undefined,
      };
      return Object.freeze(query);
    }),
  );
};
