import type { TypedLiteral } from './ast.js';
import type { TokenCursor } from './token-cursor.js';
import { parseTypeName } from './type-name-parser.js';
import { notSupportedYet } from './unsupported-syntax.js';

/** Type names of more than one word, or with modifiers, that may open a typed literal. */
const TYPE_STARTS: ReadonlySet<string> = new Set([
  'double',
  'character',
  'char',
  'varchar',
  'bit',
  'time',
  'timestamp',
  'interval',
  'numeric',
  'decimal',
]);

/**
 * `type 'string'` (docs §4.2.13 / §4.1.2.7): `date '2024-01-01'`,
 * `timestamp with time zone '...'`, `interval '1 day'`, `interval '3' day`.
 * Returns null, with the cursor unchanged, when the tokens are not one.
 */
export function tryTypedLiteral(c: TokenCursor): TypedLiteral | null {
  const t = c.peek;
  if (t.kind !== 'word') return null;
  if (t.value === 'interval') {
    const spark = trySparkInterval(c);
    if (spark !== null) return spark;
  }
  if (c.at(1).kind !== 'string' && !TYPE_STARTS.has(t.value)) return null;
  const mark = c.mark;
  try {
    const type = parseTypeName(c);
    if (c.peek.kind !== 'string') {
      c.reset(mark);
      return null;
    }
    const text = c.next().value;
    const value = type.name === 'interval' ? intervalValue(c, text) : text;
    return { kind: 'typed-literal', span: c.span(t.start), type, value };
  } catch (err) {
    c.reset(mark);
    if (err instanceof Error && 'sqlstate' in err && err.sqlstate === '0A000') throw err;
    return null;
  }
}

/**
 * Spark's unquoted `INTERVAL 1 DAY` / `INTERVAL 7 days` (Spark SQL reference, "Literals"): the same
 * value as `interval '1 day'`.
 */
function trySparkInterval(c: TokenCursor): TypedLiteral | null {
  const t = c.peek;
  const n = c.at(1);
  const unit = c.at(2);
  if (n.kind !== 'integer' && n.kind !== 'decimal') return null;
  if (unit.kind !== 'word') return null;
  const singular = unit.value.endsWith('s') ? unit.value.slice(0, -1) : unit.value;
  if (!INTERVAL_UNITS.has(singular)) return null;
  c.next();
  c.next();
  c.next();
  const type = {
    kind: 'type-name',
    span: { start: t.start, end: t.end },
    name: 'interval',
    modifiers: [],
    typeArgs: [],
    fieldNames: [],
    arrayDims: 0,
  } as const;
  return { kind: 'typed-literal', span: c.span(t.start), type, value: `${n.value} ${singular}` };
}

const INTERVAL_UNITS: ReadonlySet<string> = new Set([
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
]);

/**
 * `interval '3' day` (SQL standard, used by TPC-H): a bare number with a unit
 * means that many units, so fold it into the string: '3 day'. Other field
 * qualifiers restrict precision and are not supported yet.
 */
function intervalValue(c: TokenCursor, text: string): string {
  const unit = c.peek;
  if (unit.kind !== 'word' || !INTERVAL_UNITS.has(unit.value)) return text;
  if (c.isWord('to', 1) || !/^\s*[+-]?[0-9]+(\.[0-9]*)?\s*$/.test(text)) {
    throw notSupportedYet(c, 'interval field qualifier', unit);
  }
  c.next();
  return `${text.trim()} ${unit.value}`;
}
