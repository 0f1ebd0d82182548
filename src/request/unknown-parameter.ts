// Default mode's message for a parameter the endpoint does not know: it names the key and, when a known
// parameter is a likely typo of it, suggests that one (upstream only says "must NOT have additional properties").

/** Longer keys are cut in the message (a key is outside input; the message should stay readable). */
const MAX_KEY_IN_MESSAGE = 64;

/** Levenshtein distance, case-insensitive: one row of the classic table, O(|a|·|b|) on short keys. */
const editDistance = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[y.length] ?? 0;
};

/** The known parameter closest to `key`: at most 2 edits and at most half its length; ties go to the earlier one. */
export const closestParameter = (key: string, known: ReadonlyArray<string>): string | undefined => {
  if (key.length > MAX_KEY_IN_MESSAGE) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const d = editDistance(key, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return bestDistance <= 2 && bestDistance * 2 <= key.length ? best : undefined;
};

/** `unknown parameter "agent" (did you mean "agents"?)` — without the suggestion when none is close. */
export const unknownParameterMessage = (key: string, known: ReadonlyArray<string>): string => {
  const shown = key.length > MAX_KEY_IN_MESSAGE ? `${key.slice(0, MAX_KEY_IN_MESSAGE)}…` : key;
  const suggestion = closestParameter(key, known);
  return `unknown parameter ${JSON.stringify(shown)}${suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`}`;
};
