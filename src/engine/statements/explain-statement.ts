import { printPlan } from '../../../planner/plan/print-plan.js';
import { LakeError } from '../../common/errors.js';
import { SqlState } from '../../common/sqlstate.js';
import { batchesOf, type Operator } from '../../exec/operators/operator.js';
import type { Explain } from '../../sql/ast.js';
import { buildPlan } from '../run-plan.js';
import type { StatementHandler } from '../session-core.js';
import { prepareQuery } from './query-statement.js';
import { textBatches, textColumns } from './text-rows.js';

const COLUMNS = textColumns('QUERY PLAN');

/**
 * EXPLAIN prints the optimized plan, one line per node (VERBOSE: the bound plan
 * first). EXPLAIN ANALYZE runs it, discards the rows, and adds each operator's
 * rows, time and scan figures (files, tasks, bytes).
 */
export const explainStatement: StatementHandler<Explain> = {
  async prepare(core, s, parsed, paramTypes) {
    if (s.statement.kind !== 'query') {
      throw new LakeError(
        SqlState.featureNotSupported,
        `EXPLAIN of ${s.statement.kind} is not supported`,
      );
    }
    return { columns: COLUMNS, query: await prepareQuery(core, s.statement, parsed, paramTypes) };
  },
  async execute(core, s, prepared, params, run) {
    const query = prepared.bound.query!;
    let lines: string[];
    if (s.analyze) {
      const { root } = buildPlan(query.plan, core.evalContext(params, run), core.options);
      const started = performance.now();
      for await (const _ of batchesOf(root)); // the rows are discarded; the stats are kept
      const total = performance.now() - started;
      lines = [
        ...printPlan(query.plan, { annotate: (_node, path) => figures(operatorAt(root, path)) }),
        `Execution Time: ${total.toFixed(3)} ms`,
      ];
    } else {
      lines = s.verbose
        ? [
            'Bound plan:',
            ...printPlan(query.logical),
            '',
            'Optimized plan:',
            ...printPlan(query.plan),
          ]
        : printPlan(query.plan);
    }
    return {
      columns: COLUMNS,
      batches: textBatches(
        COLUMNS,
        lines.map((l) => [l]),
      ),
      tag: () => 'EXPLAIN',
    };
  },
};

/** The operator at a child-index path from the root (plans and operators have the same shape). */
function operatorAt(root: Operator, path: readonly number[]): Operator | undefined {
  let op: Operator | undefined = root;
  for (const i of path) op = op?.children[i];
  return op;
}

function figures(op: Operator | undefined): string {
  if (!op) return '(never executed)';
  const extra = Object.entries(op.stats.extra).map(([k, v]) => ` ${k}=${v}`);
  return `(actual rows=${op.stats.rows} time=${(op.stats.nanos / 1e6).toFixed(3)} ms${extra.join('')})`;
}
