import { LakeError } from '../../src/common/errors.js';
import { formatType, Types, type SqlType } from '../../src/common/sql-types.js';
import { SqlState } from '../../src/common/sqlstate.js';
import type { Between, Binary, Expr, InList, IsTest, Like, Unary } from '../../src/sql/ast.js';
import { call, type BoundExpr } from '../plan/bound-expr.js';
import { commonType, isNumeric, isStringType } from '../../src/common/type-coercion.js';
import { errorAt, type BindContext } from './bind-context.js';
import { coerceImplicitly, coerceTo } from './coerce.js';
import { bindRowComparison, bindRowInList } from './bind-row.js';

type Bind = (e: Expr, ctx: BindContext) => BoundExpr;
const BOOL = Types.bool;

/** Where the operator token sits: between the operands in the text (PostgreSQL points there). */
export function operatorStart(e: Binary, ctx: BindContext): number {
  const between = ctx.text.slice(e.left.span.end, e.right.span.start);
  const i = between.toLowerCase().indexOf(e.op);
  return i < 0 ? e.span.start : e.left.span.end + i;
}

export function noOperator(
  op: string,
  l: SqlType,
  r: SqlType | null,
  ctx: BindContext,
  at: number,
): unknown {
  const sig = r === null ? `${op} ${formatType(l)}` : `${formatType(l)} ${op} ${formatType(r)}`;
  return errorAt(
    ctx,
    at,
    new LakeError(SqlState.undefinedFunction, `operator does not exist: ${sig}`, {
      hint: 'No operator matches the given name and argument types. You might need to add explicit type casts.',
    }),
  );
}

const arithmetic = new Set(['+', '-', '*', '/', '%']);
const comparison = new Set(['=', '<>', '<', '<=', '>', '>=']);

export function bindBinary(e: Binary, ctx: BindContext, bind: Bind): BoundExpr {
  if (e.op === 'and' || e.op === 'or') {
    const what = `argument of ${e.op.toUpperCase()}`;
    const l = coerceImplicitly(bind(e.left, ctx), BOOL, ctx, e.left.span.start, what);
    const r = coerceImplicitly(bind(e.right, ctx), BOOL, ctx, e.right.span.start, what);
    return { kind: e.op, type: BOOL, args: [l, r] };
  }
  if (e.left.kind === 'row' || e.right.kind === 'row') return bindRowComparison(e, ctx, bind);
  const left = bind(e.left, ctx);
  const right = bind(e.right, ctx);
  const at = operatorStart(e, ctx);
  if (e.op === '||') return bindConcat(left, right, e, ctx, at);
  if (arithmetic.has(e.op)) {
    const date = bindDateArithmetic(e.op, left, right, ctx, e);
    if (date) return date;
  }
  const t = operandType(left.type, right.type);
  if (t === null || !(comparison.has(e.op) || (arithmetic.has(e.op) && isNumeric(t)))) {
    throw noOperator(e.op, left.type, right.type, ctx, at);
  }
  const args = [
    coerceTo(left, t, ctx, e.left.span.start),
    coerceTo(right, t, ctx, e.right.span.start),
  ];
  return call(e.op, comparison.has(e.op) ? BOOL : t, args);
}

/** Both sides unknown: PostgreSQL resolves comparisons as text and refuses arithmetic. */
export function operandType(l: SqlType, r: SqlType): SqlType | null {
  if (l.kind === 'unknown' && r.kind === 'unknown') return Types.text;
  const t = commonType([l, r]);
  // float4 meets only float4 and float8 operators: float4 + int4 resolves to float8.
  const mixedFloat4 =
    t?.kind === 'float4' && [l, r].some((x) => x.kind !== 'float4' && x.kind !== 'unknown');
  return mixedFloat4 ? Types.float8 : t;
}

function bindConcat(
  l: BoundExpr,
  r: BoundExpr,
  e: Binary,
  ctx: BindContext,
  at: number,
): BoundExpr {
  const stringy = (t: SqlType): boolean => isStringType(t) || t.kind === 'unknown';
  if (!stringy(l.type) && !stringy(r.type)) throw noOperator('||', l.type, r.type, ctx, at);
  return call('||', Types.text, [
    coerceTo(l, Types.text, ctx, e.left.span.start),
    coerceTo(r, Types.text, ctx, e.right.span.start),
  ]);
}

/**
 * Date/time and interval arithmetic (PostgreSQL docs table 9.33), as the kernels of
 * exec/kernels/interval-arithmetic.ts name them: `<left><op><right>` → result. An
 * unknown literal on the interval side is read as an interval, a number beside an
 * interval as double precision.
 */
const intervalOperators: Readonly<Record<string, SqlType>> = {
  'timestamp+interval': Types.timestamp,
  'timestamp-interval': Types.timestamp,
  'interval+timestamp': Types.timestamp,
  'timestamptz+interval': Types.timestamptz,
  'timestamptz-interval': Types.timestamptz,
  'date+interval': Types.timestamp,
  'date-interval': Types.timestamp,
  'timestamp-timestamp': Types.interval,
  'timestamptz-timestamptz': Types.interval,
  'interval+interval': Types.interval,
  'interval-interval': Types.interval,
  'interval*float8': Types.interval,
  'float8*interval': Types.interval,
  'interval/float8': Types.interval,
};

function bindIntervalArithmetic(
  op: string,
  l: BoundExpr,
  r: BoundExpr,
  ctx: BindContext,
  e: Binary,
): BoundExpr | null {
  const datetime = (k: string): boolean => k === 'date' || k === 'timestamp' || k === 'timestamptz';
  const lk = l.type.kind;
  const rk = r.type.kind;
  // Mixed datetimes subtract after promoting to the wider type (date < timestamp <
  // timestamptz, PostgreSQL's implicit casts), e.g. `timestamptz - date`; was 42883.
  if (op === '-' && datetime(lk) && datetime(rk) && lk !== rk) {
    const wide = lk === 'timestamptz' || rk === 'timestamptz' ? Types.timestamptz : Types.timestamp;
    return call(`${wide.kind}-${wide.kind}`, Types.interval, [
      coerceTo(l, wide, ctx, e.left.span.start),
      coerceTo(r, wide, ctx, e.right.span.start),
    ]);
  }
  if (lk !== 'interval' && rk !== 'interval' && !(op === '-' && datetime(lk) && lk === rk)) {
    return null;
  }
  const kindOf = (k: string, other: string): string =>
    k === 'unknown' && (other === 'interval' || datetime(other))
      ? 'interval'
      : isNumeric({ kind: k } as SqlType) && other === 'interval'
        ? 'float8'
        : k;
  const [lt, rt] = [kindOf(lk, rk), kindOf(rk, lk)];
  // interval + date is date + interval turned around (there is one kernel per shape).
  if (op === '+' && lt === 'interval' && rt === 'date') {
    return call('date+interval', Types.timestamp, [
      r,
      coerceTo(l, Types.interval, ctx, e.left.span.start),
    ]);
  }
  const returns = intervalOperators[`${lt}${op}${rt}`];
  if (!returns) return null;
  const typeOf = (k: string, x: BoundExpr): SqlType =>
    k === x.type.kind ? x.type : ({ kind: k } as SqlType);
  return call(`${lt}${op}${rt}`, returns, [
    coerceTo(l, typeOf(lt, l), ctx, e.left.span.start),
    coerceTo(r, typeOf(rt, r), ctx, e.right.span.start),
  ]);
}

function bindDateArithmetic(
  op: string,
  l: BoundExpr,
  r: BoundExpr,
  ctx: BindContext,
  e: Binary,
): BoundExpr | null {
  const interval = bindIntervalArithmetic(op, l, r, ctx, e);
  if (interval) return interval;
  if (l.type.kind !== 'date') return null;
  if (
    (op === '+' || op === '-') &&
    (r.type.kind === 'int4' || r.type.kind === 'int2' || r.type.kind === 'unknown')
  ) {
    return call(`date${op}int`, Types.date, [l, coerceTo(r, Types.int4, ctx, e.right.span.start)]);
  }
  if (op === '-' && r.type.kind === 'date') return call('date-date', Types.int4, [l, r]);
  return null;
}

export function bindUnary(e: Unary, ctx: BindContext, bind: Bind): BoundExpr {
  if (e.op === '-' && e.operand.kind === 'literal') {
    const v = e.operand.value;
    if (v.type === 'integer' || v.type === 'decimal') {
      const text = v.text.startsWith('-') ? v.text.slice(1) : `-${v.text}`;
      return bind({ ...e.operand, value: { ...v, text }, span: e.span }, ctx);
    }
  }
  const operand = bind(e.operand, ctx);
  if (e.op === 'not')
    return call('not', BOOL, [
      coerceImplicitly(operand, BOOL, ctx, e.operand.span.start, 'argument of NOT'),
    ]);
  const t = operand.type.kind === 'unknown' ? Types.numeric() : operand.type;
  if (!isNumeric(t) || e.op === '~') throw noOperator(e.op, operand.type, null, ctx, e.span.start);
  const o = coerceTo(operand, t, ctx, e.operand.span.start);
  return e.op === '+' ? o : call('negate', t, [o]);
}

export function bindInList(e: InList, ctx: BindContext, bind: Bind): BoundExpr {
  if (e.operand.kind === 'row') return bindRowInList(e, ctx, bind);
  const operand = bind(e.operand, ctx);
  const items = e.list.map((x) => bind(x, ctx));
  const t = commonType([operand.type, ...items.map((i) => i.type)]);
  if (t === null)
    throw noOperator(
      '=',
      operand.type,
      items.find((i) => commonType([operand.type, i.type]) === null)?.type ?? Types.text,
      ctx,
      e.span.start,
    );
  const lhs = coerceTo(operand, t, ctx, e.operand.span.start);
  const eqs = items.map((item, i) =>
    call('=', BOOL, [lhs, coerceTo(item, t, ctx, e.list[i]?.span.start ?? 0)]),
  );
  const any: BoundExpr =
    eqs.length === 1 && eqs[0] ? eqs[0] : { kind: 'or', type: BOOL, args: eqs };
  return e.negated ? call('not', BOOL, [any]) : any;
}

/**
 * `x BETWEEN a AND b` is `x >= a AND x <= b`; SYMMETRIC (gram.y) is that OR the same
 * with the bounds swapped, so either order of bounds matches.
 */
export function bindBetween(e: Between, ctx: BindContext, bind: Bind): BoundExpr {
  const range = (low: Expr, high: Expr): BoundExpr => {
    const ge: Binary = { kind: 'binary', op: '>=', left: e.operand, right: low, span: e.span };
    const le: Binary = { kind: 'binary', op: '<=', left: e.operand, right: high, span: e.span };
    return {
      kind: 'and',
      type: BOOL,
      args: [bindBinary(ge, ctx, bind), bindBinary(le, ctx, bind)],
    };
  };
  const both = e.symmetric
    ? { kind: 'or' as const, type: BOOL, args: [range(e.low, e.high), range(e.high, e.low)] }
    : range(e.low, e.high);
  return e.negated ? call('not', BOOL, [both]) : both;
}

export function bindIs(e: IsTest, ctx: BindContext, bind: Bind): BoundExpr {
  const operand = bind(e.operand, ctx);
  const not = e.negated ? 'is not ' : 'is ';
  if (e.test === 'distinct-from') {
    const other = bind(e.other ?? e.operand, ctx);
    const t = operandType(operand.type, other.type);
    if (t === null) throw noOperator('=', operand.type, other.type, ctx, e.span.start);
    const args = [
      coerceTo(operand, t, ctx, e.operand.span.start),
      coerceTo(other, t, ctx, e.span.start),
    ];
    return call(`${not}distinct from`, BOOL, args);
  }
  if (e.test === 'null') return call(`${not}null`, BOOL, [operand]);
  const b = coerceImplicitly(
    operand,
    BOOL,
    ctx,
    e.operand.span.start,
    `argument of IS ${e.test.toUpperCase()}`,
  );
  return call(`${not}${e.test}`, BOOL, [b]);
}

export function bindLike(e: Like, ctx: BindContext, bind: Bind): BoundExpr {
  const s = bind(e.operand, ctx);
  const p = bind(e.pattern, ctx);
  const op = e.caseInsensitive ? '~~*' : '~~';
  if (!(isStringType(s.type) || s.type.kind === 'unknown'))
    throw noOperator(op, s.type, p.type, ctx, e.span.start);
  const args = [
    coerceTo(s, Types.text, ctx, e.operand.span.start),
    coerceTo(p, Types.text, ctx, e.pattern.span.start),
  ];
  // `ESCAPE e` is the kernel's third argument (PostgreSQL's like_escape(pattern, e)).
  if (e.escape) {
    const escape = bind(e.escape, ctx);
    args.push(coerceImplicitly(escape, Types.text, ctx, e.escape.span.start, 'argument of ESCAPE'));
  }
  const test = call(e.caseInsensitive ? 'ilike' : 'like', BOOL, args);
  return e.negated ? call('not', BOOL, [test]) : test;
}
