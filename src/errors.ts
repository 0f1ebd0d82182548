// Every error body we answer with has its home here: the endpoint's (exact bodies Rocket.Chat sends), the
// server's (414, 429, 500) and the live routes' (413, invalid-patch); one union, stable codes (docs/errors.md).
// Every fallible public function returns Either<ApiError, _>; nothing in the core throws.

/** The JSON body of an error response, exactly as Rocket.Chat writes it. */
export type ApiErrorBody =
  | {
      readonly success: false;
      readonly error: string;
      readonly errorType?: string;
      /** A refused patch's position, or (livechat/rooms, rocketchat mode) which upstream helper refused the parameter. */
      readonly details?: PatchErrorDetails | HelperErrorDetails;
    }
  | { readonly status: 'error'; readonly message: string };

/** Where a JSON Patch failed (the `details` of an `invalid-patch` body). */
export type PatchErrorDetails = {
  readonly code: string;
  readonly index: number | null;
  readonly path: string | null;
  readonly reason: string;
};

/** livechat/rooms in rocketchat mode: upstream's `details` on sort/fields/query errors. */
export type HelperErrorDetails = { readonly helperMethod: string };

/** Why a request failed; `code` is stable and documented in docs/errors.md. */
export type ApiErrorCode =
  | 'unauthenticated'
  | 'invalid-params'
  | 'invalid-sort'
  | 'invalid-fields'
  | 'invalid-date'
  | 'invalid-date-json'
  | 'invalid-json'
  | 'invalid-query'
  | 'invalid-custom-fields'
  | 'invalid-regex'
  | 'regex-not-linear'
  | 'unauthorized'
  | 'missing-permission'
  | 'patch-forbidden'
  | 'not-found'
  | 'method-not-allowed'
  | 'uri-too-long'
  | 'bad-request'
  | 'request-timeout'
  | 'headers-too-large'
  | 'too-many-requests'
  | 'payload-too-large'
  | 'invalid-patch'
  | 'internal-error';

/** An HTTP status plus the body to send. */
export interface ApiError {
  readonly status: 400 | 401 | 403 | 404 | 405 | 408 | 413 | 414 | 429 | 431 | 500;
  readonly code: ApiErrorCode;
  readonly body: ApiErrorBody;
}

const failure = (status: ApiError['status'], code: ApiErrorCode, error: string, errorType?: string): ApiError => ({
  status,
  code,
  body: errorType === undefined ? { success: false, error } : { success: false, error, errorType },
});

/** Adds upstream's `details: { helperMethod: 'parseJsonQuery' }` (livechat/rooms, rocketchat mode). */
const fromParseJsonQuery = (error: ApiError): ApiError =>
  'success' in error.body ? { ...error, body: { ...error.body, details: { helperMethod: 'parseJsonQuery' } } } : error;

/** Constructors for every error the endpoints can answer. */
export const ApiErrors = {
  unauthenticated: (): ApiError => ({
    status: 401,
    code: 'unauthenticated',
    body: { status: 'error', message: 'You must be logged in to do this.' },
  }),
  /** ajv-style validator message, e.g. `must be number`. */
  invalidParams: (message: string): ApiError => failure(400, 'invalid-params', `${message} [invalid-params]`, 'invalid-params'),
  invalidSort: (raw: string): ApiError =>
    failure(400, 'invalid-sort', `Invalid sort parameter provided: "${raw}" [error-invalid-sort]`, 'error-invalid-sort'),
  invalidFields: (raw: string): ApiError =>
    failure(400, 'invalid-fields', `Invalid fields parameter provided: "${raw}" [error-invalid-fields]`, 'error-invalid-fields'),
  invalidDate: (path: string): ApiError => failure(400, 'invalid-date', `The "${path}" query parameter must be a valid date.`),
  invalidDateJson: (param: string): ApiError =>
    failure(400, 'invalid-date-json', `The "${param}" query parameter must be a valid JSON object.`),
  /** livechat/rooms: a JSON parameter (createdAt, closedAt) is not JSON; upstream sends JSON.parse's own message. */
  invalidJson: (message: string): ApiError => failure(400, 'invalid-json', message),
  /** livechat/rooms, rocketchat mode: `query` is not JSON (parsed, then never used). */
  invalidQuery: (raw: string): ApiError =>
    fromParseJsonQuery(
      failure(400, 'invalid-query', `Invalid query parameter provided: "${raw}" [error-invalid-query]`, 'error-invalid-query'),
    ),
  /** livechat/rooms: customFields is not a JSON object of field paths. */
  invalidCustomFields: (): ApiError => failure(400, 'invalid-custom-fields', 'The "customFields" query parameter must be a valid JSON.'),
  /** livechat/rooms: a customFields value JavaScript's RegExp refuses; `message` is the engine's own. */
  invalidRegex: (message: string): ApiError => failure(400, 'invalid-regex', message),
  /** livechat/rooms: a valid pattern no linear-time engine can run (backreference, lookaround). */
  regexNotLinear: (key: string): ApiError =>
    failure(
      400,
      'regex-not-linear',
      `The "customFields.${key}" pattern needs a feature without a linear-time match (backreference or lookaround) [error-invalid-regex]`,
      'error-invalid-regex',
    ),
  /** livechat/rooms in rocketchat mode: sort/fields/query errors carry upstream's `details`. */
  withParseJsonQueryDetails: fromParseJsonQuery,
  /** Upstream's API.v1.unauthorized(): the caller may not run this filter. */
  unauthorized: (): ApiError => failure(403, 'unauthorized', 'unauthorized'),
  /** The doc page's other 403: the caller has neither permission (default mode only). */
  missingPermission: (): ApiError =>
    failure(403, 'missing-permission', 'User does not have the permissions required for this action [error-unauthorized]'),
  /** room-query's own write route (rooms.patch): the caller's roles do not hold `permission` (admin's by default). */
  patchForbidden: (permission: string): ApiError =>
    failure(
      403,
      'patch-forbidden',
      `unauthorized: patching rooms needs the ${permission} permission [error-unauthorized]`,
      'error-unauthorized',
    ),
  notFound: (): ApiError => failure(404, 'not-found', 'Not found'),
  methodNotAllowed: (): ApiError => failure(405, 'method-not-allowed', 'Method not allowed'),
  uriTooLong: (max: number): ApiError =>
    failure(414, 'uri-too-long', `The request URL is longer than ${max} characters [error-uri-too-long]`, 'error-uri-too-long'),
  /** The HTTP server's own rejections (before any route): a request node:http cannot parse, too slow, too big. */
  badRequest: (): ApiError => failure(400, 'bad-request', 'The request is not valid HTTP [error-bad-request]', 'error-bad-request'),
  requestTimeout: (): ApiError =>
    failure(408, 'request-timeout', 'The request took too long to arrive [error-request-timeout]', 'error-request-timeout'),
  headersTooLarge: (maxBytes: number): ApiError =>
    failure(
      431,
      'headers-too-large',
      `The request line and headers are larger than ${maxBytes} bytes [error-headers-too-large]`,
      'error-headers-too-large',
    ),
  /** Rocket.Chat's rate limiter answer, word for word. */
  tooManyRequests: (waitSeconds: number): ApiError =>
    failure(
      429,
      'too-many-requests',
      `Error, too many requests. Please slow down. You must wait ${waitSeconds} seconds before trying this endpoint again. [error-too-many-requests]`,
      'error-too-many-requests',
    ),
  /** A `rooms.patch` body over the size limit. */
  payloadTooLarge: (): ApiError =>
    failure(413, 'payload-too-large', 'The patch is too large [error-payload-too-large]', 'error-payload-too-large'),
  /** A `rooms.patch` body that is not JSON. */
  patchNotJson: (): ApiError => failure(400, 'invalid-patch', 'The body is not JSON [invalid-patch]', 'invalid-patch'),
  /** A JSON Patch the store refused: `message` says which operation and why; `details` locates it. */
  invalidPatch: (message: string, details: PatchErrorDetails): ApiError => ({
    status: 400,
    code: 'invalid-patch',
    body: { success: false, error: `${message} [invalid-patch]`, errorType: 'invalid-patch', details },
  }),
  /** An unexpected exception (reported to `onError`; nothing of it is sent). */
  internalError: (): ApiError => failure(500, 'internal-error', 'Internal error'),
} as const;

/** The JSON text of the 500 body, for adapters that answer before any handler runs. */
export const INTERNAL_ERROR_JSON = JSON.stringify(ApiErrors.internalError().body);

/** One thing wrong in a configuration, and where: `users[2].hashedToken`. */
export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
}

/** A configuration refused at creation (createRoomsApi, createLiveRoutes): every problem found, not only the first. */
export interface ConfigError {
  readonly code: 'invalid-config';
  /** The problems in one line: `users[1]._id: duplicate user _id "u1"; users[2].hashedToken: ...`. */
  readonly message: string;
  readonly problems: ReadonlyArray<ConfigProblem>;
}

export const configError = (problems: ReadonlyArray<ConfigProblem>): ConfigError =>
  Object.freeze({
    code: 'invalid-config',
    message: problems.map((p) => `${p.path}: ${p.message}`).join('; '),
    problems: Object.freeze([...problems]),
  });
