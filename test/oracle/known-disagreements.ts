// Inputs on which engine and reference are known to disagree while the decisions doc is being
// settled. The oracle properties skip them (fc.pre) so other disagreements still surface; set
// ORACLE_STRICT=1 to include them. Delete an entry once the doc and both sides agree.

import type { OracleCase } from './oracle-inputs.js';

export interface KnownDisagreement {
  readonly id: string;
  /** What the doc says, what each side does. */
  readonly note: string;
  readonly applies: (c: Pick<OracleCase, 'mode' | 'params'> & { rooms?: ReadonlyArray<Record<string, unknown>> }) => boolean;
}

export const KNOWN_DISAGREEMENTS: ReadonlyArray<KnownDisagreement> = [
  // None: every disagreement found so far was settled in docs/semantics-differences.md and fixed.
];

const strict = process.env['ORACLE_STRICT'] === '1';

/** True when the case should be skipped because it hits a known, reported disagreement. */
export function hitsKnownDisagreement(c: Parameters<KnownDisagreement['applies']>[0]): boolean {
  if (strict) return false;
  for (const d of KNOWN_DISAGREEMENTS) if (d.applies(c)) return true;
  return false;
}
