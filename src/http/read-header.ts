// One request header by name: names match case-insensitively, a repeated header gives its first value.

/** The headers of a request, as node:http gives them or in any letter case. */
export type RequestHeaders = Readonly<Record<string, string | ReadonlyArray<string> | undefined>>;

/** The value of header `name`, or undefined when it is absent or empty. */
export const readHeader = (headers: RequestHeaders, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    const raw = headers[key];
    const value = typeof raw === 'string' ? raw : raw?.[0];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
};
