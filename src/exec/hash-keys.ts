import type { SqlType } from '../common/sql-types.js';
import type { Interval, SqlMap, SqlValue } from '../common/sql-value.js';

/**
 * Keys for hash tables (join build sides, set operations, DISTINCT, GROUP BY): a value
 * a JS Map compares by value. One key column is keyed by its values themselves
 * (Map's SameValueZero already equates -0 with 0 and NaN with NaN, as PostgreSQL's
 * float8 equality does), normalised where SQL equality is coarser than JS identity:
 *
 * - numeric text by value, whatever its scale ('1.0' = '1.00' = '1');
 * - int8 and timestamps (bigints) as numbers when exact, which hash faster;
 * - bpchar without trailing blanks ('a ' = 'a', bpchareq);
 * - interval by its 30-day-month span ('1 mon' = '30 days', interval_eq);
 * - bytea, arrays and maps, which are objects, by an encoding of their contents (a
 *   map's entries in sorted order, so maps equal whatever their entry order).
 *
 * Several key columns are encoded to one string, each value tagged and
 * self-delimiting so no two different rows encode alike. Comparing values of
 * different types is the binder's job: key columns arrive cast to one type.
 */
export type HashKey = string | number | bigint | boolean | null;

/** Maps a non-null value to its key; null when the value itself is the key. */
export type KeyNormalizer = (v: SqlValue) => HashKey;

export function keyNormalizer(type: SqlType): KeyNormalizer | null {
  switch (type.kind) {
    // A Map hashes a number several times faster than a bigint; every int8 within 2^53
    // is a distinct number, and one beyond stays a bigint, which no number key equals.
    case 'int8':
    case 'time':
    case 'timestamp':
    case 'timestamptz':
      return (v) => {
        const n = Number(v);
        return Number.isSafeInteger(n) ? n : (v as bigint);
      };
    case 'numeric':
      return (v) => canonicalNumeric(v as string);
    case 'bpchar':
      return (v) => trimBlanks(v as string);
    case 'interval':
      return (v) => intervalSpan(v as Interval);
    case 'bytea':
    case 'array':
    case 'map':
      return (v) => encodeValue(v, type);
    default:
      return null;
  }
}

/**
 * The key of every row of `columns` (the key columns, of `types`). With
 * `nullsMatch` false (joins: NULL = NULL is not true) a row with any NULL key
 * gets null, meaning "matches nothing"; with true (set operations, DISTINCT,
 * GROUP BY: IS NOT DISTINCT FROM) NULL is a key like any other.
 */
export function hashKeyColumn(
  columns: readonly (readonly SqlValue[])[],
  types: readonly SqlType[],
  rowCount: number,
  nullsMatch: boolean,
): HashKey[] {
  if (columns.length === 1) {
    const col = columns[0]!;
    const norm = keyNormalizer(types[0]!);
    const out = new Array<HashKey>(rowCount);
    if (norm === null) {
      for (let i = 0; i < rowCount; i++) out[i] = (col[i] ?? null) as HashKey;
    } else {
      for (let i = 0; i < rowCount; i++) {
        const v = col[i] ?? null;
        out[i] = v === null ? null : norm(v);
      }
    }
    return out;
  }
  const out = new Array<HashKey>(rowCount).fill('');
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c]!;
    const type = types[c];
    for (let i = 0; i < rowCount; i++) {
      const prev = out[i];
      if (prev === null) continue;
      const v = col[i] ?? null;
      out[i] = v === null && !nullsMatch ? null : (prev as string) + encodeValue(v, type);
    }
  }
  return out;
}

/**
 * One row's key as a string, NULLs equal (WITH RECURSIVE's UNION, DISTINCT). Without
 * `types` values are encoded as they are, which is exact for every type but numeric
 * (by scale), bpchar (trailing blanks) and interval (by fields).
 */
export function encodeRowKey(
  columns: readonly (readonly SqlValue[])[],
  row: number,
  types?: readonly SqlType[],
): string {
  let key = '';
  for (let c = 0; c < columns.length; c++) key += encodeValue(columns[c]![row] ?? null, types?.[c]);
  return key;
}

/** A self-delimiting, tagged encoding of one value (so concatenations never collide). */
export function encodeValue(v: SqlValue, type?: SqlType): string {
  if (v === null) return 'N';
  switch (typeof v) {
    case 'number':
      return `n${v === 0 ? 0 : v};`;
    case 'bigint':
      return `b${v};`;
    case 'boolean':
      return v ? 't' : 'f';
    case 'string': {
      const s =
        type?.kind === 'numeric'
          ? canonicalNumeric(v)
          : type?.kind === 'bpchar'
            ? trimBlanks(v)
            : v;
      return `s${s.length}:${s}`;
    }
    default:
      break;
  }
  if (v instanceof Uint8Array) return `x${Buffer.from(v).toString('hex')};`;
  if (Array.isArray(v)) {
    const element = type?.kind === 'array' ? type.element : undefined;
    let s = `a${v.length}:`;
    for (const e of v as readonly SqlValue[]) s += encodeValue(e, element);
    return s;
  }
  if (v instanceof Map) {
    // Map equality ignores entry order (Trino's map =): entries sorted by their encodings.
    const kt = type?.kind === 'map' ? type.key : undefined;
    const vt = type?.kind === 'map' ? type.value : undefined;
    const entries = [...(v as SqlMap)].map(([k, x]) => encodeValue(k, kt) + encodeValue(x, vt));
    return `m${entries.length}:${entries.sort().join('')}`;
  }
  return `i${intervalSpan(v as Interval)};`;
}

/**
 * numeric text without trailing fraction zeros: numeric equality ignores the scale
 * (PostgreSQL's cmp_numerics), so 1.0 and 1.00 must hash alike. NaN and the
 * infinities are returned as they are.
 */
export function canonicalNumeric(s: string): string {
  if (s.indexOf('.') < 0) return s === '-0' ? '0' : s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48 /* 0 */) end--;
  if (s.charCodeAt(end - 1) === 46 /* . */) end--;
  const t = end === s.length ? s : s.slice(0, end);
  return t === '-0' || t === '' || t === '-' ? '0' : t;
}

function trimBlanks(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** interval_cmp_value: months as 30 days, days as 24 hours, in microseconds. */
function intervalSpan(iv: Interval): bigint {
  return (BigInt(iv.months) * 30n + BigInt(iv.days)) * 86_400_000_000n + iv.micros;
}
