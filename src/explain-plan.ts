// Explains a plan: the chosen access path, the ones it beat, and the estimated vs actual work.
import type { ExecStats } from './exec/counters.js';
import type { PlanNode, QueryPlan } from './plan/plan.js';

const describeNode = (node: PlanNode): string => {
  if (node.kind === 'scan') return 'full scan (every document through the predicate, top-k heap)';
  const sets = node.candidates.map((c) => c.label).join(' ∩ ');
  const residual = node.exact ? 'exact (no residual predicate; total = set size)' : 'residual predicate on each candidate';
  const ordering = node.ordering;
  const stop = node.exact ? ', stop after offset+count' : '';
  const order =
    ordering.kind === 'top-k'
      ? 'top-k heap over the candidates'
      : ordering.kind === 'key-walk'
        ? `for each ${ordering.keys.path.dotted} ${ordering.keyDescending ? 'desc' : 'asc'}: walk its posting by ${ordering.index.path.dotted} ${ordering.descending ? 'desc' : 'asc'}${stop}`
        : `walk ${ordering.index.path.dotted} ${ordering.descending ? 'desc' : 'asc'}${ordering.primary ? '' : ' (secondary order, membership test)'}${stop}`;
  return `index: ${sets}; ${residual}; ${order}`;
};

const round = (x: number): string => (x < 10 ? x.toFixed(1) : String(Math.round(x)));

/** The rows the plan expects to match: at most its smallest candidate set (all of them for a scan). */
const estimatedRows = (node: PlanNode): string =>
  node.kind === 'scan' ? 'rows not estimated' : `≤ ${Math.min(...node.candidates.map((c) => c.size))} rows match`;

/** Plan lines for `explain(compiled, collection)`. */
export const describePlan = (plan: QueryPlan, actual: ExecStats): string =>
  [
    `plan:       ${describeNode(plan.chosen)}`,
    `estimated:  ${round(plan.chosen.estimatedDocs)} documents examined, ${estimatedRows(plan.chosen)} (cost ${round(plan.chosen.cost)})`,
    `actual:     ${actual.docsExamined} documents examined, ${actual.indexKeysExamined} index keys examined, ${actual.matched} matched`,
    ...plan.alternatives
      .filter((a) => a !== plan.chosen)
      .map((a) => `rejected:   ${describeNode(a)} (cost ${round(a.cost)}, ~${round(a.estimatedDocs)} documents)`),
  ].join('\n');
