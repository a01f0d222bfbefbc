import type { BoundExpr } from '../../../planner/plan/bound-expr.js';
import { exprEquals } from '../../../planner/plan/expr-visit.js';
import { NotVectorizable, type Vec, type VecOf } from './vec.js';

/**
 * `x IN ('a', 'b', ...)` over text. The binder writes an IN list as `x = 'a' OR x = 'b'
 * ...` (bind-operators.ts), which over text has no typed comparison: evaluated row by
 * row, each arm computes `x` again (TPC-H Q22's `substring(c_phone from 1 for 2)`,
 * seven times per row). Recognised here, `x` is evaluated once per batch and each row
 * is one set lookup; a dictionary-encoded `x` looks up each entry once.
 */
export interface TextInList {
  readonly operand: BoundExpr;
  readonly values: ReadonlySet<string>;
}

/**
 * The list when `e` is such an OR: every arm `x = constant` (either side) with one `x`
 * of type text or varchar (bpchar compares ignoring trailing blanks, so it is left to
 * the generic path) and non-NULL constants (a NULL one makes a miss NULL).
 */
export function textInList(e: BoundExpr): TextInList | null {
  if (e.kind !== 'or' || e.args.length < 2) return null;
  let operand: BoundExpr | null = null;
  const values = new Set<string>();
  for (const arm of e.args) {
    if (arm.kind !== 'call' || arm.fn !== '=' || arm.args.length !== 2) return null;
    const [a, b] = arm.args as [BoundExpr, BoundExpr];
    const [x, c] = b.kind === 'const' ? [a, b] : [b, a];
    if (c.kind !== 'const' || typeof c.value !== 'string') return null;
    if (x.type.kind !== 'text' && x.type.kind !== 'varchar') return null;
    if (operand === null) operand = x;
    else if (!exprEquals(x, operand)) return null;
    values.add(c.value);
  }
  return operand === null ? null : { operand, values };
}

/** Membership of each row of a text vec: NULL rows stay NULL. */
export function textInVec(v: Vec, values: ReadonlySet<string>): VecOf<'bool'> {
  if (v.kind === 'dict') {
    const hit = new Uint8Array(v.dictionary.length);
    for (let e = 0; e < hit.length; e++) {
      const s = v.dictionary[e];
      hit[e] = typeof s === 'string' && values.has(s) ? 1 : 0;
    }
    const n = v.indices.length;
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = hit[v.indices[i]!]!;
    return { kind: 'bool', values: out, valid: v.valid };
  }
  if (v.kind !== 'values') throw new NotVectorizable();
  const n = v.values.length;
  const out = new Uint8Array(n);
  let valid: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const s = v.values[i];
    if (typeof s === 'string') out[i] = values.has(s) ? 1 : 0;
    else if (s === null || s === undefined) (valid ??= new Uint8Array(n).fill(1))[i] = 0;
    else throw new NotVectorizable();
  }
  return { kind: 'bool', values: out, valid };
}
