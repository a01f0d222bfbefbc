import type { SqlType } from '../../common/sql-types.js';
import type { Interval, SqlValue } from '../../common/sql-value.js';
import {
  parseDecimal,
  readSmallDecimal,
  rescale,
  smallDecimal,
  type Decimal,
} from '../../common/values/decimal-text.js';
import { scalarText } from './scalar-text.js';

/** Orders two non-null values of one type: negative, zero or positive. */
export type Comparator = (a: SqlValue, b: SqlValue) => number;

/**
 * The ordering of each type family as PostgreSQL's btree opclasses define it:
 * numbers numerically (numeric NaN above everything), text by code point (the C
 * collation lakegate uses), false < true, intervals by their 30-day-month span.
 */
export function comparatorFor(type: SqlType): Comparator {
  switch (type.kind) {
    case 'numeric':
      return compareNumeric;
    case 'bytea':
      return (a, b) => Buffer.compare(a as Uint8Array, b as Uint8Array);
    case 'interval':
      return (a, b) => cmp(intervalSpan(a as Interval), intervalSpan(b as Interval));
    case 'bool':
      return (a, b) => Number(a) - Number(b);
    case 'text':
    case 'varchar':
    case 'bpchar':
    case 'name':
    case 'char':
    case 'json':
    case 'jsonb':
    case 'uuid':
    case 'unknown':
      return (a, b) => compareCodePoints(a as string, b as string);
    default:
      return (a, b) => cmp(a as number | bigint | string, b as number | bigint | string);
  }
}

function cmp<T extends number | bigint | string>(a: T, b: T): number {
  if (typeof a === 'number' && typeof b === 'number' && (Number.isNaN(a) || Number.isNaN(b))) {
    // float8 NaN sorts above every other value (PostgreSQL float8_cmp_internal).
    return Number(Number.isNaN(a)) - Number(Number.isNaN(b));
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function intervalSpan(iv: Interval): bigint {
  return (BigInt(iv.months) * 30n + BigInt(iv.days)) * 86_400_000_000n + iv.micros;
}

const specialRank: Record<string, number> = { '-Infinity': -1, Infinity: 1, NaN: 2 };

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

export function compareNumeric(a: SqlValue, b: SqlValue): number {
  // Short plain text on both sides (the common case): compare on doubles, exact while
  // the scale-aligned integers stay below 2^53; no parse objects, no BigInt.
  if (typeof a === 'string' && typeof b === 'string' && readSmallDecimal(a)) {
    const xu = smallDecimal.unscaled;
    const xs = smallDecimal.scale;
    if (readSmallDecimal(b)) {
      const ys = smallDecimal.scale;
      const x = xs >= ys ? xu : xu * (POW10[ys - xs] as number);
      const y =
        ys >= xs ? smallDecimal.unscaled : smallDecimal.unscaled * (POW10[xs - ys] as number);
      if (Math.abs(x) <= Number.MAX_SAFE_INTEGER && Math.abs(y) <= Number.MAX_SAFE_INTEGER)
        return x < y ? -1 : x > y ? 1 : 0;
    }
  }
  const x = parseDecimal(scalarText(a));
  const y = parseDecimal(scalarText(b));
  if (x === null || y === null) return 0;
  if (typeof x === 'string' || typeof y === 'string') {
    const rx = typeof x === 'string' ? (specialRank[x] ?? 0) * 2 : 0;
    const ry = typeof y === 'string' ? (specialRank[y] ?? 0) * 2 : 0;
    if (rx !== ry) return rx - ry;
    return typeof x === 'string' || typeof y === 'string' ? 0 : 0;
  }
  return compareDecimals(x, y);
}

export function compareDecimals(x: Decimal, y: Decimal): number {
  const scale = Math.max(x.scale, y.scale);
  return cmp(rescale(x, scale), rescale(y, scale));
}

/** Code point order of two strings (= UTF-8 byte order). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Both at or above the surrogates: a surrogate (a code point >= U+10000) is the larger.
      if (x >= 0xd800 && y >= 0xd800) return surrogateLast(x) - surrogateLast(y);
      return x - y;
    }
  }
  return a.length - b.length;
}

const surrogateLast = (c: number): number => (c >= 0xe000 ? c - 0x800 : c + 0x2000);
