import assert from 'node:assert/strict';
import { LakeError } from '../../common/errors.js';
import { formatType, Types, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { textFormatter } from '../../common/values/format-value.js';
import { textParser } from '../../common/values/parse-value.js';
import type { EvalContext } from '../eval-context.js';
import { converter } from '../kernels/cast.js';
import { findFunction, kernelOf } from './function-registry.js';

/**
 * Runs one scalar call written as SQL text — `name(arg, ...)` or `arg OP arg` with
 * literal arguments (`'x'`, `'x'::type`, `type 'x'`, numbers, NULL, true/false) — through
 * the registry's resolution and kernel, and prints the result as PostgreSQL's text
 * output. The same text runs on PostgreSQL, so unit tests compare both (parity tests).
 */
export interface LiteralArg {
  readonly type: SqlType;
  readonly value: SqlValue;
}

const TYPE_NAMES: Record<string, SqlType> = {
  text: Types.text,
  varchar: Types.text,
  int: Types.int4,
  int4: Types.int4,
  integer: Types.int4,
  smallint: Types.int2,
  int2: Types.int2,
  bigint: Types.int8,
  int8: Types.int8,
  numeric: Types.numeric(),
  float8: Types.float8,
  'double precision': Types.float8,
  bool: Types.bool,
  boolean: Types.bool,
  bytea: Types.bytea,
  date: Types.date,
  timestamp: Types.timestamp,
  timestamptz: Types.timestamptz,
  interval: Types.interval,
  'text[]': Types.array(Types.text),
  'int[]': Types.array(Types.int4),
  'int4[]': Types.array(Types.int4),
};

export function testContext(timeZone = 'UTC'): EvalContext {
  return {
    params: [],
    timeZone,
    extraFloatDigits: 1,
    statementStartMicros: 1_700_000_000_000_000n,
    session: {
      user: 'test',
      database: 'test',
      backendPid: 1,
      version: 'test',
      currentSchema: () => 'public',
      currentSetting: () => null,
      setConfig: (_n, v) => v,
      cancelBackend: () => false,
    },
    checkCanceled: () => undefined,
    signal: new AbortController().signal,
  };
}

/** Splits at top-level commas (outside quotes, parentheses and brackets). */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (const c of s) {
    if (c === "'") quoted = !quoted;
    if (!quoted && (c === '(' || c === '[')) depth++;
    if (!quoted && (c === ')' || c === ']')) depth--;
    if (!quoted && depth === 0 && c === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out;
}

export function parseLiteral(text: string, ctx: EvalContext): LiteralArg {
  const t = text.trim();
  if (/^null$/i.test(t)) return { type: Types.unknown, value: null };
  if (/^(true|false)$/i.test(t)) return { type: Types.bool, value: t.toLowerCase() === 'true' };
  const typedNumber = /^(-?[\d.]+)::(.+)$/.exec(t);
  if (typedNumber) return parseLiteral(`'${typedNumber[1] ?? ''}'::${typedNumber[2] ?? ''}`, ctx);
  if (/^-?\d+$/.test(t)) {
    const n = BigInt(t);
    return n >= -(2n ** 31n) && n < 2n ** 31n
      ? { type: Types.int4, value: Number(n) }
      : { type: Types.int8, value: n };
  }
  if (/^-?\d*\.\d+$/.test(t))
    return { type: Types.numeric(), value: textParser(Types.numeric(), ctx)(t) };
  const m = /^(?:([a-z][a-z ]*?)\s+)?'((?:[^']|'')*)'(?:::(.+))?$/i.exec(t);
  if (!m) throw new Error(`test literal not understood: ${t}`);
  const typeName = (m[1] ?? m[3] ?? '').trim().toLowerCase();
  const body = (m[2] ?? '').replaceAll("''", "'");
  if (typeName === '') return { type: Types.unknown, value: body };
  const type = TYPE_NAMES[typeName];
  if (!type) throw new Error(`test type not understood: ${typeName}`);
  return { type, value: textParser(type, ctx)(body) };
}

const INFIX = /^(.*?)\s+(~\*|!~\*|!~|~|\^|\|\||\+|-|\*|\/)\s+(.*)$/;

/** The function (or operator) name and arguments of a test expression. */
export function parseCall(sql: string, ctx: EvalContext): { name: string; args: LiteralArg[] } {
  const call = /^([a-z_0-9]+)\((.*)\)$/is.exec(sql.trim());
  if (call)
    return {
      name: (call[1] ?? '').toLowerCase(),
      args: splitArgs(call[2] ?? '').map((a) => parseLiteral(a, ctx)),
    };
  const infix = INFIX.exec(sql.trim());
  if (!infix) throw new Error(`test expression not understood: ${sql}`);
  return {
    name: infix[2] ?? '',
    args: [parseLiteral(infix[1] ?? '', ctx), parseLiteral(infix[3] ?? '', ctx)],
  };
}

const { timestamp: TS, timestamptz: TZ, interval: IV, date: D, float8: F, text: T } = Types;

/** Operator kernels by operand types: what the binder emits for `a OP b` (name, coerced args, result). */
const OPERATORS: readonly [string, string, SqlType, SqlType, SqlType][] = [
  ['+', 'timestamp+interval', TS, IV, TS],
  ['-', 'timestamp-interval', TS, IV, TS],
  ['+', 'timestamptz+interval', TZ, IV, TZ],
  ['-', 'timestamptz-interval', TZ, IV, TZ],
  ['+', 'date+interval', D, IV, TS],
  ['-', 'date-interval', D, IV, TS],
  ['-', 'timestamp-timestamp', TS, TS, IV],
  ['-', 'timestamptz-timestamptz', TZ, TZ, IV],
  ['+', 'interval+interval', IV, IV, IV],
  ['-', 'interval-interval', IV, IV, IV],
  ['*', 'interval*float8', IV, F, IV],
  ['/', 'interval/float8', IV, F, IV],
  ['||', '||', T, T, T],
];

function operatorSignature(
  op: string,
  argTypes: readonly SqlType[],
): { kernel: string; args: SqlType[]; returns: SqlType } | null {
  const [l, r] = argTypes;
  const hit = OPERATORS.find(
    ([o, , a, b]) =>
      o === op &&
      (l?.kind === a.kind || l?.kind === 'unknown') &&
      (r?.kind === b.kind ||
        r?.kind === 'unknown' ||
        (b === F && ['numeric', 'int4', 'int8'].includes(r?.kind ?? ''))),
  );
  return hit ? { kernel: hit[1], args: [hit[2], hit[3]], returns: hit[4] } : null;
}

/** Evaluates a test expression; the result as PostgreSQL text, or null for SQL NULL. */
export async function runSql(sql: string, timeZone = 'UTC'): Promise<string | null> {
  const ctx = testContext(timeZone);
  const { name, args } = parseCall(sql, ctx);
  const argTypes = args.map((a) => a.type);
  const op = operatorSignature(name, argTypes);
  const signature = op ?? findFunction(name)?.resolve(argTypes);
  if (!signature) {
    throw new LakeError(
      SqlState.undefinedFunction,
      `function ${name}(${argTypes.map(formatType).join(', ')}) does not exist`,
    );
  }
  const columns = args.map((a, i) => {
    const to = signature.args[i] ?? a.type;
    const v =
      a.value === null || to.kind === a.type.kind ? a.value : converter(a.type, to, ctx)(a.value);
    return [v];
  });
  const out = await kernelOf(op?.kernel ?? name)({
    args: columns,
    argTypes: signature.args,
    resultType: signature.returns,
    rowCount: 1,
    ctx,
  });
  const v = out[0] ?? null;
  return v === null ? null : textFormatter(signature.returns, ctx)(v);
}

/** What a call prints, or the SQLSTATE it fails with. */
export type Expected = string | null | { readonly error: string };

/**
 * Runs each call (through resolution and kernels) and fails once with every call whose
 * output or SQLSTATE differs from the expected one, listed.
 */
export async function checkCalls(
  rows: readonly (readonly [string, Expected])[],
  timeZone = 'UTC',
): Promise<void> {
  const wrong: string[] = [];
  for (const [sql, expected] of rows) {
    let got: Expected;
    try {
      got = await runSql(sql, timeZone);
    } catch (err) {
      if (!(err instanceof LakeError)) throw err;
      got = { error: err.sqlstate };
    }
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      wrong.push(`${sql}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
    }
  }
  assert.deepEqual(wrong, []);
}

/** Resolves `name` over the argument types and runs its kernel over one column per argument. */
export async function callFunction(
  name: string,
  args: readonly [SqlType, readonly SqlValue[]][],
): Promise<{ type: string; values: SqlValue[] }> {
  const f = findFunction(name);
  assert.ok(f, name);
  const sig = f.resolve(args.map(([t]) => t));
  assert.ok(sig, `${name}(${args.map(([t]) => formatType(t)).join(', ')}) does not resolve`);
  const values = await f.kernel({
    args: args.map(([, v]) => v),
    argTypes: sig.args,
    resultType: sig.returns,
    rowCount: args[0]?.[1].length ?? 1,
    ctx: testContext(),
  });
  return { type: formatType(sig.returns), values };
}
