import { LakeError } from '../../common/errors.js';
import { Types } from '../../common/sql-types.js';
import { SqlState } from '../../common/sqlstate.js';
import type { Expr, FunctionCall } from '../../sql/ast.js';
import {
  aggregateResultType,
  isAggregateName,
  type AggregateSpec,
} from '../../exec/aggregate-functions.js';
import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import { errorAt, type BindContext } from './bind-context.js';
import { bindExpr } from './bind-expr.js';
import { resolveColumn } from './resolve-column.js';

/** An AST without its spans, for matching select expressions against GROUP BY keys. */
function shape(e: Expr): string {
  return JSON.stringify(e, (k, v: unknown) => (k === 'span' ? undefined : v));
}

export function containsAggregate(e: unknown): boolean {
  if (e === null || typeof e !== 'object') return false;
  const node = e as { kind?: unknown; name?: { parts?: readonly string[] } };
  if (node.kind === 'function' && isAggregateName(node.name?.parts?.join('.') ?? '')) return true;
  if (node.kind === 'scalar-subquery' || node.kind === 'exists' || node.kind === 'in-subquery')
    return false;
  return Object.values(e).some(containsAggregate);
}

/**
 * GROUP BY and aggregates (docs §7.2.3): keys are bound over the input; in the
 * select list, HAVING and ORDER BY, a subexpression equal to a key becomes the
 * key's output column, an aggregate call becomes its accumulator's column, and
 * any other column reference is 42803.
 */
export class Grouping {
  readonly keys: BoundExpr[];
  readonly aggregates: AggregateSpec[] = [];
  private readonly keyShapes: string[];

  constructor(
    groupBy: readonly Expr[],
    private readonly input: BindContext,
  ) {
    this.keys = groupBy.map((g) => bindExpr(g, { ...input, clause: 'GROUP BY' }));
    this.keyShapes = groupBy.map(shape);
  }

  /** The context binding post-aggregate expressions. */
  context(clause: string): BindContext {
    return { ...this.input, clause, grouped: (e, ctx) => this.replace(e, ctx) };
  }

  private replace(e: Expr, ctx: BindContext): BoundExpr | null {
    const k = this.keyShapes.indexOf(shape(e));
    const key = this.keys[k];
    if (key) return { kind: 'column', type: key.type, index: k };
    if (e.kind === 'function' && isAggregateName(e.name.parts.join('.')))
      return this.aggregate(e, ctx);
    if (e.kind === 'column') {
      resolveColumn(e, this.input); // 42703 first, as PostgreSQL
      throw errorAt(
        ctx,
        e.span,
        new LakeError(
          SqlState.groupingError,
          `column "${this.qualified(e.name.parts)}" must appear in the GROUP BY clause or be used in an aggregate function`,
        ),
      );
    }
    return null;
  }

  private qualified(parts: readonly string[]): string {
    if (parts.length > 1) return parts.slice(-2).join('.');
    const col = this.input.scope.find((c) => c.name === parts[0]);
    return col?.qualifier ? `${col.qualifier}.${parts[0] ?? ''}` : (parts[0] ?? '');
  }

  private aggregate(e: FunctionCall, ctx: BindContext): BoundExpr {
    const fn = e.name.parts.join('.') as AggregateSpec['fn'];
    const inner = { ...this.input, clause: 'aggregate function calls' };
    const star = e.args.length === 1 && e.args[0]?.kind === 'star';
    if (star && fn !== 'count')
      throw errorAt(ctx, e.span, new LakeError(SqlState.syntaxError, `${fn}(*) is not allowed`));
    const arg = star || e.args.length === 0 ? null : bindExpr(e.args[0] as Expr, inner);
    const type = e.args.length > 1 ? null : aggregateResultType(fn, arg?.type ?? null);
    if (type === null || (arg === null && fn !== 'count')) {
      const args = arg ? [arg.type.kind === 'unknown' ? 'unknown' : arg.type.kind] : [];
      throw errorAt(
        ctx,
        e.span,
        new LakeError(
          SqlState.undefinedFunction,
          `function ${fn}(${args.join(', ')}) does not exist`,
          {
            hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
          },
        ),
      );
    }
    const argFinal = arg && arg.type.kind === 'unknown' ? { ...arg, type: Types.text } : arg;
    this.aggregates.push({ fn, arg: argFinal, distinct: e.distinct, type });
    return { kind: 'column', type, index: this.keys.length + this.aggregates.length - 1 };
  }
}
