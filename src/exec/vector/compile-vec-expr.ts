import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import { hasSubquery, isVolatile } from '../../../planner/plan/expr-visit.js';
import { LakeError } from '../../common/errors.js';
import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SINGLE_ROW, type ColumnBatch } from '../column-batch.js';
import type { EvalContext } from '../eval-context.js';
import { columnsUsed, evaluate, isConstant } from '../evaluate-expr.js';
import {
  arithmeticVecs,
  compareVecs,
  isCompareOp,
  negateVec,
  type ArithOp,
} from './vec-arithmetic.js';
import type { VecBatch } from './vec-batch.js';
import { castVec } from './vec-cast.js';
import { vecFromValues } from './vec-from-values.js';
import { asBool, connect, notVec, nullTest } from './vec-logic.js';
import { likeBytes, likeUtf8 } from './vec-like.js';
import { textInList, textInVec } from './vec-text-in.js';
import { NotVectorizable, gatherVec, repeated, vecLength, type Vec } from './vec.js';

/** An expression compiled for VecBatches: one call per batch gives the whole column. */
export type VecEval = (b: VecBatch) => Promise<Vec>;

export interface Compiled {
  readonly run: VecEval;
  /**
   * Raises no SQL error whatever the row: typed kernels only give up (and the generic
   * kernels then redo the node, raising as they should). AND/OR evaluate every side on
   * every row only when all sides are pure; otherwise the generic evaluator's lazy
   * AND/OR decides which rows reach which side, so no error surfaces that it would skip.
   */
  readonly pure: boolean;
}

/**
 * Compiles a lowered expression (column positions) for typed evaluation: the typed
 * kernels where they apply (vec-*.ts), the generic evaluator elsewhere. Results are
 * the generic evaluator's, value for value.
 */
export function compileVec(e: BoundExpr, ctx: EvalContext, shared?: SharedExprs): VecEval {
  return compile(e, ctx, shared ?? sharedExprs()).run;
}

/**
 * Subexpressions compiled once for several expressions over the same batches, each
 * computed once per batch: TPC-H Q1's `l_extendedprice * (1 - l_discount)` feeds two sums.
 */
export type SharedExprs = Map<string, Compiled>;

export function sharedExprs(): SharedExprs {
  return new Map();
}

/** Generic functions that raise no error on any input row (so AND/OR may run them eagerly). */
const SAFE_GENERIC = new Set([
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  'like',
  'ilike',
  'is distinct from',
  'is not distinct from',
  'is null',
  'is not null',
  'not',
]);

const LIKES = new Set(['like', 'ilike']);

function compile(e: BoundExpr, ctx: EvalContext, shared: SharedExprs): Compiled {
  const key = JSON.stringify(e, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  let c = shared.get(key);
  if (c === undefined) {
    c = lastBatchMemo(compileNode(e, ctx, shared));
    shared.set(key, c);
  }
  return c;
}

function lastBatchMemo(c: Compiled): Compiled {
  let last: VecBatch | null = null;
  let result: Promise<Vec> | null = null;
  return {
    pure: c.pure,
    run: (b) => {
      if (b !== last || result === null) {
        last = b;
        result = c.run(b);
      }
      return result;
    },
  };
}

function compileNode(e: BoundExpr, ctx: EvalContext, shared: SharedExprs): Compiled {
  if (isConstant(e)) return { run: constant(e, ctx), pure: true };
  const native = nativeOf(e, ctx, shared);
  const generic = genericOf(e, ctx);
  if (native === null) {
    const pure =
      e.kind === 'call' &&
      SAFE_GENERIC.has(e.fn) &&
      // A pattern that varies by row may be malformed on some row (22025).
      (!LIKES.has(e.fn) || (e.args[1] !== undefined && isConstant(e.args[1]))) &&
      e.args.every((a) => compile(a, ctx, shared).pure);
    return { run: generic, pure };
  }
  return {
    run: async (b) => {
      try {
        return await native.run(b);
      } catch (x) {
        if (x instanceof NotVectorizable) return generic(b);
        throw x;
      }
    },
    pure: native.pure,
  };
}

const FAMILY: Partial<Record<SqlType['kind'], 'exact' | 'float' | 'bool'>> = {
  int2: 'exact',
  int4: 'exact',
  int8: 'exact',
  numeric: 'exact',
  date: 'exact',
  time: 'exact',
  timestamp: 'exact',
  timestamptz: 'exact',
  float4: 'float',
  float8: 'float',
  bool: 'bool',
};
const ARITH_RESULT = new Set(['int2', 'int4', 'int8', 'numeric', 'float8']);

/** The typed evaluation of e's own node, or null when it has none. */
function nativeOf(e: BoundExpr, ctx: EvalContext, shared: SharedExprs): Compiled | null {
  switch (e.kind) {
    case 'column':
      return { run: (b) => Promise.resolve(b.columns[e.index]!.vec()), pure: true };
    case 'cast': {
      const from = e.operand.type;
      if (FAMILY[from.kind] === undefined || FAMILY[e.type.kind] === undefined) return null;
      const operand = compile(e.operand, ctx, shared);
      return lift([operand], ([v]) => {
        const out = castVec(v!, from, e.type);
        if (out === null) throw new NotVectorizable();
        return out;
      });
    }
    case 'and':
    case 'or': {
      const list = textInList(e);
      if (list !== null) {
        const values = list.values;
        return lift([compile(list.operand, ctx, shared)], ([v]) => textInVec(v!, values));
      }
      const args = e.args.map((a) => compile(a, ctx, shared));
      if (!args.every((a) => a.pure)) return null;
      const isOr = e.kind === 'or';
      return lift(args, (vs) => vs.map(asBool).reduce((acc, v) => connect(acc, v, isOr)));
    }
    case 'call':
      return nativeCall(e, ctx, shared);
    default:
      return null;
  }
}

function nativeCall(
  e: BoundExpr & { kind: 'call' },
  ctx: EvalContext,
  shared: SharedExprs,
): Compiled | null {
  const family = (i: number): string | undefined => FAMILY[e.args[i]?.type.kind ?? 'unknown'];
  const args = (): Compiled[] => e.args.map((a) => compile(a, ctx, shared));
  if (
    isCompareOp(e.fn) &&
    e.args.length === 2 &&
    family(0) !== undefined &&
    family(0) === family(1)
  ) {
    const op = e.fn;
    return lift(args(), ([a, b]) => compareVecs(op, a!, b!));
  }
  if ((e.fn === '+' || e.fn === '-' || e.fn === '*') && ARITH_RESULT.has(e.type.kind)) {
    const op: ArithOp = e.fn;
    return lift(args(), ([a, b]) => arithmeticVecs(op, a!, b!, e.type));
  }
  switch (e.fn) {
    case 'like':
      return likeOnBytes(e);
    case 'date+int':
      return lift(args(), ([a, b]) => arithmeticVecs('+', a!, b!, e.type));
    case 'date-int':
    case 'date-date':
      return lift(args(), ([a, b]) => arithmeticVecs('-', a!, b!, e.type));
    case 'negate':
      return ARITH_RESULT.has(e.type.kind) ? lift(args(), ([a]) => negateVec(a!, e.type)) : null;
    case 'not':
      return lift(args(), ([a]) => notVec(asBool(a!)));
    case 'is null':
    case 'is not null':
      return lift(args(), ([a]) => nullTest(a!, e.fn === 'is null'));
    default:
      return null;
  }
}

/**
 * `column LIKE 'literal%pattern'` on the column's UTF-8 bytes (vec-like.ts) when the
 * batch has them; otherwise (NotVectorizable) the generic path decodes and matches.
 */
function likeOnBytes(e: BoundExpr & { kind: 'call' }): Compiled | null {
  const [s, p] = e.args;
  if (e.args.length !== 2 || s?.kind !== 'column' || p?.kind !== 'const') return null;
  if (typeof p.value !== 'string' || (s.type.kind !== 'text' && s.type.kind !== 'varchar'))
    return null;
  const matcher = likeBytes(p.value);
  if (matcher === null) return null;
  const index = s.index;
  return {
    run: (b) => {
      const bytes = b.columns[index]!.utf8?.() ?? null;
      if (bytes === null) throw new NotVectorizable();
      return Promise.resolve(likeUtf8(bytes, matcher));
    },
    pure: true,
  };
}

/** A node computed from its arguments' vecs by `f`; pure when they all are. */
function lift(args: readonly Compiled[], f: (vs: Vec[]) => Vec): Compiled {
  return {
    run: async (b) => {
      const vs: Vec[] = [];
      for (const a of args) vs.push(await a.run(b));
      return f(vs);
    },
    pure: args.every((a) => a.pure),
  };
}

/**
 * A constant subtree: evaluated once (on the first batch with rows) and repeated. The
 * repeated vecs are views of one filled buffer (kernels never write their inputs), and
 * are marked so arithmetic reads them as a scalar (vec.ts `scalarOf`).
 */
function constant(e: BoundExpr, ctx: EvalContext): VecEval {
  let one: Vec | null = null;
  let filled: Vec | null = null;
  return async (b) => {
    if (one === null) {
      const [v] = await evaluate(e, SINGLE_ROW, ctx);
      one = vecFromValues([v ?? null], e.type);
    }
    const n = b.rowCount;
    if (filled === null || vecLength(filled) < n) filled = repeat(one, Math.max(n, 1024));
    return n === vecLength(filled) ? filled : repeated(sliceVec(filled, n));
  };
}

function repeat(one: Vec, n: number): Vec {
  switch (one.kind) {
    case 'exact':
    case 'float':
      return repeated({
        ...one,
        values: new Float64Array(n).fill(one.values[0]!),
        valid: one.valid && new Uint8Array(n),
      });
    case 'bool':
      return repeated({
        ...one,
        values: new Uint8Array(n).fill(one.values[0]!),
        valid: one.valid && new Uint8Array(n),
      });
    default:
      return gatherVec(one, new Int32Array(n));
  }
}

/** The first n rows of a vec, as views where it is typed. */
function sliceVec(v: Vec, n: number): Vec {
  switch (v.kind) {
    case 'exact':
    case 'float':
      return { ...v, values: v.values.subarray(0, n), valid: v.valid && v.valid.subarray(0, n) };
    case 'bool':
      return { ...v, values: v.values.subarray(0, n), valid: v.valid && v.valid.subarray(0, n) };
    case 'dict':
      return { ...v, indices: v.indices.subarray(0, n), valid: v.valid && v.valid.subarray(0, n) };
    case 'values':
      return { kind: 'values', values: v.values.slice(0, n) };
  }
}

/**
 * The generic evaluator over the columns e reads. When that is one dictionary-encoded
 * column, e runs once per dictionary entry (plus NULL) and rows pick their entry's
 * result: `l_shipmode IN ('MAIL', 'SHIP')` costs a few evaluations per batch.
 */
function genericOf(e: BoundExpr, ctx: EvalContext): VecEval {
  const used = columnsUsed(e);
  const perEntry = used !== null && used.size === 1 && !hasSubquery(e) && !isVolatile(e);
  const only = perEntry ? [...used][0]! : -1;
  return async (b) => {
    if (perEntry) {
      const v = b.columns[only]!.vec();
      if (v.kind === 'dict') {
        const out = await perDictionaryEntry(e, only, v, b.columns.length, ctx);
        if (out !== null) return out;
      }
    }
    const columns = b.columns.map((c, i) => (used === null || used.has(i) ? c.values() : []));
    const batch: ColumnBatch = { columns, rowCount: b.rowCount };
    return vecFromValues(await evaluate(e, batch, ctx), e.type);
  };
}

async function perDictionaryEntry(
  e: BoundExpr,
  column: number,
  v: Vec & { kind: 'dict' },
  width: number,
  ctx: EvalContext,
): Promise<Vec | null> {
  const entries: SqlValue[] = [...v.dictionary, null];
  const columns: SqlValue[][] = Array.from({ length: width }, () => []);
  columns[column] = entries;
  let results: SqlValue[];
  try {
    results = await evaluate(e, { columns, rowCount: entries.length }, ctx);
  } catch (x) {
    // An entry no row of this batch holds may fail (a cast of text); rows decide then.
    if (x instanceof LakeError) return null;
    throw x;
  }
  const nullEntry = v.dictionary.length;
  const rows = new Int32Array(v.indices.length);
  for (let i = 0; i < rows.length; i++)
    rows[i] = v.valid === null || v.valid[i] ? v.indices[i]! : nullEntry;
  const typed = vecFromValues(results, e.type);
  return typed.kind === 'values' && e.type.kind !== 'bool'
    ? { kind: 'dict', indices: rows, dictionary: results, valid: validOf(results, rows) }
    : gatherVec(typed, rows);
}

function validOf(results: readonly SqlValue[], rows: Int32Array): Uint8Array | null {
  if (!results.includes(null)) return null;
  const valid = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) valid[i] = results[rows[i]!] === null ? 0 : 1;
  return valid;
}
