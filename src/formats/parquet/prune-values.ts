import type { SqlType } from '../../common/sql-types.js';
import type { SqlValue } from '../../common/sql-value.js';
import { parseDecimal } from '../../common/values/decimal-text.js';
import { parseHiveType } from './hive-type.js';

/**
 * The value families pruning compares, by a column's Hive type. Values of one family
 * compare exactly (numbers and bigints mix: JS relational operators on them are exact);
 * anything else (float, boolean, binary, nested) is not pruned on.
 */
export type Family = 'integer' | 'decimal' | 'date' | 'timestamp' | 'string';

export function familyOf(hiveType: string): Family | null {
  let t;
  try {
    t = parseHiveType(hiveType);
  } catch {
    return null;
  }
  if (t.kind === 'decimal') return 'decimal';
  if (t.kind !== 'primitive') return null;
  switch (t.name) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'integer':
    case 'bigint':
    case 'long':
      return 'integer';
    case 'date':
      return 'date';
    case 'timestamp':
    case 'timestamp_ntz':
      return 'timestamp';
    case 'string':
      return 'string';
    default:
      return t.name.startsWith('varchar(') ? 'string' : null;
  }
}

/** Whether a constant of this SQL type compares with a column of the family as the engine would. */
export function constFits(family: Family, type: SqlType): boolean {
  switch (family) {
    case 'integer':
      return type.kind === 'int2' || type.kind === 'int4' || type.kind === 'int8';
    case 'decimal':
      return (
        type.kind === 'numeric' ||
        type.kind === 'int2' ||
        type.kind === 'int4' ||
        type.kind === 'int8'
      );
    case 'date':
      return type.kind === 'date';
    case 'timestamp':
      // Both are microseconds since the epoch: an uncast timestamptz constant meets a
      // Spark `timestamp` column (an instant, timestamptz here), timestamp one a timestamp_ntz.
      return type.kind === 'timestamp' || type.kind === 'timestamptz';
    case 'string':
      // bpchar compares ignoring trailing spaces: not the order statistics are in.
      return type.kind === 'text' || type.kind === 'varchar' || type.kind === 'unknown';
  }
}

/**
 * Compares two non-null values of one family; null when they cannot be compared
 * exactly (malformed decimal text, strings whose UTF-16 order may differ from the
 * UTF-8 byte order Parquet statistics use).
 */
export function compareIn(family: Family, a: SqlValue, b: SqlValue): number | null {
  if (family === 'decimal') return compareDecimalValues(a, b);
  if (family === 'string') {
    if (typeof a !== 'string' || typeof b !== 'string' || beyondBmpOrder(a) || beyondBmpOrder(b))
      return null;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (
    (typeof a === 'number' || typeof a === 'bigint') &&
    (typeof b === 'number' || typeof b === 'bigint')
  )
    return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

/** Code units from U+D800 up sort differently in UTF-16 and UTF-8. */
function beyondBmpOrder(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0xd800) return true;
  return false;
}

/** numeric text, or an integer constant compared with a decimal column. */
function decimalText(v: SqlValue): string | null {
  return typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'bigint'
      ? String(v)
      : null;
}

function compareDecimalValues(a: SqlValue, b: SqlValue): number | null {
  const ta = decimalText(a);
  const tb = decimalText(b);
  if (ta === null || tb === null) return null;
  const x = parseDecimal(ta);
  const y = parseDecimal(tb);
  if (x === null || y === null || typeof x === 'string' || typeof y === 'string') return null;
  const scale = Math.max(x.scale, y.scale);
  const ux = x.unscaled * 10n ** BigInt(scale - x.scale);
  const uy = y.unscaled * 10n ** BigInt(scale - y.scale);
  return ux < uy ? -1 : ux > uy ? 1 : 0;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;

/**
 * A partition directory's text as a value of the key's family (Hive writes values as
 * text: `2024-01-31`, `2024-01-31 10:00:00`, `12.50`); undefined when it does not parse,
 * so pruning keeps the partition.
 */
export function partitionValueOf(family: Family | null, text: string): SqlValue | undefined {
  switch (family) {
    case 'integer':
      return /^[+-]?\d+$/.test(text) ? BigInt(text) : undefined;
    case 'decimal': {
      const d = parseDecimal(text);
      return d === null || typeof d === 'string' ? undefined : text.trim();
    }
    case 'date': {
      const m = DATE.exec(text);
      return m ? utcDays(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
    }
    case 'timestamp': {
      const m = TIMESTAMP.exec(text);
      if (!m) return undefined;
      const days = utcDays(Number(m[1]), Number(m[2]), Number(m[3]));
      if (days === undefined) return undefined;
      const seconds = days * 86_400 + Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6]);
      return BigInt(seconds) * 1_000_000n + BigInt((m[7] ?? '').padEnd(6, '0'));
    }
    case 'string':
      return text;
    case null:
      return undefined;
  }
}

function utcDays(y: number, m: number, d: number): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return Math.round(date.getTime() / 86_400_000);
}
