import { Types } from '../../src/common/sql-types.js';
import type { FrameBound as AstBound, FunctionCall, WindowSpec } from '../../src/sql/ast.js';
import { ref, type BoundExpr } from '../plan/bound-expr.js';
import type {
  FrameBound,
  LogicalPlan,
  PlanColumn,
  WindowCall,
  WindowFrame,
  WindowNode,
} from '../plan/logical-plan.js';
import { failAt, type BindContext } from './bind-context.js';
import { bindCondition, bindExpr } from './bind-expr.js';
import { bindCallArgs, bindSortKey } from './bind-aggregate.js';
import { functionName, noFunction, WINDOWING_ERROR, WRONG_OBJECT_TYPE } from './bind-function.js';
import { coerceTo } from './coerce.js';
import { shapeOf } from './grouping-sets.js';

type NamedWindows = readonly { readonly name: string; readonly spec: WindowSpec }[];

/**
 * Window function calls of one SELECT (docs §4.2.8, §3.5): each `f(...) OVER (...)`
 * becomes one WindowCall whose output column replaces the call in the select list
 * and ORDER BY. Arguments, PARTITION BY and ORDER BY are bound after grouping, so
 * `rank() OVER (ORDER BY sum(x))` sees the aggregate's column.
 */
export class WindowCalls {
  readonly calls: { readonly call: WindowCall; readonly column: PlanColumn }[] = [];
  private readonly shapes: string[] = [];

  constructor(
    private readonly named: NamedWindows,
    private readonly ids: BindContext['ids'],
  ) {}

  /** The hook for BindContext.windowed. */
  readonly bind = (e: FunctionCall, ctx: BindContext): BoundExpr => {
    const name = functionName(e);
    const inner: BindContext = { ...ctx, clause: 'window function calls' };
    delete (inner as { windowed?: unknown }).windowed;
    const args = bindCallArgs(e, inner);
    const resolver = ctx.functions.window(name) ?? ctx.functions.aggregate(name);
    if (!resolver) {
      if (ctx.functions.scalar(name)) {
        throw failAt(
          ctx,
          e.span,
          WRONG_OBJECT_TYPE,
          `OVER specified, but ${name} is not a window function nor an aggregate function`,
        );
      }
      throw noFunction(e, args, ctx);
    }
    const signature = resolver.resolve(args.map((a) => a.type));
    if (!signature) throw noFunction(e, args, ctx);
    const spec = this.resolveSpec(e.over as WindowSpec, ctx);
    const call: WindowCall = {
      fn: name,
      args: args.map((a, i) =>
        coerceTo(a, signature.args[i] ?? a.type, ctx, e.args[i]?.span.start ?? e.span.start),
      ),
      distinct: e.distinct,
      filter: e.filter ? bindCondition(e.filter, inner, 'FILTER') : null,
      partitionBy: spec.partitionBy.map((p) => bindExpr(p, inner)),
      orderBy: spec.orderBy.map((o) => bindSortKey(o, inner)),
      frame: spec.frame ? bindFrame(spec.frame, inner) : null,
      ignoreNulls: e.nullTreatment === 'ignore',
      type: signature.returns,
    };
    const shape = shapeOf(call);
    const existing = this.calls[this.shapes.indexOf(shape)];
    if (existing) return ref(existing.column.id, existing.column.type);
    const column: PlanColumn = { id: this.ids.next(), name, type: signature.returns };
    this.calls.push({ call, column });
    this.shapes.push(shape);
    return ref(column.id, column.type);
  };

  /** The window node over `input`, or the input itself when there are no calls. */
  node(input: LogicalPlan): LogicalPlan {
    if (this.calls.length === 0) return input;
    const node: WindowNode = {
      kind: 'window',
      input,
      calls: this.calls.map((c) => c.call),
      columns: [...input.columns, ...this.calls.map((c) => c.column)],
    };
    return node;
  }

  /** `OVER w` / `OVER (w ORDER BY ...)`: the named window refined by the inline parts. */
  private resolveSpec(spec: WindowSpec, ctx: BindContext): WindowSpec {
    if (spec.base === null) return spec;
    const base = this.named.find((w) => w.name === spec.base);
    if (!base) {
      throw failAt(ctx, spec.span, '42704', `window "${spec.base}" does not exist`);
    }
    const resolved = this.resolveSpec(base.spec, ctx);
    if (spec.partitionBy.length > 0) {
      throw failAt(
        ctx,
        spec.span,
        WINDOWING_ERROR,
        `cannot override PARTITION BY clause of window "${spec.base}"`,
      );
    }
    if (spec.orderBy.length > 0 && resolved.orderBy.length > 0) {
      throw failAt(
        ctx,
        spec.span,
        WINDOWING_ERROR,
        `cannot override ORDER BY clause of window "${spec.base}"`,
      );
    }
    return {
      ...resolved,
      orderBy: spec.orderBy.length > 0 ? spec.orderBy : resolved.orderBy,
      frame: spec.frame ?? resolved.frame,
    };
  }
}

/** A frame as written; offsets are constants (or $n) of int8 for ROWS/GROUPS, as written for RANGE. */
function bindFrame(f: NonNullable<WindowSpec['frame']>, ctx: BindContext): WindowFrame {
  const bound = (b: AstBound): FrameBound => {
    if (b.kind === 'preceding' || b.kind === 'following') {
      const e = b.offset;
      if (!e)
        return { kind: b.kind === 'preceding' ? 'unbounded-preceding' : 'unbounded-following' };
      const bare = bindExpr(e, { ...ctx, scope: { columns: [], parent: null } });
      const offset = f.unit === 'range' ? bare : coerceTo(bare, Types.int8, ctx, e.span.start);
      return { kind: b.kind, offset };
    }
    return { kind: b.kind };
  };
  return { unit: f.unit, start: bound(f.start), end: bound(f.end), exclude: f.exclude };
}
