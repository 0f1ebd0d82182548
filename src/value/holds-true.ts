// MongoDB's `{ field: true }`: the value is true, or an array holding true. One definition for the
// filter operator (compile/operators.ts) and the flag indexes (collection/postings.ts).

export const holdsTrue = (value: unknown): boolean => value === true || (Array.isArray(value) && value.includes(true));
