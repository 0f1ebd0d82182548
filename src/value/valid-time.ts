// A Date's epoch milliseconds, NaN for anything else (invalid Dates included): range filters and date
// indexes compare through this one reading, so NaN never matches a bound and orders the same everywhere.

export const validTime = (value: unknown): number => (value instanceof Date ? value.getTime() : Number.NaN);
