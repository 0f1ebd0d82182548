// Work counters: tests assert complexity through these, never timings.

export interface ExecStats {
  /** Documents read: the predicate evaluated on them, or their sort keys / page fields read. */
  readonly docsExamined: number;
  /** Index entries read: posting entries, order entries walked, bitmap words combined (0 for a scan). */
  readonly indexKeysExamined: number;
  /** Documents that matched (= total). */
  readonly matched: number;
  /** How the page was ordered: a heap, a full sort, the walk of an ordered index, or no page at all. */
  readonly ordering: 'top-k' | 'full-sort' | 'index-order' | 'none';
  /** Characters the linear-time regex engine read (customFields patterns), plus one per test; 0 without regexes. */
  readonly regexSteps?: number;
  /** The access path: `scan` over every document, or `index` (see explain). */
  readonly access?: 'scan' | 'index';
}
