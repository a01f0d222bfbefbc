import { LakeError } from '../../common/errors.js';
import { sameType, type SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { SqlState } from '../../common/sqlstate.js';
import { rescale } from '../../common/values/decimal-text.js';
import { textFormatter } from '../../common/values/format-value.js';
import { parseNumeric } from '../../common/values/parse-number.js';
import { textParser } from '../../common/values/parse-value.js';
import type { EvalContext } from '../eval-context.js';
import { decimalOf } from './numeric-math.js';
import { scalarText } from './scalar-text.js';

type Convert = (v: SqlValue) => SqlValue;

const textLike = new Set(['text', 'varchar', 'bpchar', 'name', 'unknown', 'char']);
const integers: Record<string, [string, number, number]> = {
  int2: ['smallint', -32768, 32767],
  int4: ['integer', -2147483648, 2147483647],
  int8: ['bigint', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/**
 * Casts a column between types (PostgreSQL's pg_cast): direct conversions inside
 * the numeric family, the types' text output/input functions across families
 * (which is what PostgreSQL's I/O casts do).
 */
export function castColumn(
  values: readonly SqlValue[],
  from: SqlType,
  to: SqlType,
  ctx: Pick<EvalContext, 'timeZone' | 'extraFloatDigits'>,
): SqlValue[] {
  if (sameType(from, to) && to.kind !== 'numeric') return [...values];
  // numeric → unconstrained numeric changes nothing: a numeric SqlValue is already
  // canonical decimal text (sql-value.ts), so skip the per-row parse and format.
  if (from.kind === 'numeric' && to.kind === 'numeric' && to.precision === null) return [...values];
  const f = converter(from, to, ctx);
  return values.map((v) => (v === null ? null : f(v)));
}

/**
 * A type's output function (typoutput): the text a value prints as. concat() and
 * format() use this, not the cast to text, so they print booleans as 't'/'f'.
 */
export function outputFunction(
  from: SqlType,
  ctx: Pick<EvalContext, 'timeZone' | 'extraFloatDigits'>,
): Convert {
  if (textLike.has(from.kind)) return (v: SqlValue) => scalarText(v);
  return textFormatter(from, { timeZone: ctx.timeZone, extraFloatDigits: ctx.extraFloatDigits });
}

export function converter(
  from: SqlType,
  to: SqlType,
  ctx: Pick<EvalContext, 'timeZone' | 'extraFloatDigits'>,
): Convert {
  const opts = { timeZone: ctx.timeZone, extraFloatDigits: ctx.extraFloatDigits };
  if (textLike.has(to.kind) && to.kind !== 'unknown') {
    // boolean → text is the cast function text(boolean), 'true'/'false'; everything
    // else casts through its output function (boolout gives 't'/'f').
    const out =
      from.kind === 'bool'
        ? (v: SqlValue) => (v === true ? 'true' : 'false')
        : outputFunction(from, ctx);
    const n = to.kind === 'varchar' || to.kind === 'bpchar' ? to.length : null;
    // An explicit cast to varchar(n) truncates silently (docs §8.3).
    return n === null ? out : (v) => [...scalarText(out(v))].slice(0, n).join('');
  }
  if (textLike.has(from.kind)) {
    const parse = textParser(to, opts);
    return (v) => parse(scalarText(v));
  }
  return numericConverter(from, to) ?? dateToTimestamp(from, to, opts) ?? viaText(from, to, opts);
}

const MICROS_PER_DAY = 86_400_000_000n;

/**
 * date → timestamp without the text round trip (it ran per row in date filters such as
 * `l_shipdate <= date '1998-12-01' - interval '90' day`): midnight of the day. Days of
 * years 1..9999 only; infinities and far dates keep the I/O path and its range checks.
 */
function dateToTimestamp(
  from: SqlType,
  to: SqlType,
  opts: { timeZone: string; extraFloatDigits: number },
): Convert | null {
  if (from.kind !== 'date' || to.kind !== 'timestamp') return null;
  const slow = viaText(from, to, opts);
  return (v) =>
    typeof v === 'number' && v >= -719_162 && v <= 2_932_896 ? BigInt(v) * MICROS_PER_DAY : slow(v);
}

function viaText(
  from: SqlType,
  to: SqlType,
  opts: { timeZone: string; extraFloatDigits: number },
): Convert {
  const out = textFormatter(from, opts);
  const input = textParser(to, opts);
  return (v) => input(out(v));
}

function outOfRange(kind: string): LakeError {
  return new LakeError(
    SqlState.numericValueOutOfRange,
    `${integers[kind]?.[0] ?? kind} out of range`,
  );
}

/** Round half to even, as C's rint() used by float → integer casts. */
function rint(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function toInteger(kind: string): (n: number | bigint) => SqlValue {
  const [, min, max] = integers[kind] ?? ['', 0, 0];
  if (kind === 'int8') {
    return (n) => {
      const b = typeof n === 'bigint' ? n : BigInt(rintChecked(n, kind));
      if (b < -(2n ** 63n) || b >= 2n ** 63n) throw outOfRange(kind);
      return b;
    };
  }
  return (n) => {
    const x = typeof n === 'bigint' ? Number(n) : rintChecked(n, kind);
    if (x < min || x > max) throw outOfRange(kind);
    return x;
  };
}

function rintChecked(n: number, kind: string): number {
  if (!Number.isFinite(n)) throw outOfRange(kind);
  return rint(n);
}

function numericConverter(from: SqlType, to: SqlType): Convert | null {
  const f = from.kind;
  const isInt = f === 'int2' || f === 'int4' || f === 'int8';
  const isFloat = f === 'float4' || f === 'float8';
  if (!(isInt || isFloat || f === 'numeric' || f === 'bool')) return null;
  switch (to.kind) {
    case 'int2':
    case 'int4':
    case 'int8': {
      const make = toInteger(to.kind);
      if (f === 'bool') return (v) => make(v === true ? 1 : 0);
      if (f === 'numeric') return (v) => make(rescale(decimalOf(scalarText(v)), 0));
      return (v) => make(v as number | bigint);
    }
    case 'float4':
    case 'float8': {
      const round = to.kind === 'float4' ? Math.fround : (x: number) => x;
      if (f === 'bool') return null;
      return (v) => round(Number(v));
    }
    case 'numeric':
      if (f === 'bool') return null;
      return (v) => parseNumeric(scalarText(v), to.precision, to.scale);
    case 'bool':
      return f === 'int4' ? (v) => v !== 0 : null;
    default:
      return null;
  }
}
