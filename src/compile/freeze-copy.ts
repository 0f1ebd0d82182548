// Results leave the engine as deep-frozen copies: callers can't mutate the collection through them,
// and freezing never touches the caller's own objects.

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

export const frozenCopy = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return Object.freeze(new Date(value.getTime()));
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy));
  if (!isPlainObject(value)) return value;
  // fromEntries defines own data properties, so a "__proto__" key stays a plain key.
  return Object.freeze(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frozenCopy(v)])));
};
