// Work counters: tests assert complexity through these, never timings.

export interface ExecStats {
  /** Documents the predicate was evaluated on. */
  readonly docsExamined: number;
  /** Index entries read (0 for a scan). */
  readonly indexKeysExamined: number;
  /** Documents that matched (= total). */
  readonly matched: number;
  /** How the page was ordered. */
  readonly ordering: 'top-k' | 'full-sort' | 'none';
}
