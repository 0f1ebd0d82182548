// Default mode's departmentId: one department (a string, as 6.x) or a list of them (`departmentId[]=a`,
// as 7.4+), each list bounded like every other list parameter.
import * as t from 'io-ts';
import { StringListParam, StringParam } from '../ajv-coercion.js';

export const DepartmentParam = (maxItems: number, maxLength: number) => {
  const one = StringParam(maxLength);
  const many = StringListParam(false, maxItems, maxLength);
  return new t.Type<string | ReadonlyArray<string> | undefined, unknown, unknown>(
    'string | string[]',
    (u): u is string | ReadonlyArray<string> => typeof u === 'string' || (Array.isArray(u) && u.every((x) => typeof x === 'string')),
    (u, c) => (Array.isArray(u) ? many.validate(u, c) : one.validate(u, c)),
    (a) => a,
  );
};
