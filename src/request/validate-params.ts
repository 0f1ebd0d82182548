// Schema stage: unknown keys first (io-ts `partial` would silently keep them), then the codec.
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { ApiErrors, type ApiError } from '../errors.js';
import type { Mode, RequestLimits } from '../options.js';
import { paramsCodecFor, type RoomsParams } from './params-codec.js';
import { unknownParameterMessage } from './unknown-parameter.js';

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u);

/** Any endpoint's schema stage: `codec` is a `t.partial` of its parameters in upstream's order. */
export const validateWith = <P>(
  codec: t.Decoder<unknown, P> & { readonly props: object },
  raw: unknown,
  mode: Mode,
): E.Either<ApiError, P> => {
  if (!isRecord(raw)) return E.left(ApiErrors.invalidParams('must be object'));
  const unknown = Object.keys(raw).find((key) => !Object.hasOwn(codec.props, key));
  if (unknown !== undefined) {
    // rocketchat mode keeps upstream's words; default mode names the key (docs/semantics-differences.md).
    return E.left(
      ApiErrors.invalidParams(
        mode === 'rocketchat' ? 'must NOT have additional properties' : unknownParameterMessage(unknown, Object.keys(codec.props)),
      ),
    );
  }
  // io-ts reports every failure in property order; upstream's ajv stops at the first.
  return E.mapLeft((errors: ReadonlyArray<{ message?: string }>) => ApiErrors.invalidParams(errors[0]?.message ?? 'must be valid'))(
    codec.decode(raw),
  );
};

export const validateParams = (raw: unknown, mode: Mode, limits: RequestLimits): E.Either<ApiError, RoomsParams> =>
  validateWith(paramsCodecFor(mode, limits), raw, mode);
