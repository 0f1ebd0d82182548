// Which form field an API error belongs to, so the page shows the body next to it. The endpoint's
// answer is shown verbatim; only its placement is decided here. For "must be number"-style schema errors
// (which name no parameter) the pure core's own validator (browser-safe root entry) is asked, one
// parameter at a time.
import { parseRoomsParams } from '../index.js';
import type { EndpointSpec } from './endpoints.js';
import type { ParamValues } from './view-state.js';

/** A parameter name, or the sign-in panel (`auth`), or the run button (`general`). */
export type ErrorPlace = string;

interface ErrorBody {
  readonly error?: unknown;
  readonly errorType?: unknown;
}

const asBody = (body: unknown): ErrorBody => (typeof body === 'object' && body !== null ? (body as ErrorBody) : {});

/** The first parameter that fails the core's validator on its own (voip only: the core knows its schema). */
const failingParam = (spec: EndpointSpec, params: ParamValues): string | undefined => {
  if (spec.id !== 'voip') return undefined;
  return spec.params.find((p) => {
    const value = params[p.name];
    return value !== undefined && parseRoomsParams({ [p.name]: value })._tag === 'Left';
  })?.name;
};

export const errorPlace = (spec: EndpointSpec, params: ParamValues, status: number, body: unknown): ErrorPlace => {
  const { error, errorType } = asBody(body);
  const message = typeof error === 'string' ? error : '';
  const has = (name: string): boolean => spec.params.some((p) => p.name === name);
  switch (status) {
    case 401:
      return 'auth';
    case 403:
      // "unauthorized": the caller may see only its own rooms, and `agents` is how it asks for them.
      return errorType === undefined && message === 'unauthorized' && has('agents') ? 'agents' : 'auth';
    case 400: {
      if (errorType === 'error-invalid-sort') return 'sort';
      if (errorType === 'error-invalid-fields') return 'fields';
      const named = /The "([A-Za-z]+)/.exec(message)?.[1];
      if (named !== undefined && has(named)) return named;
      const quoted = spec.params.find((p) => message.includes(`"${p.name}"`) || message.includes(`'${p.name}'`));
      if (quoted !== undefined) return quoted.name;
      return failingParam(spec, params) ?? 'general';
    }
    default:
      return 'general';
  }
};
